import type { Conversation } from '../../../shared/schema';
import { compareAcross, compareEntry, sortEntry, type SortEntry } from '../../../shared/rules/priority';
import type { FilterableItem } from '../../../shared/rules/queueFilter';
import { owedTier } from '../../../shared/rules/sla';

/** One active conversation in the index: its precomputed sort key and the fields filters read. */
export interface QueueEntry extends SortEntry, FilterableItem {
  paused: boolean;
  conversation: Conversation;
  /** The customer name `text` was built with. */
  customerName: string;
}

/**
 * The queue entry of an active conversation. `previous` is the conversation's entry before this change: its
 * lower-cased filter text is kept when the subject and the customer's name are the same (most changes are a
 * message or a clock; `toLocaleLowerCase` was ~3.5 µs an entry, a tenth of the queue's share of an import commit).
 */
export function entryOf(c: Conversation, customerName: string, previous?: QueueEntry): QueueEntry {
  const tier = owedTier(c);
  const key = sortEntry({ id: c.id, severe: c.severity === 'severe', vip: tier === 'vip', dueAt: c.dueAt, pausedAt: c.slaPausedAt });
  // One literal with every field (not a spread of the key): made for each conversation a commit touches.
  return {
    id: key.id,
    severe: key.severe,
    vip: key.vip,
    dueAt: key.dueAt,
    pausedAt: key.pausedAt,
    sev: key.sev,
    k: key.k,
    p: key.p,
    v: key.v,
    paused: c.dueAt !== null && c.slaPausedAt !== null,
    conversation: c,
    category: c.category,
    tier,
    status: c.status,
    ownerId: c.ownerId,
    assigneeId: c.assigneeId,
    snoozedUntil: c.snoozedUntil,
    customerName,
    text:
      previous !== undefined && previous.id === c.id && previous.conversation.subject === c.subject && previous.customerName === customerName
        ? previous.text
        : `${c.id}\n${c.subject}\n${customerName}`.toLocaleLowerCase(),
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

/** Entries per chunk of a SortedList (a chunk splits in two past twice this). */
const CHUNK = 512;

/**
 * One sorted list of entries, held as consecutive sorted chunks of at most 2×CHUNK. Re-placing an entry costs a
 * binary search and a splice of one small chunk, not two splices of a 50 000-entry array (~0.1 ms each at that
 * size, on every commit that touches a conversation).
 */
class SortedList {
  private chunks: QueueEntry[][] = [];
  private flat: QueueEntry[] | null = [];
  private count = 0;

  constructor(sorted: QueueEntry[] = []) {
    for (let i = 0; i < sorted.length; i += CHUNK) this.chunks.push(sorted.slice(i, i + CHUNK));
    this.count = sorted.length;
    this.flat = sorted;
  }

  get length(): number {
    return this.count;
  }

  /** The whole list as one array (cached until the next change). */
  array(): QueueEntry[] {
    if (this.flat === null) this.flat = this.chunks.length === 1 ? this.chunks[0].slice() : ([] as QueueEntry[]).concat(...this.chunks);
    return this.flat;
  }

  /** The first chunk whose last entry is not before `e` (the last chunk when `e` goes after everything). */
  private chunkFor(e: QueueEntry): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.chunks[mid];
      if (compareEntry(c[c.length - 1], e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(e: QueueEntry): void {
    this.flat = null;
    this.count++;
    if (this.chunks.length === 0) {
      this.chunks.push([e]);
      return;
    }
    const ci = this.chunkFor(e);
    const chunk = this.chunks[ci];
    chunk.splice(lowerBound(chunk, e), 0, e);
    if (chunk.length > 2 * CHUNK) this.chunks.splice(ci + 1, 0, chunk.splice(CHUNK));
  }

  /** Where this very entry object is, or null. */
  private find(e: QueueEntry): [number, number] | null {
    if (this.chunks.length === 0) return null;
    let ci = this.chunkFor(e);
    let i = lowerBound(this.chunks[ci], e);
    if (this.chunks[ci][i] !== e) {
      // Never expected; keeps the index right if a key was mutated.
      ci = this.chunks.findIndex((c) => c.includes(e));
      if (ci < 0) return null;
      i = this.chunks[ci].indexOf(e);
    }
    return [ci, i];
  }

  /** Puts `e` in the place of `old`, which sorts exactly where `e` does (same key); false when `old` is not here. */
  replace(old: QueueEntry, e: QueueEntry): boolean {
    const at = this.find(old);
    if (!at) return false;
    this.chunks[at[0]][at[1]] = e;
    this.flat = null;
    return true;
  }

  /** Removes this very entry object; false when it is not in the list. */
  remove(e: QueueEntry): boolean {
    const at = this.find(e);
    if (!at) return false;
    const [ci, i] = at;
    const chunk = this.chunks[ci];
    chunk.splice(i, 1);
    if (chunk.length === 0) this.chunks.splice(ci, 1);
    this.count--;
    this.flat = null;
    return true;
  }
}

/**
 * The queue's order kept incrementally. Running clocks and paused clocks are two lists, each sorted once on
 * precomputed keys (their internal order does not depend on time); a changed conversation is re-placed by binary
 * search; reads merge the two lists at `now` with the one comparator (shared/rules/priority.ts).
 */
export class QueueIndex {
  private running = new SortedList();
  private paused = new SortedList();
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
    this.running = new SortedList(entries.filter((e) => !e.paused).sort(compareEntry));
    this.paused = new SortedList(entries.filter((e) => e.paused).sort(compareEntry));
  }

  remove(id: string): boolean {
    const old = this.byId.get(id);
    if (!old) return false;
    (old.paused ? this.paused : this.running).remove(old);
    this.byId.delete(id);
    return true;
  }

  /** Inserts or re-places one entry (binary search, O(log n) compares + one splice of a small chunk). */
  upsert(e: QueueEntry): void {
    const old = this.byId.get(e.id);
    // Most commits leave a conversation's place alone (a customer chasing a reply keeps the oldest message's due
    // time): then the entry takes the old one's slot, with no search for a new place and no splice.
    if (old && old.paused === e.paused && compareEntry(old, e) === 0 && (old.paused ? this.paused : this.running).replace(old, e)) {
      this.byId.set(e.id, e);
      return;
    }
    this.remove(e.id);
    (e.paused ? this.paused : this.running).insert(e);
    this.byId.set(e.id, e);
  }

  /** The whole order at `now`, keeping only entries that pass `keep`: a linear merge of the two sorted lists. */
  ordered(now: number, keep: (e: QueueEntry) => boolean = () => true): QueueEntry[] {
    const out: QueueEntry[] = [];
    const r = this.running.array();
    const p = this.paused.array();
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
