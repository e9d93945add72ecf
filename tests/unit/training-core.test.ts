import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, type CollectionName } from '../../shared/schema';
import { sandboxDir } from '../../electron/core/services/training/sandbox';
import { coreSandbox, type SandboxCore } from './coreSandbox';

/**
 * Training through the core: a practice runs in a sandbox core, the simulated customer answers on the manual clock,
 * finish grades it; nothing reaches the live store but the training collections.
 */
const sb = coreSandbox('kefu-training-');
const TRAINEE = 'a-liuyang';
const SCENARIO = 'zh-upload-stuck-99';

const TRAINING: ReadonlySet<string> = new Set(['trainingScenarios', 'trainingAttempts', 'trainingAssignments']);
const liveState = (core: SandboxCore) =>
  Object.fromEntries(COLLECTIONS.filter((c) => !TRAINING.has(c)).map((c) => [c, [...core.store.all(c as CollectionName).values()]]));

async function asTrainee(core: SandboxCore) {
  await sb.call(core, 'session.signIn', { agentId: TRAINEE }, 't');
  // The lead drives the clock (coreSandbox signs it in on first use): warm it up so its sign-in is not inside the comparison.
  await sb.call(core, 'clock.advance', { ms: 1 });
}
const advance = (core: SandboxCore, ms: number) => sb.call(core, 'clock.advance', { ms });
const thread = async (core: SandboxCore, id: string) => ((await sb.call(core, 'conversation.get', { id }, 't')).messages as { author: string; body: string }[]).filter((m) => m.author !== 'system');

