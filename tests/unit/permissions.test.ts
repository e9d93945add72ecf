import { describe, expect, it } from 'vitest';
import { CALL_NAMES, contract, type CallName, type Result } from '../../shared/contract';
import { can } from '../../shared/contract/permissions';
import { mayChange } from '../../shared/rules/ownership';
import type { Role } from '../../shared/schema';
import { coreSandbox, signInDemo } from './coreSandbox';

/**
 * The permission table, through the core: every contract entry, called as each role with an input that passes its
 * schema, is refused for its role exactly when the table says so. (Objects the caller may not touch are refused
 * with a code of their own: those are the object rules below, not the table.)
 */
const { open } = coreSandbox('kefu-permissions-');
const AS: Record<Role, string> = { agent: 'a-lina', trainee: 'a-liuyang', lead: 'a-zhaomin' };

/** One input per entry that passes its schema; a new entry without one fails the completeness test below. */
const SAMPLES: Record<CallName, unknown> = {
  'session.opening': {},
  'session.status': {},
  'session.get': {},
  'session.signIn': { agentId: 'a-nobody', secret: '000000' },
  'session.setupLead': { name: 'X', secret: '12345678' },
  'session.signOut': {},
  'session.lock': {},
  'session.unlock': { secret: '000000' },
  'session.changeSecret': { current: '000000', next: '12345678' },
  'profiles.list': {},
  'profiles.add': { name: 'New', role: 'agent', secret: '12345678' },
  'profiles.setDisabled': { id: 'a-nobody', disabled: true },
  'profiles.resetSecret': { id: 'a-nobody', secret: '12345678' },
  'prefs.setLocale': { locale: 'en' },
  'clock.advance': { ms: 1000 },
  'queue.page': { offset: 0, limit: 5 },
  'queue.indexOf': { id: 'c-00001' },
  'queue.counts': {},
  'views.list': {},
  'views.save': { name: 'v', filter: {} },
  'views.delete': { id: 'v-nope' },
  'sla.explain': { id: 'c-00001' },
  'settings.get': {},
  'settings.update': { slaHours: { normal: 24, vip: 12 }, complaintWorkingDays: 7, atRiskMinutes: 120 },
  'complaint.markSevere': { id: 'c-nope' },
  'conversation.get': { id: 'c-00001' },
  'conversation.reply': { id: 'c-nope', body: 'hi' },
  'conversation.setStatus': { id: 'c-nope', status: 'open' },
  'conversation.setCategory': { id: 'c-nope', category: 'payment' },
  'conversation.setTags': { id: 'c-nope', tags: [] },
  'conversation.transfer': { id: 'c-nope', toAgentId: 'a-lina', note: 'n' },
  'customer.history': { customerId: 'cu-0001' },
  'agent.setPresence': { presence: 'online' },
  'owner.waiting': {},
  'search.query': { q: '退款' },
  'search.status': {},
  'draft.get': { conversationId: 'c-00001' },
  'draft.save': { conversationId: 'c-nope', body: 'x' },
  'sim.customerMessage': { customerId: 'cu-nope', category: 'account', body: 'hi' },
  'spool.status': {},
  'spool.quarantine': {},
  'spool.scan': {},
  'team.status': {},
  'notices.list': {},
  'notices.dismiss': { id: 'n-nope' },
  'canned.list': {},
  'canned.save': { title: 't', body: 'b', category: null, locale: 'zh-CN', shortcut: '', scope: 'personal' },
  'canned.delete': { id: 'k-nope' },
  'canned.use': { id: 'k-nope' },
  'canned.export': {},
  'canned.import': { text: '[]' },
  'reminders.list': {},
  'reminders.teamOverdue': {},
  'reminders.create': { conversationId: 'c-nope', when: { preset: 'in_1_hour' } },
  'reminders.complete': { id: 'r-nope' },
  'reminders.snooze': { id: 'r-nope', when: { preset: 'in_1_hour' } },
  'reminders.delete': { id: 'r-nope' },
  'backup.list': {},
  'backup.create': {},
  'backup.restore': { name: 'backup-2020-01-01.json' },
  'customer.export': { customerId: 'cu-nope' },
  'customer.delete': { customerId: 'cu-nope', confirmName: 'x' },
  'problems.dismiss': { id: 'p-nope' },
  'faq.list': {},
  'faq.save': { id: 'faq-perm', category: 'account', questions: { 'zh-CN': ['问'], en: ['q'] }, answer: { 'zh-CN': '答', en: 'a' } },
  'faq.delete': { id: 'faq-nope' },
  'bot.markWrong': { messageId: 'm-nope' },
  'bot.wrongAnswers': {},
  'bot.updateSettings': {},
  'sim.botConversation': { customerId: 'cu-nope', category: 'account', body: 'hi' },
  'routing.loads': {},
  'routing.reroute': { id: 'c-nope', toAgentId: 'a-lina' },
  'performance.scores': { from: '2026-11-01', to: '2026-11-24' },
  'performance.trend': { from: '2026-11-01', to: '2026-11-24', granularity: 'week' },
  'performance.drill': { from: '2026-11-01', to: '2026-11-24', agentId: 'a-lina', metric: 'csat' },
  'performance.export': { from: '2026-11-01', to: '2026-11-24' },
  'ratings.mine': {},
  'sim.rate': { conversationId: 'c-nope', score: 5 },
  'complaints.list': {},
  'complaints.get': { id: 'cp-nope' },
  'complaints.ofConversation': { conversationId: 'c-nope' },
  'complaints.update': { id: 'cp-nope', status: 'investigating' },
  'complaints.setSeverity': { id: 'cp-nope', severity: 'severe' },
  'complaints.create': { conversationId: 'c-nope', subject: 'attitude', aboutAgentId: null },
  'training.home': {},
  'training.start': { scenarioId: 'sc-nope' },
  'training.current': {},
  'training.finish': { attemptId: 'tr-nope' },
  'training.abandon': { attemptId: 'tr-nope' },
  'training.attempt': { attemptId: 'tr-nope' },
  'training.progress': {},
  'training.assign': { scenarioId: 'sc-nope', agentIds: ['a-lina'], dueAt: 0 },
  'training.scenarios': {},
  'training.saveScenario': { scenario: {} },
  'training.deleteScenario': { id: 'sc-nope' },
  'training.importScenarios': { text: '[]', dryRun: true },
  'training.exportScenarios': {},
  'training.tryTurn': { scenario: {}, nodeId: 'start', reply: 'hi' },
};

