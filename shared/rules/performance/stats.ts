/**
 * The two summaries the performance metrics use, on plain numbers (the inputs are not changed):
 * - median: the middle value, or the mean of the two middle values of an even count;
 * - percentile p (0–100] by the nearest-rank method: the smallest value with at least p % of the values at or below
 *   it (p90 of 10 values is the 9th smallest). It is always one of the measured values, never an interpolation.
 * Both are null for no values.
 */
/** A sorted copy (a typed array sorts numbers natively, several times faster than Array#sort with a comparator). */
export const sortedCopy = (values: readonly number[]): Float64Array => Float64Array.from(values).sort();

export function medianOfSorted(s: ArrayLike<number>): number | null {
  if (s.length === 0) return null;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function percentileOfSorted(s: ArrayLike<number>, p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside (0, 100]`);
  if (s.length === 0) return null;
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

export const median = (values: readonly number[]): number | null => medianOfSorted(sortedCopy(values));
export const percentile = (values: readonly number[], p: number): number | null => percentileOfSorted(sortedCopy(values), p);

/** A share as a percentage, null when there is nothing to share. */
export const pct = (part: number, whole: number): number | null => (whole > 0 ? (part / whole) * 100 : null);
