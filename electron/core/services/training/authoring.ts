import { CoreError, type Topic, zodIssues } from '../../../../shared/contract';
import { customerStep, nodeOf } from '../../../../shared/rules/training/branching';
import { parseScenarioFile, serializeScenarioFile } from '../../../../shared/rules/training/scenarioFile';
import type { Tokenize } from '../../../../shared/rules/training/text';
import { TrainingScenario } from '../../../../shared/schema';
import type { CoreContext, HandlerSlice } from '../../context';
import type { Change } from '../../store/types';
import { auditChange } from '../audit';
import { isBuiltin, type LibraryEntry } from './library';
import { scenarioSummary } from './views';

/** What authoring needs of the training service. */
export interface AuthoringDeps {
  library: () => LibraryEntry[];
  publish: (extra?: Topic[]) => void;
  tokenize: Tokenize;
}

/** The scenario library's management (a lead's): save, delete, import, export, and trying one turn of a draft. */
export function createAuthoring(ctx: CoreContext, { library, publish, tokenize }: AuthoringDeps) {
  const store = ctx.store;
  const scenarioById = (id: string) => library().find((e) => e.scenario.id === id);
  const parseScenario = (raw: unknown): TrainingScenario => {
    const r = TrainingScenario.safeParse(raw);
    if (!r.success) throw new CoreError('validation', 'The scenario is invalid', zodIssues(r.error, 'scenario'));
    return r.data;
  };

  const handlers: HandlerSlice<
    'training.scenarios' | 'training.saveScenario' | 'training.deleteScenario' | 'training.importScenarios' | 'training.exportScenarios' | 'training.tryTurn'
  > = {
    'training.scenarios': () => ({ scenarios: library().map((e) => e.scenario) }),

    'training.saveScenario': async ({ scenario: raw }, actor) => {
      const scenario = parseScenario(raw);
      const before = scenarioById(scenario.id);
      const now = ctx.clock.now();
      await store.commit([
        { op: 'put', coll: 'trainingScenarios', rec: { id: scenario.id, scenario, deleted: false, updatedAt: now, updatedBy: actor.agent.id } },
        auditChange(ctx, { actorId: actor.agent.id, action: 'training.saveScenario', targetId: scenario.id, before: before ? { title: before.scenario.title, origin: before.origin } : null, after: { title: scenario.title } }),
      ]);
      publish();
      return scenarioSummary(scenarioById(scenario.id)!);
    },

    'training.deleteScenario': async ({ id }, actor) => {
      const before = scenarioById(id);
      if (!before) throw new CoreError('not_found', `No scenario ${id}`);
      const now = ctx.clock.now();
      // A built-in scenario is hidden by a record saying so; the team's own is removed.
      const change: Change = isBuiltin(id)
        ? { op: 'put', coll: 'trainingScenarios', rec: { id, scenario: null, deleted: true, updatedAt: now, updatedBy: actor.agent.id } }
        : { op: 'del', coll: 'trainingScenarios', id };
      await store.commit([change, auditChange(ctx, { actorId: actor.agent.id, action: 'training.deleteScenario', targetId: id, before: { title: before.scenario.title, origin: before.origin } })]);
      publish();
      return { id };
    },

    'training.importScenarios': async ({ text, dryRun }, actor) => {
      const parsed = parseScenarioFile(text);
      if (!parsed.ok) return { ok: false, imported: 0, problems: parsed.problems };
      if (!dryRun) {
        const now = ctx.clock.now();
        await store.commit([
          ...parsed.scenarios.map((s): Change => ({ op: 'put', coll: 'trainingScenarios', rec: { id: s.id, scenario: s, deleted: false, updatedAt: now, updatedBy: actor.agent.id } })),
          auditChange(ctx, { actorId: actor.agent.id, action: 'training.importScenarios', targetId: null, after: { ids: parsed.scenarios.map((s) => s.id) } }),
        ]);
        publish();
      }
      return { ok: true, imported: parsed.scenarios.length, problems: [] };
    },

    'training.exportScenarios': ({ ids }) => {
      const wanted = ids ? new Set(ids) : null;
      const list = library()
        .map((e) => e.scenario)
        .filter((s) => !wanted || wanted.has(s.id));
      const now = ctx.clock.now();
      const day = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
      return { fileName: `kefu-training-scenarios-${day}.json`, text: serializeScenarioFile(list, now) };
    },

    'training.tryTurn': ({ scenario: raw, nodeId, reply }) => {
      const scenario = parseScenario(raw);
      const node = nodeOf(scenario, nodeId);
      if (!node) throw new CoreError('not_found', `No node ${nodeId} in the scenario`);
      if (node.end !== null) return { nextNodeId: null, customer: null, matchedKeyPoints: [], end: node.end };
      const s = customerStep(scenario, { nodeId, fallbacksUsed: 0 }, reply, { escalated: false }, tokenize);
      return { nextNodeId: s.branched ? s.nodeId : null, customer: s.text, matchedKeyPoints: s.matched, end: s.end };
    },
  };
  return { handlers };
}
