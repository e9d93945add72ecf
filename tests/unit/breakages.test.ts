import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Output } from '../../shared/contract';
import type { Agent, Conversation } from '../../shared/schema';
import { urgencyAt } from '../../shared/rules/urgency';
import { coreSandbox, SANDBOX_NOW } from './coreSandbox';

/**
 * Rules that each once broke with every other test still green: each test here goes red on its breakage
 * (checked by making the breakage). Through the core wherever a client could get around a rule.
 */
const sandbox = coreSandbox('kefu-breakages-');
const { call } = sandbox;
const H = 3600_000;

const agentsOf = (core: Core) => [...core.store.all('agents').values()];
async function signIn(core: Core, agent: Agent, session: string) {
  await call(core, 'session.signIn', { agentId: agent.id }, session);
  return session;
}
const errorKind = async (core: Core, name: string, input: unknown, session: string) => {
  const r = await core.call(name, input, session);
  return r.ok ? 'ok' : r.error.kind;
};

describe('a conversation exactly at its due time is breached', () => {
  it('the rule: time left 0 is breached, 1 ms left is at risk, also for a paused clock frozen at 0', () => {
    const due = SANDBOX_NOW + 5 * H;
    expect(urgencyAt({ dueAt: due, slaPausedAt: null }, due, 120)).toBe('breached');
    expect(urgencyAt({ dueAt: due, slaPausedAt: null }, due - 1, 120)).toBe('at_risk');
    expect(urgencyAt({ dueAt: due, slaPausedAt: due }, due + 3 * H, 120)).toBe('breached');
  });

  it('the queue: at due - 1 ms it is at risk, at the due time it is in the breached filter and count', async () => {
    const { core } = await sandbox.open();
    const listed = async (urgency: 'breached' | 'at_risk') =>
      (await call<{ index: number }>(core, 'queue.indexOf', { id: conversationId, filter: { urgencies: [urgency] } })).index >= 0;
    const vip = [...core.store.all('customers').values()].find((c) => c.tier === 'vip')!;
    const { conversationId } = await call<{ conversationId: string }>(core, 'sim.customerMessage', { customerId: vip.id, category: 'account', body: '登录不了' });
    const due = core.store.get('conversations', conversationId)!.dueAt!;
    expect(due).toBe(SANDBOX_NOW + 12 * H);
    await call(core, 'clock.advance', { ms: due - SANDBOX_NOW - 1 });
    expect(await listed('at_risk')).toBe(true);
    expect(await listed('breached')).toBe(false);
    const countBefore = (await call<Output<'queue.counts'>>(core, 'queue.counts', {})).breached;
    await call(core, 'clock.advance', { ms: 1 });
    expect(await listed('breached')).toBe(true);
    expect(await listed('at_risk')).toBe(false);
    expect((await call<Output<'queue.counts'>>(core, 'queue.counts', {})).breached).toBeGreaterThan(countBefore);
  });
});

describe('"owner away" is cleared only by the owner’s own reply (through the core)', () => {
  it('another agent replying keeps it in the team queue marked owner away; the owner replying takes it back', async () => {
    const { core } = await sandbox.open();
    const away = [...core.store.all('conversations').values()].find((c) => c.ownerAway && c.ownerId && c.status !== 'closed');
    expect(away, 'the demo seeds conversations whose owner is away').toBeDefined();
    const c = away as Conversation;
    const owner = core.store.get('agents', c.ownerId!)!;
    const other = agentsOf(core).find((a) => a.role === 'agent' && a.id !== owner.id)!;
    await call(core, 'conversation.reply', { id: c.id, body: '您好，我来帮您看一下。' }, await signIn(core, other, 'other'));
    const afterOther = core.store.get('conversations', c.id)!;
    expect(afterOther.ownerAway).toBe(true);
    expect(afterOther.ownerId).toBe(owner.id);
    await call(core, 'conversation.reply', { id: c.id, body: '我回来了，继续为您处理。' }, await signIn(core, owner, 'owner'));
    expect(core.store.get('conversations', c.id)!.ownerAway).toBe(false);
  });
});

describe('raw braces never reach the customer (through the core)', () => {
  it('conversation.reply refuses a lone {{ or }} as well as an unfilled variable, and stores nothing', async () => {
    const { core } = await sandbox.open();
    const me = (await call<Output<'session.get'>>(core, 'session.get', {})).agent;
    // One the default agent may answer: their own.
    const c = [...core.store.all('conversations').values()].find((x) => x.status === 'open' && x.assigneeId === me.id)!;
    const count = () => [...core.store.all('messages').values()].filter((m) => m.conversationId === c.id).length;
    const before = count();
    for (const body of ['您好 {{ 请稍等', '订单号 }} 已收到', '您好 {{customer.first_name}}', 'a {{ b }} c']) {
      expect(await errorKind(core, 'conversation.reply', { id: c.id, body }, 's1'), body).toBe('validation');
    }
    expect(count()).toBe(before);
    // Single braces are ordinary text.
    await call(core, 'conversation.reply', { id: c.id, body: '格式 {a} 没问题' });
    expect(count()).toBe(before + 1);
  });
});

describe('personal canned replies are their author’s alone (through the core)', () => {
  it('canned.use on another agent’s personal reply is refused and its usage count does not move', async () => {
    const { core } = await sandbox.open();
    const [author, stranger] = agentsOf(core).filter((a) => a.role === 'agent');
    const lead = agentsOf(core).find((a) => a.role === 'lead')!;
    const mine = await call<Output<'canned.save'>>(
      core,
      'canned.save',
      { title: '我的私人回复', body: '私人内容', category: null, locale: 'zh-CN', shortcut: 'mine1', scope: 'personal' },
      await signIn(core, author, 'author'),
    );
    expect(await errorKind(core, 'canned.use', { id: mine.id }, await signIn(core, stranger, 'stranger'))).not.toBe('ok');
    expect(await errorKind(core, 'canned.use', { id: mine.id }, await signIn(core, lead, 'lead'))).not.toBe('ok');
    expect(core.store.get('cannedReplies', mine.id)!.usageCount).toBe(0);
    expect(await call(core, 'canned.use', { id: mine.id }, 'author')).toEqual({ id: mine.id, usageCount: 1 });
  });
});

describe('a data folder holding only quarantine/ is not a new store', () => {
  it('is opened empty, never seeded over what was quarantined', async () => {
    const { core: first, dataDir: scratch } = await sandbox.open();
    expect(first.store.all('conversations').size).toBeGreaterThan(0); // a really new folder is seeded
    const dir = join(scratch, 'damaged');
    mkdirSync(join(dir, 'quarantine'), { recursive: true });
    writeFileSync(join(dir, 'quarantine', '2026-11-24T01-00-00-000Z-snapshot-4.json'), '{"version": 2, "gen"');
    const { core } = await sandbox.open(dir);
    expect(core.store.isNew).toBe(false);
    expect(core.store.all('conversations').size).toBe(0);
    expect(core.store.all('agents').size).toBe(0);
    expect(readdirSync(join(dir, 'quarantine'))).toEqual(['2026-11-24T01-00-00-000Z-snapshot-4.json']);
  });
});
