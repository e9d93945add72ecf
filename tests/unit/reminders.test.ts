import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { coreSandbox } from './coreSandbox';
import { manualClock, type Clock } from '../../electron/core/clock';
import type { Output } from '../../shared/contract';
import { presetTime, reminderBucket } from '../../shared/rules/reminderPresets';

const NOW = Date.parse('2026-11-24T09:00:00+08:00'); // a Tuesday
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const sandbox = coreSandbox('kefu-rem-', 'me');
const { call } = sandbox;
/** A core with three signed-in sessions: me (an agent), lead, and other (another agent). */
async function open(dir?: string, clock: Clock = manualClock(NOW)) {
  const opened = await sandbox.open(dir, clock);
  await call(opened.core, 'session.signIn', { agentId: 'a-lina' }, 'me');
  await call(opened.core, 'session.signIn', { agentId: 'a-zhaomin' }, 'lead');
  await call(opened.core, 'session.signIn', { agentId: 'a-zhangwei' }, 'other');
  return opened;
}
const notices = (core: Core, session = 'me') => call<Output<'notices.list'>>(core, 'notices.list', {}, session);
const reminderNotices = async (core: Core, session = 'me') => (await notices(core, session)).filter((n) => n.kind === 'reminder');
const pendingConversation = (core: Core) => [...core.store.all('conversations').values()].find((c) => c.status === 'pending')!;

describe('reminder presets', () => {
  it('computes each preset on Shanghai time and the CN working-day calendar', () => {
    expect(presetTime('in_1_hour', NOW).at).toBe(NOW + HOUR);
    expect(presetTime('tomorrow_9', Date.parse('2026-11-24T23:30:00+08:00')).at).toBe(Date.parse('2026-11-25T09:00:00+08:00'));
    // 00:30 Shanghai is still the previous day in UTC: tomorrow is the Shanghai tomorrow.
    expect(presetTime('tomorrow_9', Date.parse('2026-11-25T00:30:00+08:00')).at).toBe(Date.parse('2026-11-26T09:00:00+08:00'));
    expect(presetTime('in_3_days', NOW).at).toBe(NOW + 3 * DAY);
    // Friday → Monday; the day before National Day → after the holiday week.
    expect(presetTime('next_working_day', Date.parse('2026-11-27T15:00:00+08:00')).at).toBe(Date.parse('2026-11-30T09:00:00+08:00'));
    expect(presetTime('next_working_day', Date.parse('2026-09-30T15:00:00+08:00')).at).toBe(Date.parse('2026-10-08T09:00:00+08:00'));
  });

  it('sorts reminders into upcoming, due, overdue and done', () => {
    expect(reminderBucket({ status: 'scheduled', dueAt: NOW + 1 }, NOW)).toBe('upcoming');
    expect(reminderBucket({ status: 'fired', dueAt: NOW - 59 * 60_000 }, NOW)).toBe('due');
    expect(reminderBucket({ status: 'fired', dueAt: NOW - HOUR }, NOW)).toBe('overdue');
    expect(reminderBucket({ status: 'done', dueAt: NOW - DAY }, NOW)).toBe('done');
  });
});

