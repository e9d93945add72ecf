import { CoreError, type Topic } from '../../../../shared/contract';
import type { Agent, TrainingAssignment, TrainingAttempt } from '../../../../shared/schema';
import type { CoreContext, HandlerSlice } from '../../context';
import type { Change } from '../../store/types';
import { auditChange } from '../audit';
import type { LibraryEntry } from './library';
import { assignmentView, summaryOf, titlesOf } from './views';

/** What the assignments need of the training service. */
export interface AssignmentsDeps {
  library: () => LibraryEntry[];
  attempts: () => TrainingAttempt[];
  publish: (extra?: Topic[]) => void;
}

/** A lead's side of training: everyone's progress and assigning scenarios with a due date (audited). */
export function createAssignments(ctx: CoreContext, { library, attempts, publish }: AssignmentsDeps) {
  const store = ctx.store;
  const scenarioById = (id: string) => library().find((e) => e.scenario.id === id);
  const view = (a: TrainingAssignment, all: TrainingAttempt[], titles: Map<string, string>) => assignmentView(a, all, titles, ctx.clock.now());
  const titleMap = () => titlesOf(library());

  const handlers: HandlerSlice<'training.progress' | 'training.assign'> = {
    'training.progress': () => {
      const all = attempts();
      const titles = titleMap();
      const assignments = [...store.all('trainingAssignments').values()];
      const views = assignments.map((a) => view(a, all, titles));
      const people = [...store.all('agents').values()]
        .filter((a) => !a.disabled)
        .map((agent: Agent) => {
          const mine = all.filter((a) => a.agentId === agent.id);
          const scored = mine.filter((a) => a.state === 'finished' && a.score !== null);
          const assigned = views.filter((v) => v.agentId === agent.id);
          return {
            agentId: agent.id,
            name: agent.name,
            role: agent.role,
            assigned: assigned.length,
            done: assigned.filter((v) => v.done).length,
            overdue: assigned.filter((v) => v.overdue).length,
            attempts: mine.length,
            averageScore: scored.length ? Math.round((10 * scored.reduce((n, a) => n + (a.score as number), 0)) / scored.length) / 10 : null,
            lastAttemptAt: mine.length ? Math.max(...mine.map((a) => a.startedAt)) : null,
          };
        })
        .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'trainee' ? -1 : b.role === 'trainee' ? 1 : a.role.localeCompare(b.role)));
      return {
        people,
        assignments: views.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt - b.dueAt),
        recent: all.sort((a, b) => b.startedAt - a.startedAt).slice(0, 50).map(summaryOf),
      };
    },

    'training.assign': async ({ scenarioId, agentIds, dueAt }, actor) => {
      if (!scenarioById(scenarioId)) throw new CoreError('not_found', `No scenario ${scenarioId}`);
      const now = ctx.clock.now();
      if (dueAt <= now) throw new CoreError('validation', 'The due time is not in the future', ['dueAt: in the past'], { code: 'due_in_past' });
      const ids = [...new Set(agentIds)];
      for (const id of ids) {
        const a = store.get('agents', id);
        if (!a || a.disabled) throw new CoreError('not_found', `No profile ${id}`);
      }
      const made: TrainingAssignment[] = ids.map((agentId) => ({ id: ctx.newId('ta-'), scenarioId, agentId, assignedBy: actor.agent.id, assignedAt: now, dueAt }));
      const changes: Change[] = made.flatMap((a): Change[] => [
        { op: 'put', coll: 'trainingAssignments', rec: a },
        auditChange(ctx, { actorId: actor.agent.id, action: 'training.assign', targetId: a.agentId, after: { scenarioId, dueAt, assignmentId: a.id } }),
      ]);
      await store.commit(changes);
      publish();
      const all = attempts();
      const titles = titleMap();
      return { assignments: made.map((a) => view(a, all, titles)) };
    },
  };
  return { handlers };
}
