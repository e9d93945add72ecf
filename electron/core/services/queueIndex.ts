import type { Conversation } from '../../../shared/schema';
import { compareAcross, compareEntry, sortEntry, type SortEntry } from '../../../shared/rules/priority';
import type { FilterableItem } from '../../../shared/rules/queueFilter';
import { owedTier } from '../../../shared/rules/sla';

/** One active conversation in the index: its precomputed sort key and the fields filters read. */
export interface QueueEntry extends SortEntry, FilterableItem {
  paused: boolean;
  conversation: Conversation;
}

export function entryOf(c: Conversation, customerName: string): QueueEntry {
  const key = sortEntry({ id: c.id, severe: c.severity === 'severe', vip: owedTier(c) === 'vip', dueAt: c.dueAt, pausedAt: c.slaPausedAt });
  return {
    ...key,
    paused: c.dueAt !== null && c.slaPausedAt !== null,
    conversation: c,
    category: c.category,
    tier: owedTier(c),
    status: c.status,
    ownerId: c.ownerId,
    assigneeId: c.assigneeId,
    snoozedUntil: c.snoozedUntil,
    text: `${c.id}\n${c.subject}\n${customerName}`.toLocaleLowerCase(),
  };
}

/** First index whose entry is not before `e` in the static group order. */
function lowerBound(list: QueueEntry[], e: QueueEntry): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEntry(list[mid], e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The queue's order kept incrementally. Running clocks and paused clocks are two lists, each sorted once on
 * precomputed keys (their internal order does not depend on time); a changed conversation is re-placed by binary
 * search; reads merge the two lists at `now` with the one comparator (shared/rules/priority.ts).
 */
export class QueueIndex {
  private running: QueueEntry[] = [];
  private paused: QueueEntry[] = [];
  private byId = new Map<string, QueueEntry>();

  get size(): number {
    return this.byId.size;
  }

  entries(): IterableIterator<QueueEntry> {
    return this.byId.values();
  }

  get(id: string): QueueEntry | undefined {
    return this.byId.get(id);
  }

  /** Replaces everything; one sort on precomputed keys. */
  rebuild(entries: QueueEntry[]): void {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.running = entries.filter((e) => !e.paused).sort(compareEntry);
    this.paused = entries.filter((e) => e.paused).sort(compareEntry);
  }

  remove(id: string): boolean {
    const old = this.byId.get(id);
    if (!old) return false;
    const list = old.paused ? this.paused : this.running;
    let i = lowerBound(list, old);
    if (list[i] !== old) i = list.indexOf(old); // never expected; keeps the index right if a key was mutated
    if (i >= 0) list.splice(i, 1);
    this.byId.delete(id);
    return true;
  }

  /** Inserts or re-places one entry (binary search, O(log n) compares + one splice). */
  upsert(e: QueueEntry): void {
    this.remove(e.id);
    const list = e.paused ? this.paused : this.running;
    list.splice(lowerBound(list, e), 0, e);
    this.byId.set(e.id, e);
  }

  /** The whole order at `now`, keeping only entries that pass `keep`: a linear merge of the two sorted lists. */
  ordered(now: number, keep: (e: QueueEntry) => boolean = () => true): QueueEntry[] {
    const out: QueueEntry[] = [];
    const r = this.running;
    const p = this.paused;
    let i = 0;
    let j = 0;
    while (i < r.length && j < p.length) {
      const next = compareAcross(r[i], p[j], now) <= 0 ? r[i++] : p[j++];
      if (keep(next)) out.push(next);
    }
    for (; i < r.length; i++) if (keep(r[i])) out.push(r[i]);
    for (; j < p.length; j++) if (keep(p[j])) out.push(p[j]);
    return out;
  }
}
