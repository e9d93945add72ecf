import type { Locale } from '../../schema/common';
import type { RubricItem, TrainingScenario } from '../../schema/training';

/** What progress reads of an attempt. */
export interface AttemptFacts {
  agentId: string;
  scenarioId: string;
  state: 'in_progress' | 'finished' | 'abandoned';
  startedAt: number;
  finishedAt: number | null;
  score: number | null;
  verdicts: readonly { item: string; met: boolean; max: number }[];
}

export interface AssignmentFacts {
  id: string;
  scenarioId: string;
  agentId: string;
  assignedAt: number;
  dueAt: number;
}

const finished = (a: AttemptFacts): a is AttemptFacts & { finishedAt: number; score: number } => a.state === 'finished' && a.finishedAt !== null && a.score !== null;

/**
 * An assignment is done once the person finished an attempt of its scenario after it was assigned; overdue when not
 * done by its due time. The best score counts attempts since the assignment.
 */
export function assignmentStatus(a: AssignmentFacts, attempts: readonly AttemptFacts[], now: number): { done: boolean; overdue: boolean; bestScore: number | null } {
  const mine = attempts.filter((x) => finished(x) && x.agentId === a.agentId && x.scenarioId === a.scenarioId && x.finishedAt >= a.assignedAt);
  const done = mine.length > 0;
  const bestScore = done ? Math.max(...mine.map((x) => x.score as number)) : null;
  return { done, overdue: !done && now >= a.dueAt, bestScore };
}

/**
 * The rubric items a person misses most, over their finished attempts: for each item that applied (max > 0), the
 * share of attempts where it was missed. Worst first; items never missed are left out.
 */
export function weakestItems(attempts: readonly AttemptFacts[]): { item: string; missRate: number; attempts: number }[] {
  const tally = new Map<string, { missed: number; applied: number }>();
  for (const a of attempts.filter(finished)) {
    for (const v of a.verdicts) {
      if (v.max <= 0) continue;
      const t = tally.get(v.item) ?? { missed: 0, applied: 0 };
      t.applied++;
      if (!v.met) t.missed++;
      tally.set(v.item, t);
    }
  }
  return [...tally.entries()]
    .filter(([, t]) => t.missed > 0)
    .map(([item, t]) => ({ item, missRate: t.missed / t.applied, attempts: t.applied }))
    .sort((a, b) => b.missRate - a.missRate || b.attempts - a.attempts || a.item.localeCompare(b.item));
}

/** Whether a scenario exercises a rubric item (the items every scenario has: all of them). */
export function exercises(s: TrainingScenario, item: string): boolean {
  if (item === 'escalation') return s.escalationRequired;
  if (item === 'apology') return s.apologyDue;
  if (item === 'canned_filled') return s.expectedCanned.length > 0;
  return (s.rubric as Record<string, number>)[item] > 0;
}

const DIFFICULTY = { easy: 0, medium: 1, hard: 2 } as const;

export interface Suggestion {
  scenarioId: string;
  reason: 'assigned_due' | 'weak_item' | 'not_tried' | 'low_score';
  item: string | null;
}

/**
 * What to practise next, first that applies: an assignment not done (earliest due); the weakest item missed in at
 * least a third of attempts, through the scenario in the person's languages that exercises it with the lowest best
 * score (untried first); a scenario not tried yet (easiest first); the scenario with the lowest best score.
 */
export function suggestNext(input: {
  agentId: string;
  locales: readonly Locale[];
  library: readonly TrainingScenario[];
  assignments: readonly AssignmentFacts[];
  attempts: readonly AttemptFacts[];
  now: number;
}): Suggestion | null {
  const known = new Set(input.library.map((s) => s.id));
  const mineAttempts = input.attempts.filter((a) => a.agentId === input.agentId);
  const open = input.assignments
    .filter((a) => a.agentId === input.agentId && known.has(a.scenarioId) && !assignmentStatus(a, mineAttempts, input.now).done)
    .sort((a, b) => a.dueAt - b.dueAt);
  if (open.length > 0) return { scenarioId: open[0].scenarioId, reason: 'assigned_due', item: null };
  const pool = input.library.filter((s) => input.locales.includes(s.locale));
  if (pool.length === 0) return null;
  const best = (id: string): number => {
    const scores = mineAttempts.filter((a) => a.scenarioId === id && finished(a)).map((a) => a.score as number);
    return scores.length ? Math.max(...scores) : -1;
  };
  const byNeed = (a: TrainingScenario, b: TrainingScenario) => best(a.id) - best(b.id) || DIFFICULTY[a.difficulty] - DIFFICULTY[b.difficulty] || a.id.localeCompare(b.id);
  const weak = weakestItems(mineAttempts).find((w) => w.missRate >= 1 / 3 && pool.some((s) => exercises(s, w.item)));
  if (weak) {
    const s = pool.filter((x) => exercises(x, weak.item)).sort(byNeed)[0];
    return { scenarioId: s.id, reason: 'weak_item', item: weak.item };
  }
  const untried = pool.filter((s) => !mineAttempts.some((a) => a.scenarioId === s.id && finished(a))).sort(byNeed);
  if (untried.length > 0) return { scenarioId: untried[0].id, reason: 'not_tried', item: null };
  return { scenarioId: [...pool].sort(byNeed)[0].id, reason: 'low_score', item: null };
}

/**
 * The training component of a person's performance score (issue 13 → shared/rules/performance): the average score
 * of the attempts they finished in [from, to), rounded to one decimal; null without any (not a zero).
 */
export function trainingScoreOf(attempts: readonly AttemptFacts[], agentId: string, from: number, to: number): number | null {
  const scores = attempts.filter((a) => finished(a) && a.agentId === agentId && a.finishedAt >= from && a.finishedAt < to).map((a) => a.score as number);
  if (scores.length === 0) return null;
  return Math.round((10 * scores.reduce((n, s) => n + s, 0)) / scores.length) / 10;
}

/** Rubric items as a type guard for callers holding plain strings. */
export const isRubricItem = (s: string, items: readonly RubricItem[]): s is RubricItem => (items as readonly string[]).includes(s);
