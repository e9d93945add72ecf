import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CoreError, topic, type CallName, type Topic } from '../../../../shared/contract';
import { PRACTICE_CALLS } from '../../../../shared/contract/training';
import { gradeAttempt } from '../../../../shared/rules/training/grade';
import { suggestNext, weakestItems } from '../../../../shared/rules/training/progress';
import { makeTokenizer, type Tokenize } from '../../../../shared/rules/training/text';
import type { TrainingAttempt } from '../../../../shared/schema';
import type { Actor, CoreContext, HandlerSlice } from '../../context';
import type { Call, ResolveSession } from '../../dispatcher';
import { cutHan } from '../bot/segmenter';
import { createAssignments } from './assignments';
import { createAuthoring } from './authoring';
import { CustomerDriver, type DriverState } from './driver';
import { effectiveScenarios } from './library';
import { createSandbox, reopenSandbox, sandboxDir, Sandbox, type OpenSandboxCore } from './sandbox';
import { assignmentView, practiceOf, resultOf, scenarioSummary, summaryOf, titlesOf } from './views';

/**
 * The workspace calls a practising person's session sends to their sandbox: the queue, the conversation and its
 * reply box, canned replies as the picker uses them, drafts, the context panel, search, reminders and notices.
 * Not: session, profile, settings, presence, the canned library's management, training itself, lead tools. A call
 * not listed goes to the live core as always, where a trainee's role is refused any live data.
 */
export const SANDBOX_CALLS: ReadonlySet<CallName> = new Set<CallName>(PRACTICE_CALLS);

export const TRAINING_TOPIC = topic.training;

interface Practice {
  attemptId: string;
  agentId: string;
  sandbox: Sandbox;
  driver: CustomerDriver;
  offFeed: () => void;
}

export interface TrainingDeps {
  dataDir: string;
  /** Opens a sandbox core on a folder (createCore with the live clock; see electron/core/index.ts). */
  openSandbox: OpenSandboxCore;
  /** For tests: the segmentation (default: the bot's jieba). */
  tokenize?: Tokenize;
}

/**
 * Training mode (docs/rules.md "Training"): practices in a sandbox core with a simulated customer, grading and
 * attempts here; the lead's assignments and progress (assignments.ts) and the library's authoring (authoring.ts). Everything it keeps in the live store is in the
 * training collections; a practice's workspace lives and dies in its sandbox folder.
 */
