import { phraseMatcher, runsOf } from '../../../../shared/rules/segment';
import type { Collected, EngineHit, SlotKind, SlotRef } from './engine';

/**
 * The first this-many hits in recency order are checked for the exact phrase and shown phrase first; later hits
 * follow in recency order (a common query has tens of thousands of hits: testing them all would cost more than
 * the whole rest of the query).
 */
export const PHRASE_WINDOW = 200;

/**
 * One page of a query's hits in their fixed order: customers first, then the newest PHRASE_WINDOW hits with the
 * exact phrase before scattered words, then every older hit, newest first. Apart from the index (which holds no
 * text): the phrase test reads texts through `textOf` (the store), so the index can live on another thread.
 */
export function arrange(
  query: string,
  { customers, recent, total }: Collected,
  offset: number,
  limit: number,
  textOf: (kind: SlotKind, id: string, group: string) => string | undefined,
): { hits: EngineHit[]; total: number; complete: boolean; hasMore: boolean } {
  if (total === 0) return { hits: [], total: 0, complete: true, hasMore: false };
  // One run of Latin, or one or two Han characters: every hit holds the query as it is.
  const runs = runsOf(query);
  const always = runs.length === 1 && (!runs[0].han || Array.from(runs[0].text).length <= 2);
  const isPhrase = phraseMatcher(query);
  const phraseOf = (h: SlotRef) => {
    if (always) return true;
    const text = textOf(h.kind, h.id, h.group);
    return text !== undefined && isPhrase(text);
  };
  const window = recent.slice(0, PHRASE_WINDOW);
  const flags = window.map(phraseOf);
  const ordered = [...customers, ...window.filter((_, i) => flags[i]), ...window.filter((_, i) => !flags[i]), ...recent.slice(PHRASE_WINDOW)];
  const verified = new Map<SlotRef, boolean>(window.map((h, i) => [h, flags[i]]));
  const hits = ordered.slice(offset, offset + limit).map((h): EngineHit => ({ kind: h.kind, id: h.id, group: h.group, phrase: verified.get(h) ?? phraseOf(h) }));
  return { hits, total, complete: true, hasMore: ordered.length > offset + limit };
}
