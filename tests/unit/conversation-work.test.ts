import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { coreSandbox } from './coreSandbox';
import type { Output } from '../../shared/contract';

const NOW = Date.parse('2026-11-24T09:00:00+08:00');
const DAY = 24 * 3600_000;

const { open, call } = coreSandbox('kefu-work-');
/** A brand-new customer-free conversation: customer cu-0001 writes in a category nobody used for them yet. */
async function newConversation(core: Core, category = 'other', body = '我想问一个问题') {
  return call<{ conversationId: string }>(core, 'sim.customerMessage', { customerId: 'cu-0100', category, body });
}


describe('working a conversation', () => {
  it('makes the first agent who replies the owner, and audits it', async () => {
    const { core } = await open();
    await call(core, 'session.signIn', { agentId: 'a-james' }, 's2');
    const { conversationId: id } = await newConversation(core, 'account', 'I cannot log in');
    await call(core, 'conversation.reply', { id, body: 'A note first', internal: true }, 's2');
    expect((await call<Output<'conversation.get'>>(core, 'conversation.get', { id })).conversation.ownerId).toBeNull();
    await call(core, 'conversation.reply', { id, body: 'Let me check' }, 's2');
    await call(core, 'conversation.reply', { id, body: '我来看看' }, 's1');
    const view = await call<Output<'conversation.get'>>(core, 'conversation.get', { id });
    expect(view.conversation.ownerId).toBe('a-james');
    expect(view.events.find((e) => e.action === 'conversation.owner')).toMatchObject({ actorName: 'James Miller', before: null, after: 'James Miller' });
  });

  it('validates status changes, refusing resolve of a closed one with a typed error and no audit line', async () => {
    const { core } = await open();
    const { conversationId: id } = await newConversation(core);
    await call(core, 'conversation.reply', { id, body: '您好' });
    await call(core, 'conversation.setStatus', { id, status: 'pending' });
    await call(core, 'conversation.setStatus', { id, status: 'resolved' });
    await call(core, 'conversation.setStatus', { id, status: 'open' }); // reopen
    const view = await call<Output<'conversation.get'>>(core, 'conversation.get', { id });
    expect(view.events.filter((e) => e.action === 'conversation.status').map((e) => `${e.before}→${e.after}`)).toEqual(['open→pending', 'pending→resolved', 'resolved→open']);
    const audit = [...core.store.all('audit').values()].filter((a) => a.targetId === id && a.action === 'conversation.status');
    expect(audit.every((a) => a.actorId === 'a-lina' && a.at === NOW)).toBe(true);

    const closed = [...core.store.all('conversations').values()].find((c) => c.status === 'closed')!;
    await call(core, 'session.signIn', { agentId: 'a-zhaomin' }, 'lead'); // a lead may change any conversation
    const auditBefore = core.store.all('audit').size;
    expect(await core.call('conversation.setStatus', { id: closed.id, status: 'resolved' }, 'lead')).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await core.call('conversation.setCategory', { id: closed.id, category: 'payment' }, 'lead')).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(core.store.all('audit').size).toBe(auditBefore);
  });

  it('edits category and tags with before → after in the audit log', async () => {
    const { core } = await open();
    const { conversationId: id } = await newConversation(core);
    await call(core, 'conversation.setCategory', { id, category: 'payment' });
    await call(core, 'conversation.setTags', { id, tags: ['refund', 'refund', 'vip'] });
    const view = await call<Output<'conversation.get'>>(core, 'conversation.get', { id });
    expect(view.conversation).toMatchObject({ category: 'payment', tags: ['refund', 'vip'] });
    expect(view.events.map((e) => [e.action, e.before, e.after])).toEqual(
      expect.arrayContaining([
        ['conversation.category', 'other', 'payment'],
        ['conversation.tags', '', 'refund, vip'],
      ]),
    );
  });

  it('transfers ownership with a note both agents see; refuses a trainee', async () => {
    const { core } = await open();
    await call(core, 'session.signIn', { agentId: 'a-james' }, 's2');
    const { conversationId: id } = await newConversation(core);
    await call(core, 'conversation.reply', { id, body: '您好' });
    const trainee = await core.call('conversation.transfer', { id, toAgentId: 'a-liuyang', note: 'x' }, 's1');
    expect(trainee).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    await call(core, 'conversation.transfer', { id, toAgentId: 'a-james', note: 'English speaker, please follow up' });
    for (const s of ['s1', 's2']) {
      const v = await call<Output<'conversation.get'>>(core, 'conversation.get', { id }, s);
      expect(v.conversation).toMatchObject({ ownerId: 'a-james', assigneeId: 'a-james' });
      expect(v.events.find((e) => e.action === 'conversation.transfer')).toMatchObject({ before: '林娜', after: 'James Miller', note: 'English speaker, please follow up' });
    }
  });

  it('links a repeat contact to the issue and its owner; "owner away" waits in the team queue until the owner returns', async () => {
    const { core } = await open();
    const first = (await newConversation(core, 'payment', '付款失败')).conversationId;
    await call(core, 'conversation.reply', { id: first, body: '我来处理' });
    await call(core, 'conversation.setStatus', { id: first, status: 'resolved' });

    await call(core, 'clock.advance', { ms: 3 * DAY });
    const second = (await newConversation(core, 'payment', '又付款失败了')).conversationId;
    let c = core.store.get('conversations', second)!;
    expect(c).toMatchObject({ linkedToId: first, ownerId: 'a-lina', assigneeId: 'a-lina', ownerAway: false, contactCount: 2 });
    const other = core.store.get('conversations', (await newConversation(core, 'account', '账号问题')).conversationId)!;
    expect(other).toMatchObject({ linkedToId: null, ownerId: null });

    await call(core, 'agent.setPresence', { presence: 'away' });
    const third = (await newConversation(core, 'payment', '还是不行')).conversationId;
    c = core.store.get('conversations', third)!;
    expect(c).toMatchObject({ linkedToId: second, ownerId: 'a-lina', assigneeId: null, ownerAway: true });
    expect((await call<Output<'owner.waiting'>>(core, 'owner.waiting', {})).map((w) => w.id)).toContain(third);

    const back = await call<Output<'agent.setPresence'>>(core, 'agent.setPresence', { presence: 'online' });
    expect(back.waiting.map((w) => w.id)).toContain(third);
    expect(core.store.get('conversations', third)).toMatchObject({ assigneeId: 'a-lina', ownerAway: false });
    expect(await call(core, 'owner.waiting', {})).toEqual([]);
  });

  it('does not link once the solved issue is older than seven days', async () => {
    const { core } = await open();
    const first = (await newConversation(core, 'payment', '付款失败')).conversationId;
    await call(core, 'conversation.reply', { id: first, body: '我来处理' });
    await call(core, 'conversation.setStatus', { id: first, status: 'resolved' });
    await call(core, 'clock.advance', { ms: 7 * DAY + 60_000 });
    const later = core.store.get('conversations', (await newConversation(core, 'payment', '新问题')).conversationId)!;
    expect(later).toMatchObject({ linkedToId: null, ownerId: null, ownerAway: false });
  });

  it('keeps drafts per agent across a restart and drops them once sent', async () => {
    const { core, dataDir } = await open();
    const { conversationId: id } = await newConversation(core);
    await call(core, 'draft.save', { conversationId: id, body: '草稿：请稍等' });
    await call(core, 'session.signIn', { agentId: 'a-james' }, 's2');
    expect((await call(core, 'draft.get', { conversationId: id }, 's2')).body).toBe('');
    await core.close();
    const { core: again } = await open(dataDir);
    expect((await call(again, 'draft.get', { conversationId: id })).body).toBe('草稿：请稍等');
    await call(again, 'conversation.reply', { id, body: '草稿：请稍等' });
    expect((await call(again, 'draft.get', { conversationId: id })).body).toBe('');
  });

  it('shows the customer card: contacts, ratings given, open complaints', async () => {
    const { core } = await open();
    const h = await call<Output<'customer.history'>>(core, 'customer.history', { customerId: 'cu-0001' });
    expect(h.customer.name).toBe('王小明');
    expect(h.openComplaints).toBe(1);
    expect(h.contactCount).toBeGreaterThanOrEqual(h.conversations.length);
    const ratings = [...core.store.all('ratings').values()].filter((r) => r.customerId === 'cu-0001');
    expect(h.ratingsGiven).toBe(ratings.length);
    expect(h.conversations.map((c) => c.createdAt)).toEqual([...h.conversations.map((c) => c.createdAt)].sort((a, b) => b - a));
  });
});
