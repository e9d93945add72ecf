/**
 * THE queue order (one comparator, documented and property-tested):
 *  1. severe complaints first (escalated to the leads);
 *  2. then by time left, ascending, so breached conversations come first, the longest breached first, and then
 *     the ones with the least time left; a paused (`pending`) clock has its frozen time left; nothing owed sorts
 *     last;
 *  3. at equal urgency (the same time left) VIP before normal;
 *  4. then by id, so the order is total and deterministic.
 * Consequence proven by tests: a VIP is never behind a normal conversation (of the same severity class) whose
 * due time is the same or later.
 */
export interface PriorityKey {
  id: string;
  severe: boolean;
  vip: boolean;
  /** Stored due time; null: nothing owed. */
  dueAt: number | null;
  /** Set while the clock is paused. */
  pausedAt: number | null;
}

/** Time left at `now` (frozen while paused); +Infinity when nothing is owed. */
export function urgencyOf(k: Pick<PriorityKey, 'dueAt' | 'pausedAt'>, now: number): number {
  if (k.dueAt === null) return Number.POSITIVE_INFINITY;
  return k.pausedAt !== null ? k.dueAt - k.pausedAt : k.dueAt - now;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareQueue(a: PriorityKey, b: PriorityKey, now: number): number {
  if (a.severe !== b.severe) return a.severe ? -1 : 1;
  const ua = urgencyOf(a, now);
  const ub = urgencyOf(b, now);
  if (ua !== ub) return ua < ub ? -1 : 1;
  if (a.vip !== b.vip) return a.vip ? -1 : 1;
  return byId(a.id, b.id);
}

/**
 * Precomputed sort key for the core's index. Within running clocks the order does not depend on `now`
 * (time left = due − now), and within paused clocks neither (time left is frozen), so each group is kept sorted
 * once and the two are merged at read time with `compareQueue`.
 */
export interface SortEntry extends PriorityKey {
  /** 0 severe, 1 otherwise. */
  sev: number;
  /** Running: due time; paused: frozen time left; nothing owed: +Infinity. */
  k: number;
  /** One number for (severity, k): compared first, so most comparisons are a single subtraction. */
  p: number;
  /** 0 VIP, 1 normal. */
  v: number;
}

/** Larger than any due time (year 4822) and any frozen time left; sums stay exact integers below 2^53. */
const NONE = 9e13;
const SEVERITY_STEP = 1e14;

export function sortEntry(key: PriorityKey): SortEntry {
  const k = key.dueAt === null ? Number.POSITIVE_INFINITY : key.pausedAt !== null ? key.dueAt - key.pausedAt : key.dueAt;
  const sev = key.severe ? 0 : 1;
  // One literal, not a spread of `key`: built for every conversation a commit touches (a spool batch: ~1 000).
  return { id: key.id, severe: key.severe, vip: key.vip, dueAt: key.dueAt, pausedAt: key.pausedAt, sev, k, p: sev * SEVERITY_STEP + (k === Number.POSITIVE_INFINITY ? NONE : k), v: key.vip ? 0 : 1 };
}

/** The static order within one group (all running, or all paused): the same as compareQueue at any `now`. */
export function compareEntry(a: SortEntry, b: SortEntry): number {
  return a.p - b.p || a.v - b.v || byId(a.id, b.id);
}

/**
 * compareQueue on precomputed entries, one running and one paused (the merge step): time left is `k − now` for a
 * running clock and `k` for a paused one.
 */
export function compareAcross(running: SortEntry, paused: SortEntry, now: number): number {
  if (running.sev !== paused.sev) return running.sev - paused.sev;
  const lr = running.k - now;
  const lp = paused.k;
  if (lr !== lp) return lr < lp ? -1 : 1;
  return running.v - paused.v || byId(running.id, paused.id);
}