describe('follow-up reminders', () => {
  it('fires when the clock reaches it (never before), once, with a notice for its agent only', async () => {
    const { core } = await open();
    const c = [...core.store.all('conversations').values()].find((x) => x.status === 'open')!;
    const r = await call<Output<'reminders.create'>>(core, 'reminders.create', { conversationId: c.id, when: { preset: 'in_1_hour' }, note: '回访用户' });
    expect(r).toMatchObject({ dueAt: NOW + HOUR, bucket: 'upcoming', status: 'scheduled', agentName: '林娜' });

    await call(core, 'clock.advance', { ms: HOUR - 1000 });
    expect((await reminderNotices(core)).filter((n) => n.conversationId === c.id)).toEqual([]);
    await call(core, 'clock.advance', { ms: 1000 });
    const fired = (await reminderNotices(core)).filter((n) => n.conversationId === c.id);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ late: false, detail: expect.stringContaining('回访用户') });
    expect(core.store.get('reminders', r.id)).toMatchObject({ status: 'fired', firedAt: NOW + HOUR, late: false });
    expect((await reminderNotices(core, 'other')).some((n) => n.conversationId === c.id)).toBe(false);

    await call(core, 'clock.advance', { ms: HOUR });
    expect((await reminderNotices(core)).filter((n) => n.conversationId === c.id)).toHaveLength(1);
    const [listed] = await call<Output<'reminders.list'>>(core, 'reminders.list', { conversationId: c.id });
    expect(listed.bucket).toBe('overdue');
  });

  it('fires on start-up, marked late, what fell due while the app was closed; only once', async () => {
    const clock = manualClock(NOW);
    const { core, dataDir } = await open(undefined, clock);
    const seeded = [...core.store.all('reminders').values()].filter((r) => r.status === 'scheduled');
    expect(seeded.length).toBeGreaterThanOrEqual(2);
    await core.close();

    // Closed for 30 hours: the seeded reminders due in 2 h and 26 h fell due meanwhile.
    clock.advance(30 * HOUR);
    const { core: again } = await open(dataDir, clock);
    const late = (await reminderNotices(again)).filter((n) => n.late);
    expect(late.length).toBe(seeded.filter((r) => r.dueAt <= NOW + 30 * HOUR).length);
    expect(late.length).toBeGreaterThanOrEqual(2);
    for (const r of seeded.filter((x) => x.dueAt <= NOW + 30 * HOUR)) expect(again.store.get('reminders', r.id)).toMatchObject({ status: 'fired', late: true });
    await again.close();

    const { core: third } = await open(dataDir, clock);
    expect((await reminderNotices(third)).filter((n) => n.late)).toHaveLength(late.length);
  });

  it('snoozes a pending conversation until the reminder fires', async () => {
    const { core } = await open();
    const c = pendingConversation(core);
    await call(core, 'reminders.create', { conversationId: c.id, when: { preset: 'tomorrow_9' }, note: '', snooze: true });
    expect(core.store.get('conversations', c.id)!.snoozedUntil).toBe(Date.parse('2026-11-25T09:00:00+08:00'));
    await call(core, 'clock.advance', { ms: DAY });
    expect(core.store.get('conversations', c.id)!.snoozedUntil).toBeNull();
  });

  it('ends the snooze when the customer replies first', async () => {
    const { core } = await open();
    const c = pendingConversation(core);
    await call(core, 'reminders.create', { conversationId: c.id, when: { preset: 'in_3_days' }, snooze: true });
    await call(core, 'sim.customerMessage', { customerId: c.customerId, conversationId: c.id, body: '我又来了' });
    expect(core.store.get('conversations', c.id)!.snoozedUntil).toBeNull();
  });

  it('refuses to snooze a conversation that is not waiting for the customer, and times in the past', async () => {
    const { core } = await open();
    const open_ = [...core.store.all('conversations').values()].find((x) => x.status === 'open')!;
    expect(await core.call('reminders.create', { conversationId: open_.id, when: { preset: 'in_1_hour' }, snooze: true }, 'me')).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await core.call('reminders.create', { conversationId: open_.id, when: { at: NOW - 1 } }, 'me')).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await core.call('reminders.create', { conversationId: 'c-nope', when: { preset: 'in_1_hour' } }, 'me')).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('completes, snoozes again and deletes only the agent’s own reminders', async () => {
    const { core } = await open();
    const c = [...core.store.all('conversations').values()].find((x) => x.status === 'open')!;
    const r = await call<Output<'reminders.create'>>(core, 'reminders.create', { conversationId: c.id, when: { preset: 'in_1_hour' } });
    expect(await core.call('reminders.complete', { id: r.id }, 'other')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.call('reminders.delete', { id: r.id }, 'lead')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

    await call(core, 'clock.advance', { ms: HOUR });
    const again = await call<Output<'reminders.snooze'>>(core, 'reminders.snooze', { id: r.id, when: { preset: 'in_1_hour' } });
    expect(again).toMatchObject({ status: 'scheduled', dueAt: NOW + 2 * HOUR, bucket: 'upcoming' });
    await call(core, 'clock.advance', { ms: HOUR });
    // The snoozed reminder notifies again (a new notice for the new time).
    expect((await reminderNotices(core)).filter((n) => n.conversationId === c.id)).toHaveLength(2);
    expect(await call(core, 'reminders.complete', { id: r.id })).toMatchObject({ status: 'done', bucket: 'done' });
    await call(core, 'reminders.delete', { id: r.id });
    expect(core.store.get('reminders', r.id)).toBeUndefined();
  });

  it('lets a lead see team members’ overdue reminders, and nobody else', async () => {
    const { core } = await open();
    const c = [...core.store.all('conversations').values()].find((x) => x.status === 'open')!;
    await call(core, 'reminders.create', { conversationId: c.id, when: { preset: 'in_1_hour' }, note: '给财务打电话' }, 'other');
    expect(await call<Output<'reminders.teamOverdue'>>(core, 'reminders.teamOverdue', {}, 'lead')).toEqual([]);
    await call(core, 'clock.advance', { ms: 2 * HOUR + 1 });
    const overdue = await call<Output<'reminders.teamOverdue'>>(core, 'reminders.teamOverdue', {}, 'lead');
    expect(overdue.map((r) => [r.agentName, r.note])).toContainEqual(['张伟', '给财务打电话']);
    expect(await core.call('reminders.teamOverdue', {}, 'me')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect((await call<Output<'reminders.list'>>(core, 'reminders.list', {}, 'me')).some((r) => r.note === '给财务打电话')).toBe(false);
  });
});