export function createTraining(ctx: CoreContext, deps: TrainingDeps) {
  const tokenize = deps.tokenize ?? makeTokenizer(cutHan);
  const practices = new Map<string, Practice>();
  const store = ctx.store;

  const library = () => effectiveScenarios(store.all('trainingScenarios').values());
  const scenarioById = (id: string) => library().find((e) => e.scenario.id === id);
  const attempts = () => [...store.all('trainingAttempts').values()];
  const inProgressOf = (agentId: string) => attempts().find((a) => a.agentId === agentId && a.state === 'in_progress');
  const publish = (extra: Topic[] = []) => ctx.feed.publish([TRAINING_TOPIC, ...extra]);

  /** Starts the simulated customer of a practice and relays the sandbox's change topics to the live feed. */
  async function run(attempt: TrainingAttempt, sandbox: Sandbox): Promise<Practice> {
    const driver = new CustomerDriver(sandbox, attempt, attempt.driver, {
      clock: ctx.clock,
      tokenize,
      log: ctx.log,
      publish: (topics) => ctx.feed.publish(topics),
      save: async (state: DriverState) => {
        const current = store.get('trainingAttempts', attempt.id);
        if (current && current.state === 'in_progress') await store.commit([{ op: 'put', coll: 'trainingAttempts', rec: { ...current, driver: state } }]);
      },
    });
    const offFeed = sandbox.core.subscribe((ev) => ctx.feed.publish(ev.topics as Topic[]));
    const p: Practice = { attemptId: attempt.id, agentId: attempt.agentId, sandbox, driver, offFeed };
    practices.set(attempt.agentId, p);
    await driver.evaluate();
    return p;
  }

  async function end(p: Practice): Promise<void> {
    p.driver.stop();
    p.offFeed();
    practices.delete(p.agentId);
    await p.sandbox.discard();
  }

  const ownAttempt = (attemptId: string, actor: Actor): TrainingAttempt => {
    const a = store.get('trainingAttempts', attemptId);
    if (!a || (a.agentId !== actor.agent.id && actor.agent.role !== 'lead')) throw new CoreError('not_found', `No attempt ${attemptId}`);
    return a;
  };
  const runningOf = (attemptId: string, actor: Actor): { attempt: TrainingAttempt; practice: Practice } => {
    const attempt = store.get('trainingAttempts', attemptId);
    if (!attempt || attempt.agentId !== actor.agent.id) throw new CoreError('not_found', `No attempt ${attemptId}`);
    const practice = practices.get(actor.agent.id);
    if (attempt.state !== 'in_progress' || !practice || practice.attemptId !== attemptId) {
      throw new CoreError('conflict', `Attempt ${attemptId} is not in progress`, undefined, { code: 'practice_over' });
    }
    return { attempt, practice };
  };

  const handlers: HandlerSlice<
    | 'training.home'
    | 'training.start'
    | 'training.current'
    | 'training.finish'
    | 'training.abandon'
    | 'training.attempt'
  > = {
    'training.home': (_input, actor) => {
      const me = actor.agent;
      const lib = library();
      const all = attempts();
      const mine = all.filter((a) => a.agentId === me.id);
      const titles = titlesOf(lib);
      const assignments = [...store.all('trainingAssignments').values()].filter((a) => a.agentId === me.id);
      const running = inProgressOf(me.id);
      return {
        assignments: assignments.map((a) => assignmentView(a, all, titles, ctx.clock.now())).sort((a, b) => a.dueAt - b.dueAt),
        library: lib.map(scenarioSummary),
        attempts: mine.sort((a, b) => b.startedAt - a.startedAt).map(summaryOf),
        weakest: weakestItems(mine),
        suggestion: suggestNext({ agentId: me.id, locales: me.languages, library: lib.map((e) => e.scenario), assignments, attempts: mine, now: ctx.clock.now() }),
        practice: running && practices.has(me.id) ? practiceOf(running) : null,
      };
    },

    'training.start': async ({ scenarioId }, actor) => {
      const me = actor.agent;
      if (practices.has(me.id) || inProgressOf(me.id)) throw new CoreError('conflict', `${me.id} already has a practice in progress`, undefined, { code: 'practice_in_progress' });
      const entry = scenarioById(scenarioId);
      if (!entry) throw new CoreError('not_found', `No scenario ${scenarioId}`);
      const scenario = entry.scenario;
      const now = ctx.clock.now();
      const attemptId = ctx.newId('tr-');
      const agents = [...store.all('agents').values()];
      const canned = [...store.all('cannedReplies').values()].filter((c) => c.scope !== 'personal' || c.ownerId === me.id);
      const { sandbox, conversationId } = await createSandbox(deps.openSandbox, sandboxDir(deps.dataDir, attemptId), {
        scenario,
        person: me,
        leads: agents.filter((a) => a.role === 'lead' && !a.disabled),
        canned,
        settings: ctx.settings(),
        newId: ctx.newId,
        now,
      });
      const attempt: TrainingAttempt = {
        id: attemptId,
        agentId: me.id,
        scenarioId,
        scenario,
        startedAt: now,
        finishedAt: null,
        state: 'in_progress',
        abandonedBy: null,
        sandboxConversationId: conversationId,
        driver: { nodeId: scenario.nodes[0].id, fallbacksUsed: 0, followUpsSent: 0, end: null, impatientIds: [] },
        score: null,
        verdicts: [],
        turns: [],
        chosenCategory: null,
      };
      try {
        await store.commit([{ op: 'put', coll: 'trainingAttempts', rec: attempt }]);
      } catch (e) {
        await sandbox.discard();
        throw e;
      }
      await run(attempt, sandbox);
      // The segmenter's dictionary loads on first use (seconds on a busy machine): load it while the person reads the
      // opening message, not when the customer first has to answer.
      setImmediate(() => tokenize('预热 warm-up'));
      ctx.log('info', `training: ${me.id} started ${scenarioId} (${attemptId})`);
      publish([topic.queue]);
      return practiceOf(attempt);
    },

    'training.current': (_input, actor) => {
      const p = practices.get(actor.agent.id);
      const a = p ? store.get('trainingAttempts', p.attemptId) : undefined;
      return a && a.state === 'in_progress' ? practiceOf(a) : null;
    },

    'training.finish': async ({ attemptId }, actor) => {
      const { attempt, practice } = runningOf(attemptId, actor);
      // Anything due (the customer's answer to a last reply) lands first: the grade sees what the trainee saw.
      await practice.driver.evaluate();
      const now = ctx.clock.now();
      const transcript = practice.driver.transcript(now);
      const cannedLib = [...practice.sandbox.core.store.all('cannedReplies').values()].map((c) => ({ shortcut: c.shortcut, title: c.title, body: c.body }));
      const grade = gradeAttempt(attempt.scenario, transcript, tokenize, cannedLib);
      const done: TrainingAttempt = {
        ...attempt,
        driver: practice.driver.position,
        state: 'finished',
        finishedAt: now,
        score: grade.score,
        verdicts: grade.verdicts,
        turns: grade.turns,
        chosenCategory: transcript.chosenCategory,
      };
      await store.commit([{ op: 'put', coll: 'trainingAttempts', rec: done }]);
      await end(practice);
      ctx.log('info', `training: ${actor.agent.id} finished ${attempt.scenarioId} (${attemptId}) with ${grade.score}`);
      publish([topic.queue]);
      return resultOf(done);
    },

    'training.abandon': async ({ attemptId }, actor) => {
      const { attempt, practice } = runningOf(attemptId, actor);
      const now = ctx.clock.now();
      const transcript = practice.driver.transcript(now);
      const left: TrainingAttempt = { ...attempt, driver: practice.driver.position, state: 'abandoned', abandonedBy: 'person', finishedAt: now, chosenCategory: transcript.chosenCategory };
      await store.commit([{ op: 'put', coll: 'trainingAttempts', rec: left }]);
      await end(practice);
      publish([topic.queue]);
      return summaryOf(left);
    },

    'training.attempt': ({ attemptId }, actor) => resultOf(ownAttempt(attemptId, actor)),

  };

  /**
   * The forwarding layer in front of the live dispatcher: a workspace call (SANDBOX_CALLS) from a signed-in,
   * unlocked session whose person has a practice running is answered by that practice's sandbox, as that person.
   * Everything else goes to the live dispatcher unchanged (so a trainee is refused live calls there as always).
   */
  function forward(live: Call, resolve: ResolveSession): Call {
    return async (name, input, sessionId, sink) => {
      if (SANDBOX_CALLS.has(name as CallName)) {
        const s = resolve(sessionId || null);
        const p = s && !s.locked ? practices.get(s.actor.agent.id) : undefined;
        if (p) return p.sandbox.call(name, input);
      }
      return live(name, input, sessionId, sink);
    };
  }

  /**
   * Start-up: every practice left in progress resumes when its sandbox opens cleanly; one whose sandbox is gone or
   * unreadable is marked abandoned (never a person stuck in a practice). Sandbox folders no practice owns go.
   */
  async function start(): Promise<void> {
    for (const a of attempts().filter((x) => x.state === 'in_progress')) {
      const dir = sandboxDir(deps.dataDir, a.id);
      const sandbox = await reopenSandbox(deps.openSandbox, dir, a.agentId, a.sandboxConversationId);
      if (sandbox && !practices.has(a.agentId)) {
        await run(a, sandbox);
        ctx.log('info', `training: resumed practice ${a.id} of ${a.agentId}`);
        continue;
      }
      if (sandbox) await sandbox.close();
      await store.commit([{ op: 'put', coll: 'trainingAttempts', rec: { ...a, state: 'abandoned', abandonedBy: 'startup', finishedAt: ctx.clock.now() } }]);
      rmSync(dir, { recursive: true, force: true });
      ctx.log('warn', `training: practice ${a.id} of ${a.agentId} could not resume (sandbox missing or unreadable); marked abandoned`);
    }
    const root = path.join(deps.dataDir, 'training');
    if (existsSync(root)) {
      const running = new Set([...practices.values()].map((p) => p.attemptId));
      for (const name of readdirSync(root)) if (!running.has(name)) rmSync(path.join(root, name), { recursive: true, force: true });
    }
    ctx.ticker.onTick(() => {
      for (const p of practices.values()) void p.driver.evaluate(); // evaluate never rejects (it logs)
    });
  }

  /** Closes the sandboxes, keeping their folders (a practice resumes on the next start). */
  async function close(): Promise<void> {
    for (const p of [...practices.values()]) {
      p.driver.stop();
      p.offFeed();
      await p.sandbox.close().catch(() => {});
    }
    practices.clear();
  }

  return {
    handlers: {
      ...handlers,
      ...createAssignments(ctx, { library, attempts, publish }).handlers,
      ...createAuthoring(ctx, { library, publish, tokenize }).handlers,
    },
    forward,
    start,
    close,
  };
}

export type Training = ReturnType<typeof createTraining>;
