import type { TrainingScenario } from '../../schema/training';
import { weightOf, type Transcript, type Verdict } from './transcript';

/** The conversation ends in the category the issue is really about (the customer's own pick may be wrong). */
export function gradeCategory(scenario: TrainingScenario, t: Transcript): Verdict {
  const max = weightOf(scenario, 'category');
  const met = t.chosenCategory === scenario.category;
  return {
    item: 'category',
    met,
    points: met ? max : 0,
    max,
    why: { code: met ? 'category_right' : 'category_wrong', params: { chosen: t.chosenCategory ?? '', expected: scenario.category } },
    quotes: [],
  };
}
