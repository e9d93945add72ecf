import type { TrainingScenario } from '../../schema/training';
import { matchKeyPoints } from './match';
import type { Tokenize } from './text';
import { quote, roundPoints, traineeReplies, weightOf, type Transcript, type Verdict } from './transcript';

/** Which required key points the replies covered, each with the first reply that made it. */
export function keyPointCoverage(scenario: TrainingScenario, t: Transcript, tokenize: Tokenize): Map<string, string> {
  const covered = new Map<string, string>();
  for (const r of traineeReplies(t)) {
    for (const hit of matchKeyPoints(r.text, scenario.keyPoints, tokenize)) if (!covered.has(hit.id)) covered.set(hit.id, r.text);
  }
  return covered;
}

/** Required key points covered: points in proportion; the missed ones named. */
export function gradeKeyPoints(scenario: TrainingScenario, covered: ReadonlyMap<string, string>): Verdict {
  const max = weightOf(scenario, 'key_points');
  const required = scenario.keyPoints.filter((k) => k.required);
  if (required.length === 0) return { item: 'key_points', met: true, points: 0, max: 0, why: { code: 'not_applicable', params: {} }, quotes: [] };
  const got = required.filter((k) => covered.has(k.id));
  const missed = required.filter((k) => !covered.has(k.id));
  const met = missed.length === 0;
  return {
    item: 'key_points',
    met,
    points: roundPoints((max * got.length) / required.length),
    max,
    why: { code: met ? 'all_key_points' : 'key_points_missed', params: { covered: got.length, total: required.length, missed: missed.map((k) => k.label).join(' / ') } },
    quotes: [...new Set(got.map((k) => quote(covered.get(k.id) as string)))].slice(0, 10),
  };
}
