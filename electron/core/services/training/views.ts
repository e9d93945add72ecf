import type { AssignmentView, AttemptResult, AttemptSummary, PracticeState, ScenarioSummary } from '../../../../shared/contract/training';
import { assignmentStatus } from '../../../../shared/rules/training/progress';
import type { TrainingAssignment, TrainingAttempt } from '../../../../shared/schema';
import type { LibraryEntry } from './library';

/** What training's calls answer, made from the stored records (pure). */
export const summaryOf = (a: TrainingAttempt): AttemptSummary => ({
  id: a.id,
  scenarioId: a.scenarioId,
  scenarioTitle: a.scenario.title,
  agentId: a.agentId,
  startedAt: a.startedAt,
  finishedAt: a.finishedAt,
  score: a.state === 'finished' ? a.score : null,
  state: a.state,
});

export const resultOf = (a: TrainingAttempt): AttemptResult => ({
  attempt: summaryOf(a),
  verdicts: a.verdicts,
  turns: a.turns,
  chosenCategory: a.chosenCategory,
  expectedCategory: a.scenario.category,
});

export const practiceOf = (a: TrainingAttempt): PracticeState => ({
  attemptId: a.id,
  scenarioId: a.scenarioId,
  scenarioTitle: a.scenario.title,
  conversationId: a.sandboxConversationId,
  startedAt: a.startedAt,
  turnBudgetMs: a.scenario.turnBudgetSeconds * 1000,
});

export const scenarioSummary = (e: LibraryEntry): ScenarioSummary => ({
  id: e.scenario.id,
  title: e.scenario.title,
  category: e.scenario.category,
  locale: e.scenario.locale,
  tags: e.scenario.tags,
  difficulty: e.scenario.difficulty,
  builtIn: e.origin !== 'added',
});

/** Scenario titles by id (an assignment names its scenario). */
export const titlesOf = (library: readonly LibraryEntry[]): Map<string, string> => new Map(library.map((e) => [e.scenario.id, e.scenario.title]));

export const assignmentView = (a: TrainingAssignment, all: readonly TrainingAttempt[], titles: Map<string, string>, now: number): AssignmentView => ({
  id: a.id,
  scenarioId: a.scenarioId,
  scenarioTitle: titles.get(a.scenarioId) ?? a.scenarioId,
  agentId: a.agentId,
  assignedBy: a.assignedBy,
  dueAt: a.dueAt,
  ...assignmentStatus(a, all, now),
});
