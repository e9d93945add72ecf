import { z } from 'zod';
import { CannedScope } from '../schema/canned';
import { Category, Locale } from '../schema/common';
import { JsonSyntaxError, jsonValueOffsets, lineAt, lineIndex } from './jsonPositions';

/**
 * The canned-reply library as a JSON file: what export writes and import reads. Import checks the whole file
 * before anything is stored; each problem names the line, the item and the field.
 */
export const CANNED_FILE_FORMAT = 'kefu-desk/canned-replies';

export const CannedFileItem = z
  .object({
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(5000),
    category: Category.nullable().default(null),
    locale: Locale,
    shortcut: z
      .string()
      .trim()
      .max(40)
      .regex(/^\S*$/u, 'A shortcut has no spaces')
      .default(''),
    scope: CannedScope.default('personal'),
  })
  .strict();
export type CannedFileItem = z.infer<typeof CannedFileItem>;

export const ImportProblem = z.object({
  line: z.number().int().min(1),
  /** 1-based position in the file's list; null for a problem with the file as a whole. */
  item: z.number().int().min(1).nullable(),
  /** The field at fault ("body"), or null. */
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export type ParsedFile = { ok: true; items: CannedFileItem[]; lines: number[] } | { ok: false; problems: ImportProblem[] };

const MAX_ITEMS = 5000;

export function parseCannedFile(text: string): ParsedFile {
  let offsets: Map<string, number>;
  let data: unknown;
  try {
    // Our scanner first: it knows where a syntax error is; JSON.parse then builds the value.
    offsets = jsonValueOffsets(text.replace(/^\uFEFF/u, ''));
    data = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (e) {
    const line = e instanceof JsonSyntaxError ? lineAt(text, e.offset) : 1;
    return { ok: false, problems: [{ line, item: null, field: null, message: `Not valid JSON: ${(e as Error).message}` }] };
  }
  const bare = Array.isArray(data);
  const list: unknown = bare ? data : (data as { cannedReplies?: unknown } | null)?.cannedReplies;
  const base = bare ? '' : '/cannedReplies';
  if (!Array.isArray(list)) {
    return { ok: false, problems: [{ line: 1, item: null, field: null, message: `Expected a list of canned replies (or { "format": "${CANNED_FILE_FORMAT}", "cannedReplies": [...] })` }] };
  }
  if (list.length > MAX_ITEMS) return { ok: false, problems: [{ line: 1, item: null, field: null, message: `At most ${MAX_ITEMS} replies per file` }] };

  const lineOf = lineIndex(text);
  const items: CannedFileItem[] = [];
  const lines: number[] = [];
  const problems: ImportProblem[] = [];
  list.forEach((raw, index) => {
    const itemLine = lineOf(offsets.get(`${base}/${index}`) ?? 0);
    const r = CannedFileItem.safeParse(raw);
    if (r.success) {
      items.push(r.data);
      lines.push(itemLine);
      return;
    }
    for (const issue of r.error.issues) {
      // An unknown key is reported on that key's line.
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const field = keys[0] ?? (issue.path.length ? String(issue.path[0]) : null);
      const at = field !== null ? offsets.get(`${base}/${index}/${field}`) : undefined;
      problems.push({ line: at !== undefined ? lineOf(at) : itemLine, item: index + 1, field, message: issue.message });
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, items, lines };
}

/** The file export writes: readable, one field per line, so a lead can review it in any editor. */
export function serializeCannedFile(items: readonly CannedFileItem[], exportedAt: number): string {
  const cannedReplies = items.map(({ title, body, category, locale, shortcut, scope }) => ({ title, body, category, locale, shortcut, scope }));
  return `${JSON.stringify({ format: CANNED_FILE_FORMAT, version: 1, exportedAt: new Date(exportedAt).toISOString(), cannedReplies }, null, 2)}\n`;
}
