import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Output } from '../../shared/contract';
import { coreSandbox, SANDBOX_NOW } from './coreSandbox';

/**
 * The SLA rules as an agent meets them, through the core: re-categorising, a customer chasing a reply, an internal
 * note, and a customer upgraded to VIP. (The pure rules are in sla.test.ts; these prove the services apply them.)
 */
const H = 3600_000;
const { open, call } = coreSandbox('kefu-sla-core-');

const get = (core: Core, id: string) => call<Output<'conversation.get'>>(core, 'conversation.get', { id }).then((v) => v.conversation);
const explain = (core: Core, id: string) => call<Output<'sla.explain'>>(core, 'sla.explain', { id });
const advance = (core: Core, ms: number) => call(core, 'clock.advance', { ms });
/** cu-0100 writes a new conversation; the hand-over is now. */
const newConversation = (core: Core, category: string, customerId = 'cu-0100') =>
  call<{ conversationId: string }>(core, 'sim.customerMessage', { customerId, category, body: '我的问题还没解决' }).then((r) => r.conversationId);

describe('changing the category after the agent has answered', () => {
  it('payment → complaint: the complaint owes its result 7 working days from the hand-over', async () => {
    const { core } = await open();
    const id = await newConversation(core, 'payment'); // Tue 24 Nov 09:00
    await advance(core, 2 * H);
    await call(core, 'conversation.reply', { id, body: '您好，我们正在核实。' });
    expect((await get(core, id)).dueAt).toBeNull(); // answered: nothing owed on a payment question

    await call(core, 'conversation.setCategory', { id, category: 'complaint' });
    const c = await get(core, id);
    expect(c.dueAt).toBe(Date.parse('2026-12-04T00:00:00+08:00')); // 25, 26, 27 Nov, 30 Nov, 1, 2, 3 Dec
    expect(await explain(core, id)).toMatchObject({ state: 'owed', rule: 'complaint', clock: 'handover', clockStartedAt: SANDBOX_NOW });
    // It sorts among what is owed, not last as "nothing owed".
    const page = await call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 500 });
    expect(page.items.find((r) => r.id === id)?.dueAt).toBe(c.dueAt);
  });

  it('complaint → payment: an answered conversation is not breached (no hand-over + 24 h)', async () => {
    const { core } = await open();
    const id = await newConversation(core, 'complaint');
    await advance(core, H);
    await call(core, 'conversation.reply', { id, body: '非常抱歉，我们会认真处理。' });
    expect((await get(core, id)).dueAt).not.toBeNull(); // the result is still owed
    await advance(core, 30 * H);
    await call(core, 'conversation.setCategory', { id, category: 'payment' });
    expect((await get(core, id)).dueAt).toBeNull();
    expect((await explain(core, id)).state).toBe('answered');
    const page = await call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 500 });
    expect(page.items.find((r) => r.id === id)?.dueAt).toBeNull();
  });
});

describe('a customer chasing a reply', () => {
  it('keeps the deadline of the oldest unanswered message; an internal note does not stop the clock, a reply does', async () => {
    const { core } = await open();
    const id = await newConversation(core, 'account');
    await advance(core, 20 * H);
    await call(core, 'sim.customerMessage', { customerId: 'cu-0100', conversationId: id, body: '还在吗？' });
    expect((await get(core, id)).dueAt).toBe(SANDBOX_NOW + 24 * H); // not T + 44 h
    expect(await explain(core, id)).toMatchObject({ clock: 'handover', clockStartedAt: SANDBOX_NOW });

    await call(core, 'conversation.reply', { id, body: '内部备注：先查日志', internal: true });
    expect((await get(core, id)).dueAt).toBe(SANDBOX_NOW + 24 * H);

    await call(core, 'conversation.reply', { id, body: '您好，已为您重置。' });
    expect((await get(core, id)).dueAt).toBeNull();

    await advance(core, H); // T+21h: the customer writes twice
    await call(core, 'sim.customerMessage', { customerId: 'cu-0100', conversationId: id, body: '还是不行' });
    await advance(core, 3 * H);
    await call(core, 'sim.customerMessage', { customerId: 'cu-0100', conversationId: id, body: '？？' });
    expect((await get(core, id)).dueAt).toBe(SANDBOX_NOW + 21 * H + 24 * H);
    expect(await explain(core, id)).toMatchObject({ clock: 'oldest_unanswered', clockStartedAt: SANDBOX_NOW + 21 * H });
  });
});

describe('a customer upgraded to VIP', () => {
  it('a response owed after the upgrade is due in 12 h; the one owed before keeps 24 h', async () => {
    const { core } = await open();
    const customerId = [...core.store.all('customers').values()].find((c) => c.tier === 'normal')!.id;
    const id = await newConversation(core, 'other', customerId);
    expect((await get(core, id)).dueAt).toBe(SANDBOX_NOW + 24 * H);

    // The platform upgrades the customer (the profile update the spool will bring).
    const customer = core.store.get('customers', customerId)!;
    core.store.commit([{ op: 'put', coll: 'customers', rec: { ...customer, tier: 'vip' } }]);
    await advance(core, H);
    await call(core, 'sim.customerMessage', { customerId, conversationId: id, body: 'hello?' });
    expect((await get(core, id)).dueAt).toBe(SANDBOX_NOW + 24 * H); // owed before the upgrade

    await call(core, 'conversation.reply', { id, body: 'On it.' });
    await advance(core, H);
    await call(core, 'sim.customerMessage', { customerId, conversationId: id, body: 'still broken' });
    expect((await get(core, id)).dueAt).toBe(SANDBOX_NOW + 2 * H + 12 * H);
    expect(await explain(core, id)).toMatchObject({ rule: 'response_vip', targetHours: 12 });
    const page = await call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 500 });
    expect(page.items.find((r) => r.id === id)?.tier).toBe('vip');
  });
});
