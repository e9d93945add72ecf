import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { coreSandbox } from './coreSandbox';
import { mayChange } from '../../shared/rules/ownership';
import type { ChangeEvent, Output } from '../../shared/contract';

const NOW = Date.parse('2026-11-24T09:00:00+08:00');

const { open, call } = coreSandbox('kefu-core-');


describe('the core', () => {
  it('seeds demo data on first run and serves the queue in pages of active conversations', async () => {
    const { core } = await open();
    const page = await call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 50 });
    expect(page.total).toBeGreaterThan(100);
    expect(page.items).toHaveLength(50);
    const next = await call<Output<'queue.page'>>(core, 'queue.page', { offset: 50, limit: 50 });
    expect(next.items.map((i) => i.id).filter((id) => page.items.some((p) => p.id === id))).toEqual([]);
    expect(page.items.every((i) => ['queued', 'open', 'pending'].includes(i.status))).toBe(true);
  });

  it('keeps a reply and a resolution across a restart, with audit entries', async () => {
    const { core, dataDir } = await open();
    // The first queue row the signed-in agent may work (agents change only their own or unassigned conversations).
    const rows = (await call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 50 })).items;
    const first = rows.find((r) => mayChange({ id: 'a-lina', role: 'agent' }, core.store.get('conversations', r.id)!))!;
    const events: ChangeEvent[] = [];
    core.subscribe((e) => events.push(e));
    const msg = await call<{ id: string }>(core, 'conversation.reply', { id: first.id, body: '您好，已为您处理' });
    await call(core, 'conversation.setStatus', { id: first.id, status: 'resolved' });
    await new Promise((r) => setTimeout(r, 0));
    expect(events.flatMap((e) => e.topics)).toContain(`conversation:${first.id}`);
    await core.close();

    const { core: again } = await open(dataDir);
    const view = await call<Output<'conversation.get'>>(again, 'conversation.get', { id: first.id });
    expect(view.messages.at(-1)).toMatchObject({ id: msg.id, body: '您好，已为您处理', author: 'agent' });
    expect(view.conversation.status).toBe('resolved');
    expect(view.conversation.ownerId).not.toBeNull();
    const audit = [...again.store.all('audit').values()].filter((a) => a.targetId === first.id);
    expect(audit.map((a) => a.action)).toContain('conversation.status');
  });

  it('refuses an illegal status change with a conflict and changes nothing', async () => {
    const { core } = await open();
    const closed = [...core.store.all('conversations').values()].find((c) => c.status === 'closed')!;
    await call(core, 'session.signIn', { agentId: 'a-zhaomin' }, 'lead'); // a lead may change any conversation
    const r = await core.call('conversation.setStatus', { id: closed.id, status: 'resolved' }, 'lead');
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(core.store.get('conversations', closed.id)!.status).toBe('closed');
    expect(await core.call('conversation.get', { id: 'c-nope' }, 's1')).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('remembers the language per agent and signs sessions in separately', async () => {
    const { core } = await open();
    await call(core, 'prefs.setLocale', { locale: 'en' });
    expect((await call<Output<'session.get'>>(core, 'session.get', {})).locale).toBe('en');
    const s = await call<Output<'session.get'>>(core, 'session.get', {});
    const trainee = s.agents.find((a) => a.role === 'trainee')!;
    await call(core, 'session.signIn', { agentId: trainee.id }, 's2');
    expect((await call<Output<'session.get'>>(core, 'session.get', {}, 's2')).agent.id).toBe(trainee.id);
    expect((await call<Output<'session.get'>>(core, 'session.get', {}, 's1')).agent.id).toBe(s.agent.id);
    // The trainee's session cannot reach live customers.
    expect(await core.call('queue.page', { offset: 0, limit: 5 }, 's2')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('moves a manual clock, and lists a customer’s conversations newest first', async () => {
    const { core } = await open();
    expect(await call(core, 'clock.advance', { ms: 3600_000 })).toEqual({ now: NOW + 3600_000 });
    const repeat = [...core.store.all('conversations').values()].reduce<Record<string, number>>((m, c) => ((m[c.customerId] = (m[c.customerId] ?? 0) + 1), m), {});
    const customerId = Object.entries(repeat).find(([, n]) => n >= 3)![0];
    const h = await call<Output<'customer.history'>>(core, 'customer.history', { customerId });
    expect(h.conversations.length).toBeGreaterThanOrEqual(3);
    const created = h.conversations.map((c) => c.createdAt);
    expect([...created].sort((a, b) => b - a)).toEqual(created);
  });

  it('a reminder with snooze hides a pending conversation from the queue until it fires', async () => {
    const { core } = await open();
    const session = await call<Output<'session.get'>>(core, 'session.get', {});
    const pending = [...core.store.all('conversations').values()].find((c) => c.status === 'pending' && c.ownerId === session.agent.id)!;
    const inQueue = async () => {
      const page = await call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 500 });
      return page.items.some((i) => i.id === pending.id);
    };
    expect(await inQueue()).toBe(true);
    await call(core, 'reminders.create', { conversationId: pending.id, when: { at: NOW + 2 * 3600_000 }, note: 'check back', snooze: true });
    expect(await inQueue()).toBe(false);
    await call(core, 'clock.advance', { ms: 2 * 3600_000 + 1000 });
    expect(await inQueue()).toBe(true);
  });

  it('refuses to send a reply with an unfilled variable, but keeps it possible in an internal note', async () => {
    const { core } = await open();
    const c = [...core.store.all('conversations').values()].find((x) => x.status === 'open')!;
    const r = await core.call('conversation.reply', { id: c.id, body: '您好 {{customer.nickname}}，已处理' }, 's1');
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', issues: ['body: {{customer.nickname}}'] } });
    expect(await core.call('conversation.reply', { id: c.id, body: 'template {{x}} to fix', internal: true }, 's1')).toMatchObject({ ok: true });
  });
});
