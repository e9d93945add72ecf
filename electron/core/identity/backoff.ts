/**
 * Sign-in backoff, as a pure function: the first three wrong secrets cost nothing, then each further failure
 * doubles the wait before the next attempt (1 s, 2 s, 4 s, ... up to 5 minutes). A right secret during the wait is
 * refused too, so guessing cannot outrun it.
 */
export const FREE_ATTEMPTS = 3;
export const MAX_WAIT_MS = 5 * 60_000;

export interface FailureRecord {
  /** Consecutive failures since the last successful sign-in. */
  count: number;
  lastAt: number;
}

/** When the next attempt is allowed (epoch ms); `lastAt` when nothing is owed. */
export function nextAttemptAt(f: FailureRecord | undefined): number {
  if (!f || f.count < FREE_ATTEMPTS) return f?.lastAt ?? 0;
  const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (f.count - FREE_ATTEMPTS));
  return f.lastAt + wait;
}