const roleRefusal = (r: Result<unknown>) => !r.ok && r.error.kind === 'forbidden' && / may not call /.test(r.error.message);

describe('the permission table, through the core', () => {
  it('has a sample input for every contract entry, each passing its schema', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES) expect(contract[name].input.safeParse(SAMPLES[name]).success, name).toBe(true);
  });

  it('refuses each entry to exactly the roles the table leaves out, for every role', async () => {
    const { core } = await open();
    const raw = core.raw;
    const mismatches: string[] = [];
    for (const role of ['agent', 'trainee', 'lead'] as Role[]) {
      let session = await signInDemo(raw, AS[role]);
      for (const name of CALL_NAMES) {
        const r = await raw.call(name, SAMPLES[name], session);
        // Sign-out and lock end (or freeze) the session they run on: the next call gets a fresh one.
        if (name === 'session.signOut' || name === 'session.lock') session = await signInDemo(raw, AS[role]);
        const needsSession = contract[name].session === 'none';
        const expectRefused = !needsSession && !can(role, name);
        if (roleRefusal(r) !== expectRefused) mismatches.push(`${role} ${name}: ${r.ok ? 'ok' : `${r.error.kind} ${r.error.message}`}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('trainees are refused every live call; leads are refused nothing', () => {
    const live = ['queue.page', 'conversation.get', 'customer.history', 'search.query', 'notices.list', 'sla.explain', 'draft.get', 'reminders.list'] as const;
    for (const name of live) expect(can('trainee', name), name).toBe(false);
    for (const name of CALL_NAMES) expect(can('lead', name), name).toBe(true);
    for (const name of ['clock.advance', 'sim.customerMessage', 'settings.update', 'profiles.add', 'backup.restore'] as const) expect(can('agent', name), name).toBe(false);
  });
});

describe('object rules: an agent changes only what is theirs', () => {
  it('status changes and transfers on a colleague\'s conversation are refused; their own and unassigned ones work', async () => {
    const { core } = await open();
    const all = [...core.store.all('conversations').values()].filter((c) => c.status === 'open');
    const colleagues = all.find((c) => c.ownerId && c.ownerId !== 'a-lina' && c.assigneeId && c.assigneeId !== 'a-lina')!;
    const own = all.find((c) => c.assigneeId === 'a-lina')!;
    const before = core.store.get('conversations', colleagues.id);
    for (const [name, input] of [
      ['conversation.setStatus', { id: colleagues.id, status: 'pending' }],
      ['conversation.transfer', { id: colleagues.id, toAgentId: 'a-lina', note: '我来接' }],
    ] as const) {
      expect(await core.call(name, input, 's1')).toMatchObject({ ok: false, error: { kind: 'forbidden', code: 'not_assigned' } });
    }
    expect(core.store.get('conversations', colleagues.id)).toEqual(before);
    expect(await core.call('conversation.setStatus', { id: own.id, status: 'pending' }, 's1')).toMatchObject({ ok: true });
    // A lead may change any conversation.
    const lead = await signInDemo(core.raw, 'a-zhaomin');
    expect(await core.raw.call('conversation.setStatus', { id: colleagues.id, status: 'pending' }, lead)).toMatchObject({ ok: true });
  });

  it('the pure rule: owner or assignee, or nobody\'s yet; trainees never', () => {
    const agent = { id: 'a', role: 'agent' as const };
    expect(mayChange(agent, { ownerId: 'a', assigneeId: 'b', ownerAway: false })).toBe(true);
    expect(mayChange(agent, { ownerId: 'b', assigneeId: 'a', ownerAway: false })).toBe(true);
    expect(mayChange(agent, { ownerId: null, assigneeId: null, ownerAway: false })).toBe(true);
    expect(mayChange(agent, { ownerId: 'b', assigneeId: null, ownerAway: true })).toBe(true);
    expect(mayChange(agent, { ownerId: 'b', assigneeId: null, ownerAway: false })).toBe(false);
    expect(mayChange(agent, { ownerId: 'b', assigneeId: 'b', ownerAway: false })).toBe(false);
    expect(mayChange({ id: 'a', role: 'trainee' }, { ownerId: null, assigneeId: null, ownerAway: false })).toBe(false);
    expect(mayChange({ id: 'x', role: 'lead' }, { ownerId: 'b', assigneeId: 'b', ownerAway: false })).toBe(true);
  });
});
