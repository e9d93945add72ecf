import type { TrainingScenario } from '../../schema/training';
import { weightOf, type Transcript, type Verdict } from './transcript';

/**
 * The conversation reached a good end from the customer's side: `resolved`, or `escalated` where the scenario
 * requires escalation. The customer leaving (`abandoned`) or never getting there misses it.
 */
export function gradeResolution(scenario: TrainingScenario, t: Transcript): Verdict {
  const max = weightOf(scenario, 'resolution');
  const ok = t.end === 'resolved' || (t.end === 'escalated' && scenario.escalationRequired);
  const code = ok ? `ended_${t.end}` : t.end === null ? 'not_reached' : t.end === 'abandoned' ? 'customer_left' : 'ended_escalated_unneeded';
  return { item: 'resolution', met: ok, points: ok ? max : 0, max, why: { code, params: {} }, quotes: [] };
}