describe('training through the core', () => {
  it('a trainee practises in the sandbox: the customer answers on the clock, follows the branches, and finish grades it', async () => {
    const { core, dataDir } = await sb.open();
    await asTrainee(core);
    // Without a practice a trainee is refused the workspace, as before.
    expect(await core.call('queue.page', { offset: 0, limit: 5 }, 't')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const home = await sb.call(core, 'training.home', {}, 't');
    expect(home.library.length).toBeGreaterThanOrEqual(12);
    expect(home.assignments.some((a: { overdue: boolean }) => a.overdue)).toBe(true);
    expect(home.suggestion).toMatchObject({ reason: 'assigned_due' });

    const before = liveState(core);
    const practice = await sb.call(core, 'training.start', { scenarioId: SCENARIO }, 't');
    expect(practice).toMatchObject({ scenarioId: SCENARIO, turnBudgetMs: 120_000 });
    expect(await sb.call(core, 'training.current', {}, 't')).toEqual(practice);
    const cid = practice.conversationId;
    expect(core.store.get('conversations', cid)).toBeUndefined(); // never a live conversation

    // The workspace now shows the sandbox: one conversation, the scenario's customer.
    const page = await sb.call(core, 'queue.page', { offset: 0, limit: 50 }, 't');
    expect(page.items.map((r: { id: string }) => r.id)).toEqual([cid]);
    const conv = await sb.call(core, 'conversation.get', { id: cid }, 't');
    expect(conv.customer.name).toBe('周晓雨');
    const opening = await thread(core, cid);
    expect(opening).toHaveLength(1);
    expect(opening[0]).toMatchObject({ author: 'customer', body: expect.stringContaining('99%') });
    // A live conversation id through the forwarded calls fails: the sandbox has no such thing.
    const live = [...core.store.all('conversations').values()][0];
    expect(await core.call('conversation.get', { id: live.id }, 't')).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await core.call('conversation.reply', { id: live.id, body: '你好' }, 't')).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await core.call('customer.history', { customerId: live.customerId }, 't')).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    // Calls that are not the workspace's still go live, where a trainee is refused as ever.
    expect(await core.call('agent.setPresence', { presence: 'away' }, 't')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.call('bot.markWrong', { messageId: 'm-00001' }, 't')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

    // Reply 1 (a canned reply, filled): the customer reads, types (a delay on the clock), and moves on.
    await advance(core, 30_000);
    await sb.call(core, 'conversation.reply', { id: cid, body: '周晓雨您好，非常抱歉让您着急了。上传卡在99%通常是视频正在转码。请保持App在前台等待几分钟；如果超过10分钟，请在草稿箱中重新发布，我也会在后台帮您查看。' }, 't');
    expect((await thread(core, cid)).length).toBe(2);
    await advance(core, 1_000); // typing, not done yet
    expect((await thread(core, cid)).length).toBe(2);
    await advance(core, 10_000);
    let msgs = await thread(core, cid);
    expect(msgs[2]).toMatchObject({ author: 'customer', body: '网络换过了，草稿箱里重新发也不行，还是卡住。' });

    // Reply 2 asks for the device, paraphrased (机型 rather than 手机型号).
    await advance(core, 20_000);
    await sb.call(core, 'conversation.reply', { id: cid, body: '感谢您的耐心配合！麻烦告诉我一下您的App版本和机型，我提交给技术同事排查。' }, 't');
    await advance(core, 15_000);
    msgs = await thread(core, cid);
    expect(msgs[4]).toMatchObject({ author: 'customer', body: expect.stringContaining('小米14') });

    // Reply 3 promises the follow-up: the customer is satisfied (the end node).
    await advance(core, 25_000);
    await sb.call(core, 'conversation.reply', { id: cid, body: '好的，已经请技术同事加急排查，有结果我会第一时间在这里回复您。请问还有其他可以帮您的吗？' }, 't');
    await advance(core, 15_000);
    msgs = await thread(core, cid);
    expect(msgs[6]).toMatchObject({ author: 'customer', body: '好的，那我等你们消息，谢谢。' });

    const result = await sb.call(core, 'training.finish', { attemptId: practice.attemptId }, 't');
    expect(result.attempt).toMatchObject({ state: 'finished', scenarioId: SCENARIO });
    const byItem = Object.fromEntries(result.verdicts.map((v: { item: string }) => [v.item, v]));
    expect(byItem.key_points).toMatchObject({ met: true });
    expect(byItem.greeting.quotes[0]).toContain('周晓雨您好');
    expect(byItem.canned_filled).toMatchObject({ met: true });
    expect(byItem.resolution).toMatchObject({ met: true });
    expect(result.attempt.score).toBe(100);
    expect(result.turns.map((t: { responseMs: number | null }) => t.responseMs)).toEqual([30_000, expect.any(Number), expect.any(Number), null]);

    // Nothing reached the live store but training; the sandbox folder is gone; the workspace is refused again.
    expect(liveState(core)).toEqual(before);
    expect(existsSync(sandboxDir(dataDir, practice.attemptId))).toBe(false);
    expect(await core.call('queue.page', { offset: 0, limit: 5 }, 't')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await sb.call(core, 'training.current', {}, 't')).toBeNull();
    const after = await sb.call(core, 'training.home', {}, 't');
    expect(after.attempts[0]).toMatchObject({ id: practice.attemptId, score: 100 });
    expect(await sb.call(core, 'training.attempt', { attemptId: practice.attemptId }, 't')).toEqual(result);
  }, 60_000);
});


