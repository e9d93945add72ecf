import { describe, expect, it } from 'vitest';
import { translator } from './translator';
import { systemClock } from '../../electron/core/clock';
import { errorMessage, type Translate } from '../../renderer/src/app/errorMessage';
import { importProblemText } from '../../renderer/src/panes/canned/importProblemText';
import { importProblemText as scenarioProblemText } from '../../renderer/src/panes/training/issueText';
import { parseScenarioFile } from '../../shared/rules/training/scenarioFile';
import { builtinScenarios } from '../../electron/core/services/training/library';
import type { ContractError, Result } from '../../shared/contract';
import type { Conversation } from '../../shared/schema';
import { IMPORT_PROBLEM_CODES, parseCannedFile, type ImportProblem } from '../../shared/rules/cannedExchange';
import { coreSandbox, type SandboxCore } from './coreSandbox';

const en = translator<Translate>('en');
const zh = translator<Translate>('zh-CN');
const say = (e: ContractError, lng: 'en' | 'zh-CN' = 'zh-CN') => errorMessage(e, lng === 'en' ? en : zh, lng);

const { open, call } = coreSandbox('kefu-codes-');

/** The error a call returns (it must fail). */
async function refusal(core: SandboxCore, name: string, input: unknown, session = 's1'): Promise<ContractError> {
  const r = (await core.call(name, input, session)) as Result<unknown>;
  if (r.ok) throw new Error(`${name} succeeded: ${JSON.stringify(r.value)}`);
  return r.error;
}

const conversations = (core: SandboxCore) => [...core.store.all('conversations').values()];
/** One of the default agent's (a-lina's) own open conversations. */
const mineOpen = (core: SandboxCore): Conversation => conversations(core).find((c) => c.status === 'open' && c.assigneeId === 'a-lina')!;
const signInLead = async (core: SandboxCore) => call(core, 'session.signIn', { agentId: 'a-zhaomin' }, 'lead');

