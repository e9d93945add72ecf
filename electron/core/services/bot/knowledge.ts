import faqFile from '../../../../shared/data/faq.json';
import intentsEn from '../../../../shared/data/intents.en.json';
import intentsZh from '../../../../shared/data/intents.zh.json';
import { FaqFile, LabelledFile, type FaqEntryData, type FaqRecord, type LabelledMessage } from '../../../../shared/schema';

/**
 * The built-in data: the FAQ knowledge base and the classifier's labelled messages, bundled with the app and
 * checked against their schemas when first read (a broken data file fails loudly at the first bot turn and in
 * the unit tests, never silently answers from half a knowledge base).
 */

let faq: FaqEntryData[] | null = null;
let labelled: LabelledMessage[] | null = null;

export function builtinFaq(): FaqEntryData[] {
  if (!faq) {
    const parsed = FaqFile.parse(faqFile);
    const ids = new Set<string>();
    for (const e of parsed.entries) {
      if (ids.has(e.id)) throw new Error(`shared/data/faq.json: duplicate id ${e.id}`);
      ids.add(e.id);
    }
    faq = parsed.entries;
  }
  return faq;
}

export function labelledMessages(): LabelledMessage[] {
  labelled ??= [...LabelledFile.parse(intentsZh).messages, ...LabelledFile.parse(intentsEn).messages];
  return labelled;
}

/** The knowledge base in effect: the built-in entries overlaid with a lead's edits (replaced, added, hidden). */
export function effectiveFaq(edits: Iterable<FaqRecord>): { entry: FaqEntryData; origin: 'builtin' | 'edited' | 'added'; record: FaqRecord | null }[] {
  const byId = new Map<string, { entry: FaqEntryData; origin: 'builtin' | 'edited' | 'added'; record: FaqRecord | null }>();
  for (const e of builtinFaq()) byId.set(e.id, { entry: e, origin: 'builtin', record: null });
  for (const r of edits) {
    if (r.deleted) {
      byId.delete(r.id);
      continue;
    }
    const { deleted: _d, updatedAt: _u, updatedBy: _b, ...entry } = r;
    byId.set(r.id, { entry, origin: byId.has(r.id) && byId.get(r.id)!.origin !== 'added' ? 'edited' : 'added', record: r });
  }
  return [...byId.values()].sort((a, b) => a.entry.id.localeCompare(b.entry.id));
}
