import type { TrainingScenario } from '../../schema/training';
import { weightOf, type Transcript, type Verdict } from './transcript';

/**
 * A severe complaint is escalated (marked severe, or transferred to a lead) in the workspace; escalating what did
 * not need it costs the points too (leads' time is the scarce thing). Not required and not done: does not apply.
 */
export function gradeEscalation(scenario: TrainingScenario, t: Transcript): Verdict {
  const max = weightOf(scenario, 'escalation');
  if (scenario.escalationRequired) {
    return t.escalated
      ? { item: 'escalation', met: true, points: max, max, why: { code: 'escalated', params: {} }, quotes: [] }
      : { item: 'escalation', met: false, points: 0, max, why: { code: 'not_escalated', params: {} }, quotes: [] };
  }
  if (t.escalated) return { item: 'escalation', met: false, points: 0, max, why: { code: 'escalated_unneeded', params: {} }, quotes: [] };
  return { item: 'escalation', met: true, points: 0, max: 0, why: { code: 'not_applicable', params: {} }, quotes: [] };
}
