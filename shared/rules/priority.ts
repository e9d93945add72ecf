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
}

export function sortEntry(key: PriorityKey): SortEntry {
  const k = key.dueAt === null ? Number.POSITIVE_INFINITY : key.pausedAt !== null ? key.dueAt - key.pausedAt : key.dueAt;
  return { ...key, sev: key.severe ? 0 : 1, k };
}

/** The static order within one group (all running, or all paused). */
export function compareEntry(a: SortEntry, b: SortEntry): number {
  return a.sev - b.sev || (a.k !== b.k ? (a.k < b.k ? -1 : 1) : 0) || (a.vip === b.vip ? 0 : a.vip ? -1 : 1) || byId(a.id, b.id);
}