describe('training: the clock, restarts, one practice at a time', () => {
  it('an impatient customer chases a slow trainee, once per follow-up, and the replay marks it', async () => {
    const { core } = await sb.open();
    await asTrainee(core);
    const p = await sb.call(core, 'training.start', { scenarioId: 'en-login-code' }, 't');
    expect(await core.call('training.start', { scenarioId: 'en-login-code' }, 't')).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'practice_in_progress' } });
    await advance(core, 89_000);
    expect(await thread(core, p.conversationId)).toHaveLength(1);
    await advance(core, 1_000); // 90 s without a reply
    expect((await thread(core, p.conversationId)).map((m) => m.body)).toEqual([expect.any(String), 'hello??']);
    await advance(core, 90_000);
    await advance(core, 90_000); // both follow-ups used: no third
    expect((await thread(core, p.conversationId)).map((m) => m.body).slice(1)).toEqual(['hello??', 'is anyone there']);
    await sb.call(core, 'conversation.reply', { id: p.conversationId, body: 'Hi Emily, sorry for the wait! Please wait 60 seconds and request a new code.' }, 't');
    const r = await sb.call(core, 'training.finish', { attemptId: p.attemptId }, 't');
    expect(r.turns.map((t: { impatient: boolean }) => t.impatient)).toEqual([false, true, true]);
    const rt = r.verdicts.find((v: { item: string }) => v.item === 'response_time');
    expect(rt).toMatchObject({ met: false, why: { code: 'some_over_budget', params: { slowestSeconds: 270 } } });
  }, 60_000);

  it('a practice survives a restart with its sandbox; one whose sandbox is gone is marked abandoned and the person is free', async () => {
    const { core, dataDir } = await sb.open();
    await asTrainee(core);
    const p = await sb.call(core, 'training.start', { scenarioId: SCENARIO }, 't');
    await core.close();
    // Restart with the sandbox intact: the practice resumes and the workspace answers from the sandbox again.
    const { core: again } = await sb.open(dataDir);
    await asTrainee(again);
    expect(await sb.call(again, 'training.current', {}, 't')).toMatchObject({ attemptId: p.attemptId });
    expect((await thread(again, p.conversationId))[0].author).toBe('customer');
    await again.close();
    // The sandbox lost: abandoned at start-up, not stuck.
    const { rmSync } = await import('node:fs');
    rmSync(sandboxDir(dataDir, p.attemptId), { recursive: true, force: true });
    const { core: third } = await sb.open(dataDir);
    await asTrainee(third);
    expect(await sb.call(third, 'training.current', {}, 't')).toBeNull();
    expect(third.store.get('trainingAttempts', p.attemptId)).toMatchObject({ state: 'abandoned', abandonedBy: 'startup' });
    expect(await sb.call(third, 'training.start', { scenarioId: SCENARIO }, 't')).toMatchObject({ scenarioId: SCENARIO });
  }, 60_000);

  it('an agent practising works the sandbox, and the live workspace again afterwards', async () => {
    const { core } = await sb.open();
    const livePage = await sb.call(core, 'queue.page', { offset: 0, limit: 500 });
    const p = await sb.call(core, 'training.start', { scenarioId: 'en-double-charge' });
    expect((await sb.call(core, 'queue.page', { offset: 0, limit: 500 })).items.map((r: { id: string }) => r.id)).toEqual([p.conversationId]);
    const left = await sb.call(core, 'training.abandon', { attemptId: p.attemptId });
    expect(left).toMatchObject({ state: 'abandoned', score: null });
    expect((await sb.call(core, 'queue.page', { offset: 0, limit: 500 })).total).toBe(livePage.total);
    expect(await core.call('training.finish', { attemptId: p.attemptId }, 's1')).toMatchObject({ ok: false, error: { code: 'practice_over' } });
  }, 60_000);
});

