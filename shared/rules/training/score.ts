import type { Verdict } from './transcript';

/**
 * The overall score, 0–100: points earned over the points possible of the items that apply, rounded to a whole
 * number. Nothing applicable (no item weighs anything): 0, since nothing was shown.
 */
export function overallScore(verdicts: readonly Pick<Verdict, 'points' | 'max'>[]): number {
  const max = verdicts.reduce((n, v) => n + v.max, 0);
  if (max <= 0) return 0;
  const points = verdicts.reduce((n, v) => n + Math.min(v.points, v.max), 0);
  return Math.max(0, Math.min(100, Math.round((100 * points) / max)));
}