describe('domain refusals carry a code the UI says in the user’s language (through the core)', () => {
  it('closed: a closed conversation takes no reply', async () => {
    const { core } = await open();
    const closed = conversations(core).find((c) => c.status === 'closed')!;
    const e = await refusal(core, 'conversation.reply', { id: closed.id, body: '您好' });
    expect(e).toMatchObject({ kind: 'conflict', code: 'closed' });
    expect(say(e)).toBe('该会话已关闭，不能再修改。');
    // Nor a new tag.
    expect(await refusal(core, 'conversation.setTags', { id: closed.id, tags: ['x'] })).toMatchObject({ code: 'closed' });
  });

  it('transition: names both statuses, translated', async () => {
    const { core } = await open();
    await signInLead(core);
    const closed = conversations(core).find((c) => c.status === 'closed')!;
    const e = await refusal(core, 'conversation.setStatus', { id: closed.id, status: 'open' }, 'lead');
    expect(e).toMatchObject({ kind: 'conflict', code: 'transition', params: { from: 'closed', to: 'open' } });
    expect(say(e)).toBe('会话不能从“已关闭”改为“处理中”。');
    expect(say(e, 'en')).toBe('A conversation cannot go from “Closed” to “Open”.');
  });

  it('unfilled_variable: names every variable left, once, and a lone brace too', async () => {
    const { core } = await open();
    const c = mineOpen(core);
    const e = await refusal(core, 'conversation.reply', { id: c.id, body: '{{order.id}} 已发货，{{customer.name}} 请查收 {{order.id}}' });
    expect(e).toMatchObject({ kind: 'validation', code: 'unfilled_variable', params: { names: '{{order.id}}, {{customer.name}}' } });
    // The names are shown as typed, never interpolated a second time.
    expect(say(e)).toBe('回复中还有未填写的变量：{{order.id}}, {{customer.name}}。');
    expect(say(e, 'en')).toBe('The reply still has variables to fill in: {{order.id}}, {{customer.name}}.');
    const lone = await refusal(core, 'conversation.reply', { id: c.id, body: '您好 {{ 请稍等' });
    expect(lone).toMatchObject({ code: 'unfilled_variable', params: { names: '{{' } });
    expect(say(lone)).toBe('回复中还有未填写的变量：{{。');
  });

  it('vip_over_normal and at_risk_too_long: the first problem is said, each field is placed', async () => {
    const { core } = await open();
    await signInLead(core);
    const current = await call(core, 'settings.get', {}, 'lead');
    const { id: _id, ...settings } = current;
    const vip = await refusal(core, 'settings.update', { ...settings, slaHours: { normal: 4, vip: 8 }, atRiskMinutes: 30 }, 'lead');
    expect(vip).toMatchObject({ kind: 'validation', code: 'vip_over_normal', causes: [{ path: ['slaHours', 'vip'], code: 'vip_over_normal' }] });
    expect(say(vip)).toBe('VIP 客户回复时限不能长于普通客户。');

    const atRisk = await refusal(core, 'settings.update', { ...settings, slaHours: { normal: 4, vip: 2 }, atRiskMinutes: 120 }, 'lead');
    expect(atRisk).toMatchObject({ code: 'at_risk_too_long', causes: [{ path: ['atRiskMinutes'], code: 'at_risk_too_long' }] });
    expect(say(atRisk)).toBe('即将超时提醒必须短于 VIP 客户回复时限。');

    const both = await refusal(core, 'settings.update', { ...settings, slaHours: { normal: 1, vip: 2 }, atRiskMinutes: 120 }, 'lead');
    expect(both.code).toBe('vip_over_normal');
    expect(both.causes?.map((c) => c.code)).toEqual(['vip_over_normal', 'at_risk_too_long']);
  });

  it('shortcut_taken: names the shortcut and the reply that has it; lead_only for a team reply', async () => {
    const { core } = await open();
    const draft = { body: '您好', category: null, locale: 'zh-CN', shortcut: 'hello9', scope: 'personal' };
    await call(core, 'canned.save', { ...draft, title: '问候' });
    const e = await refusal(core, 'canned.save', { ...draft, title: '另一个问候' });
    expect(e).toMatchObject({ kind: 'conflict', code: 'shortcut_taken', params: { shortcut: 'hello9', title: '问候' } });
    expect(say(e)).toBe('快捷键“hello9”已被“问候”使用。');

    const team = await refusal(core, 'canned.save', { ...draft, title: '团队问候', shortcut: 'team9', scope: 'team' });
    expect(team).toMatchObject({ kind: 'forbidden', code: 'lead_only' });
    expect(say(team)).toBe('只有组长可以管理团队和全员快捷回复。');
  });

  it('not_yours: another agent’s reminder', async () => {
    const { core } = await open();
    await signInLead(core);
    const c = mineOpen(core);
    const reminder = await call(core, 'reminders.create', { conversationId: c.id, when: { preset: 'in_1_hour' }, note: '回访' });
    const e = await refusal(core, 'reminders.complete', { id: reminder.id }, 'lead');
    expect(e).toMatchObject({ kind: 'forbidden', code: 'not_yours' });
    expect(say(e)).toBe('这属于其他客服。');
  });

  it('reminder_in_past, not_pending, too_many_views, not_complaint, same_owner, trainee_owner, other_customer', async () => {
    const { core } = await open();
    const c = mineOpen(core);
    const now = (await call(core, 'session.get', {})).now as number;
    expect(await refusal(core, 'reminders.create', { conversationId: c.id, when: { at: now - 60_000 }, note: 'x' })).toMatchObject({ code: 'reminder_in_past' });
    expect(await refusal(core, 'reminders.create', { conversationId: c.id, when: { at: now + 3_600_000 }, note: 'x', snooze: true })).toMatchObject({ code: 'not_pending' });

    for (let i = 0; i < 30; i++) await call(core, 'views.save', { name: `视图 ${i}`, filter: {} });
    const views = await refusal(core, 'views.save', { name: '第 31 个', filter: {} });
    expect(views).toMatchObject({ code: 'too_many_views', params: { max: 30 } });
    expect(say(views)).toBe('最多保存 30 个视图。');

    const notComplaint = conversations(core).find((x) => x.category !== 'complaint' && x.assigneeId === 'a-lina')!;
    expect(await refusal(core, 'complaint.markSevere', { id: notComplaint.id })).toMatchObject({ code: 'not_complaint' });

    const lina = core.store.get('agents', 'a-lina')!;
    const owned = conversations(core).find((x) => x.status === 'open' && x.ownerId === 'a-lina')!;
    const same = await refusal(core, 'conversation.transfer', { id: owned.id, toAgentId: 'a-lina', note: '转给自己' });
    expect(same).toMatchObject({ code: 'same_owner', params: { name: lina.name } });
    expect(say(same)).toBe(`${lina.name}已经是该会话的负责人。`);
    const trainee = [...core.store.all('agents').values()].find((a) => a.role === 'trainee')!;
    const toTrainee = await refusal(core, 'conversation.transfer', { id: c.id, toAgentId: trainee.id, note: '请协助' });
    expect(toTrainee).toMatchObject({ code: 'trainee_owner', params: { name: trainee.name } });
    expect(say(toTrainee)).toBe(`${trainee.name}是实习客服，实习客服不负责线上会话。`);

    const other = conversations(core).find((x) => x.customerId !== c.customerId)!;
    expect(await refusal(core, 'sim.customerMessage', { customerId: c.customerId, conversationId: other.id, body: '你好' })).toMatchObject({
      code: 'other_customer',
    });
  });
});

