import type { PerformanceComponent, PerformanceSettings } from '../../schema/settings';
import type { Figures } from './metrics';

/**
 * The personal performance score (docs/rules.md "Performance"): each component earns 0–100 against its target, and
 * the score is the weighted mean of the components that have enough data. Too few ratings or conversations make a
 * component "not enough data" (left out, shown as such), never a low score.
 *
 * Curves, all linear between their two ends and monotone in the value:
 * - lower is better (first response minutes, resolution hours, upheld complaints per 100 conversations, reopen %):
 *   100 at or below the target, 0 at twice the target (a target of 0: 0 at 1), so half-way between earns 50;
 * - higher is better (SLA compliance %): 0 at 0 %, 100 at or above the target;
 * - CSAT average: 0 at 1 (the lowest rating), 100 at or above the target.
 */
export interface Component {
  component: PerformanceComponent;
  /** The measured value in the target's unit (minutes, hours, %, average 1–5, per 100); null: nothing measured. */
  value: number | null;
  target: number;
  score: number | null;
  weight: number;
  notEnough: { have: number; need: number } | null;
}

const clamp100 = (x: number) => Math.min(100, Math.max(0, x));

/** Lower is better: 100 at or below the target, 0 at twice it (at 1 for a target of 0). */
export function lowerIsBetter(value: number, target: number): number {
  if (value <= target) return 100;
  const zeroAt = target + Math.max(target, 1);
  return clamp100((100 * (zeroAt - value)) / (zeroAt - target));
}

/** Higher is better, from `floor` (0 points) to the target (100 points). */
export function higherIsBetter(value: number, target: number, floor = 0): number {
  if (value >= target) return 100;
  if (target <= floor) return 100;
  return clamp100((100 * (value - floor)) / (target - floor));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Every component of the score for these figures and settings, in PERFORMANCE_COMPONENTS order. */
export function componentsOf(f: Figures, s: PerformanceSettings): Component[] {
  const enoughWork = f.handled >= s.minConversations ? null : { have: f.handled, need: s.minConversations };
  const enoughRatings = f.ratings >= s.minRatings ? null : { have: f.ratings, need: s.minRatings };
  const make = (
    component: PerformanceComponent,
    value: number | null,
    target: number,
    curve: (v: number, t: number) => number,
    lacking: { have: number; need: number } | null,
  ): Component => {
    // Enough work but nothing of this kind measured (nothing resolved yet, say): not enough data either.
    const notEnough = lacking ?? (value === null ? { have: 0, need: 1 } : null);
    return { component, value, target, score: notEnough || value === null ? null : curve(value, target), weight: s.weights[component], notEnough };
  };
  const t = s.targets;
  return [
    make('firstResponse', f.firstResponseMedianMs === null ? null : f.firstResponseMedianMs / MINUTE, t.firstResponseMinutes, lowerIsBetter, enoughWork),
    make('resolution', f.resolutionMedianMs === null ? null : f.resolutionMedianMs / HOUR, t.resolutionHours, lowerIsBetter, enoughWork),
    make('slaCompliance', f.slaCompliancePct, t.slaCompliancePct, (v, x) => higherIsBetter(v, x), enoughWork),
    make('csat', f.csatAverage, t.csatAverage, (v, x) => higherIsBetter(v, x, 1), enoughRatings),
    make('complaints', f.handled > 0 ? (100 * f.complaintsUpheld) / f.handled : null, t.upheldComplaintsPer100, lowerIsBetter, enoughWork),
    make('reopen', f.reopenRatePct, t.reopenPct, lowerIsBetter, enoughWork),
    // One finished practice is enough: the score is the trainee's own work, not a sample of customers.
    make('training', f.trainingScore, t.trainingScore, (v, x) => higherIsBetter(v, x), null),
  ];
}

/** The weighted mean of the components with a score and a weight above 0; null when none has. */
export function compositeOf(components: readonly Component[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of components) {
    if (c.score === null || c.weight <= 0) continue;
    sum += c.score * c.weight;
    weights += c.weight;
  }
  return weights > 0 ? clamp100(sum / weights) : null;
}

export function scoreOf(f: Figures, s: PerformanceSettings): { score: number | null; components: Component[] } {
  const components = componentsOf(f, s);
  return { score: compositeOf(components), components };
}
