import { timeLeft } from './sla';

export type Urgency = 'calm' | 'at_risk' | 'breached' | 'none';
export const URGENCIES: readonly Urgency[] = ['breached', 'at_risk', 'calm', 'none'];

/**
 * How a countdown reads: `breached` once the due time has passed, `at_risk` within the configured minutes
 * (default 120), `calm` otherwise, `none` when nothing is owed. A paused clock keeps its frozen time left.
 */
export function urgencyAt(c: { dueAt: number | null; slaPausedAt: number | null }, now: number, atRiskMinutes: number): Urgency {
  const left = timeLeft(c, now);
  if (left === null) return 'none';
  if (left <= 0) return 'breached';
  return left <= atRiskMinutes * 60_000 ? 'at_risk' : 'calm';
}
