import type { SpoolSeen } from '../../../../shared/schema';
import type { Change, Store } from '../../store/types';

/**
 * How long an applied event id is remembered after its batch was imported (desk clock), once the file it came from
 * is gone from the spool folder. While that file is still there the ids are kept whatever their age: a file that
 * becomes shorter is read again from the start (docs/spool-format.md), so every line of it may come back. After it
 * is archived, a line carrying the id comes back only if the connector re-sends it (a copy, a retry), which it
 * does within minutes or days, not months.
 */
export const SEEN_RETENTION_DAYS = 30;
const DAY = 24 * 3600_000;

/**
 * The record of one batch's ids is named after its file, `ss-<file key>-<unique>`, so pruning can tell whether
 * that file is still in the folder without a field the stored schema lacks. Records written before this naming
 * (`ss-<unique>`, no file key) are pruned by age alone.
 */
const KEYED = /^ss-([0-9a-f]{16})-/;
export const seenRecordId = (fileKey: string, unique: string) => `ss-${fileKey}-${unique}`;
const fileKeyOf = (recordId: string) => KEYED.exec(recordId)?.[1] ?? null;

/**
 * The ids of the events already applied (the de-duplication set), loaded from `spoolSeen` and pruned by the rule
 * above. The set in memory always equals the union of the records in the store.
 */
export function createSeenIds(store: Store) {
  const seen = new Set<string>();
  for (const s of store.all('spoolSeen').values()) for (const id of s.eventIds) seen.add(id);

  return {
    has: (id: string) => seen.has(id),
    /** After the batch's commit: its ids are applied. */
    addAll(ids: Iterable<string>): void {
      for (const id of ids) seen.add(id);
    },
    get size() {
      return seen.size;
    },
    /**
     * Forgets the records imported more than SEEN_RETENTION_DAYS before `now` whose file (by key) is not among
     * `presentKeys`, in one commit; then their ids. Returns how many ids were forgotten.
     */
    async prune(now: number, presentKeys: ReadonlySet<string>): Promise<number> {
      const cutoff = now - SEEN_RETENTION_DAYS * DAY;
      const gone: SpoolSeen[] = [];
      for (const s of store.all('spoolSeen').values()) {
        if (s.at >= cutoff) continue;
        const key = fileKeyOf(s.id);
        if (key !== null && presentKeys.has(key)) continue;
        gone.push(s);
      }
      if (gone.length === 0) return 0;
      await store.commit(gone.map((s): Change => ({ op: 'del', coll: 'spoolSeen', id: s.id })));
      let n = 0;
      for (const s of gone) for (const id of s.eventIds) n += seen.delete(id) ? 1 : 0;
      return n;
    },
  };
}
export type SeenIds = ReturnType<typeof createSeenIds>;