describe('the real clock', () => {
  it('system_clock: time cannot be moved, nor customers simulated', async () => {
    const { core } = await open(undefined, systemClock);
    const e = await refusal(core, 'clock.advance', { ms: 60_000 });
    expect(e).toMatchObject({ kind: 'forbidden', code: 'system_clock' });
    expect(say(e)).toBe('此处客服工作台使用真实时钟，不能调整时间。');
    const c = conversations(core)[0];
    expect(await refusal(core, 'sim.customerMessage', { customerId: c.customerId, conversationId: c.id, body: '你好' })).toMatchObject({ code: 'system_clock' });
  });
});

describe('canned import problems are said in the user’s language', () => {
  const problems = (text: string): ImportProblem[] => {
    const r = parseCannedFile(text);
    if (r.ok) throw new Error('accepted');
    return r.problems;
  };

  it('gives each problem a code, and a sentence without the core’s English', () => {
    const [syntax] = problems('[\n  { "title": "a",\n    "body": }\n]');
    expect(syntax).toMatchObject({ line: 3, item: null, code: 'not_json' });
    expect(importProblemText(syntax, zh, 'zh-CN')).toBe('这不是有效的 JSON 文件。');

    const [noList] = problems('{ "cannedReplies": 3 }');
    expect(noList).toMatchObject({ code: 'not_a_list' });

    const fields = problems('[\n  { "title": "", "body": "x", "locale": "fr", "colour": "red" }\n]');
    expect(fields.map((p) => [p.field, p.code])).toEqual([
      ['title', 'invalid_field'],
      ['locale', 'invalid_field'],
      ['colour', 'unknown_field'],
    ]);
    expect(fields.map((p) => importProblemText(p, zh, 'zh-CN'))).toEqual(['标题不能为空。', '语言不是可选的值。', '客服工作台不认识字段“colour”。']);
    expect(fields.map((p) => importProblemText(p, en, 'en'))).toEqual([
      'Title cannot be empty.',
      'Language is not one of the allowed choices.',
      'Kefu Desk does not know the field “colour”.',
    ]);
    const long = problems(`[{ "title": "${'x'.repeat(201)}", "body": "x", "locale": "en" }]`);
    expect(importProblemText(long[0], zh, 'zh-CN')).toBe('标题最长 200 字。');
  });

  it('has a sentence for every import problem code in both languages', () => {
    for (const t of [en, zh]) {
      for (const code of IMPORT_PROBLEM_CODES) expect(t(`canned.importProblem.${code}`, { defaultValue: '' }), code).not.toBe('');
    }
  });
});

describe('training scenario import problems are said in the user’s language', () => {
  it('a field that fails its check is said from its cause, not zod’s English', () => {
    const scenario = { ...builtinScenarios()[0], id: 'team-x', turnBudgetSeconds: 1, title: '' };
    const r = parseScenarioFile(JSON.stringify([scenario], null, 2));
    if (r.ok) throw new Error('accepted');
    const budget = r.problems.find((p) => p.path.endsWith('/turnBudgetSeconds'))!;
    const title = r.problems.find((p) => p.path.endsWith('/title'))!;
    expect(budget.cause).toMatchObject({ code: 'too_small', minimum: 10 });
    for (const [t, locale] of [[zh, 'zh-CN'], [en, 'en']] as const) {
      for (const p of [budget, title]) {
        const said = scenarioProblemText(p, t, locale);
        expect(said).not.toBe(p.message);
        expect(said).not.toMatch(/Too small|expected/u);
      }
    }
    expect(scenarioProblemText(title, zh, 'zh-CN')).toBe(zh('training.author.issue.empty'));
    expect(scenarioProblemText(budget, en, 'en')).toBe(en('training.author.issue.too_small_number', { minimum: '10', maximum: '' }));
  });
});