describe('training: leads assign, follow progress and author', () => {
  it('assigns with a due date (audited), sees overdue, progress and anyone\'s attempt; a trainee sees only their own', async () => {
    const { core } = await sb.open();
    await sb.call(core, 'session.signIn', { agentId: 'a-zhaomin' }, 'lead');
    const now = (await sb.call(core, 'session.get', {}, 'lead')).now;
    expect(await core.call('training.assign', { scenarioId: SCENARIO, agentIds: ['a-lina'], dueAt: now - 1 }, 'lead')).toMatchObject({ ok: false, error: { kind: 'validation', code: 'due_in_past' } });
    const { assignments } = await sb.call(core, 'training.assign', { scenarioId: 'en-login-code', agentIds: ['a-lina', TRAINEE], dueAt: now + 3_600_000 }, 'lead');
    expect(assignments).toHaveLength(2);
    expect([...core.store.all('audit').values()].filter((a) => a.action === 'training.assign')).toHaveLength(2);
    const progress = await sb.call(core, 'training.progress', {}, 'lead');
    const trainee = progress.people.find((x: { agentId: string }) => x.agentId === TRAINEE);
    expect(trainee).toMatchObject({ role: 'trainee', assigned: 4, done: 0, overdue: 1 });
    // The lina practice, then its replay for the lead; not for the trainee.
    const p = await sb.call(core, 'training.start', { scenarioId: 'en-login-code' });
    await sb.call(core, 'training.finish', { attemptId: p.attemptId });
    expect((await sb.call(core, 'training.attempt', { attemptId: p.attemptId }, 'lead')).attempt.agentId).toBe('a-lina');
    await sb.call(core, 'session.signIn', { agentId: TRAINEE }, 't');
    expect(await core.call('training.attempt', { attemptId: p.attemptId }, 't')).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    const after = await sb.call(core, 'training.progress', {}, 'lead');
    expect(after.people.find((x: { agentId: string }) => x.agentId === 'a-lina')).toMatchObject({ assigned: 1, done: 1, attempts: 1 });
  }, 60_000);

  it('saves (validated, audited), hides a built-in one, imports with line-level errors, exports, and tries a turn', async () => {
    const { core } = await sb.open();
    await sb.call(core, 'session.signIn', { agentId: 'a-zhaomin' }, 'lead');
    const { scenarios } = await sb.call(core, 'training.scenarios', {}, 'lead');
    const base = scenarios.find((s: { id: string }) => s.id === SCENARIO);
    const bad = await core.call('training.saveScenario', { scenario: { ...base, nodes: [{ ...base.nodes[0], branches: [{ when: { all: ['nope'] }, next: 'nowhere' }] }, ...base.nodes.slice(1)] } }, 'lead');
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const saved = await sb.call(core, 'training.saveScenario', { scenario: { ...base, id: 'team-upload', title: '我们的上传练习' } }, 'lead');
    expect(saved).toMatchObject({ id: 'team-upload', builtIn: false });
    await sb.call(core, 'training.deleteScenario', { id: SCENARIO }, 'lead');
    const lib = (await sb.call(core, 'training.scenarios', {}, 'lead')).scenarios.map((s: { id: string }) => s.id);
    expect(lib).toContain('team-upload');
    expect(lib).not.toContain(SCENARIO);
    expect([...core.store.all('audit').values()].map((a) => a.action)).toEqual(expect.arrayContaining(['training.saveScenario', 'training.deleteScenario']));

    const exported = await sb.call(core, 'training.exportScenarios', { ids: ['team-upload'] }, 'lead');
    expect(exported.fileName).toMatch(/^kefu-training-scenarios-\d{4}-\d{2}-\d{2}\.json$/);
    const broken = exported.text.replace('"turnBudgetSeconds": 120', '"turnBudgetSeconds": 1');
    const problems = await sb.call(core, 'training.importScenarios', { text: broken }, 'lead');
    const lines: string[] = exported.text.split('\n');
    const line = lines.findIndex((l) => l.includes('"turnBudgetSeconds"')) + 1;
    const column = lines[line - 1].indexOf('"turnBudgetSeconds"') + 1;
    expect(problems).toMatchObject({ ok: false, imported: 0, problems: [{ line, column, path: '/scenarios/0/turnBudgetSeconds' }] });
    expect(await sb.call(core, 'training.importScenarios', { text: exported.text.replaceAll('team-upload', 'team-upload-2'), dryRun: true }, 'lead')).toEqual({ ok: true, imported: 1, problems: [] });
    expect(core.store.get('trainingScenarios', 'team-upload-2')).toBeUndefined();
    await sb.call(core, 'training.importScenarios', { text: exported.text.replaceAll('team-upload', 'team-upload-2') }, 'lead');
    expect(core.store.get('trainingScenarios', 'team-upload-2')).toBeDefined();

    const tried = await sb.call(core, 'training.tryTurn', { scenario: base, nodeId: 'start', reply: '可能是还在转码，您稍等几分钟' }, 'lead');
    expect(tried).toMatchObject({ nextNodeId: 'tried', matchedKeyPoints: ['transcoding'], end: null });
    const miss = await sb.call(core, 'training.tryTurn', { scenario: base, nodeId: 'start', reply: '您好' }, 'lead');
    expect(miss).toMatchObject({ nextNodeId: null, customer: base.nodes[0].fallbacks[0] });
  }, 60_000);
});
