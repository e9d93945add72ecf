import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { manualClock, type Clock } from '../../electron/core/clock';
import { LATE_AFTER_MS } from '../../electron/core/services/reminders';
import type { Output } from '../../shared/contract';
import { SANDBOX_NOW, coreSandbox } from './coreSandbox';

const HOUR = 3600_000;
const sandbox = coreSandbox('kefu-rem-late-');
const { call } = sandbox;

const reminderNotices = async (core: Core) => (await call<Output<'notices.list'>>(core, 'notices.list', {})).filter((n) => n.kind === 'reminder');
const openConversation = (core: Core) => [...core.store.all('conversations').values()].find((c) => c.status === 'open')!;

/** Schedules a reminder one hour ahead on a fresh demo core; returns the core, its folder and the reminder. */
async function withReminder(clock: Clock, note: string) {
  const { core, dataDir } = await sandbox.open(undefined, clock);
  const c = openConversation(core);
  const r = await call<Output<'reminders.create'>>(core, 'reminders.create', { conversationId: c.id, when: { preset: 'in_1_hour' }, note });
  return { core, dataDir, r };
}

describe('late reminders: only those that fell due while the app was not running', () => {
  it('a reminder due while the app was closed fires at start-up, marked late', async () => {
    const clock = manualClock(SANDBOX_NOW);
    const { core, dataDir, r } = await withReminder(clock, '关机期间到期');
    await core.close();
    clock.advance(3 * HOUR); // closed from 09:00 to 12:00; due at 10:00
    const { core: again } = await sandbox.open(dataDir, clock);
    const fired = (await reminderNotices(again)).filter((n) => n.detail.includes('关机期间到期'));
    expect(fired).toHaveLength(1);
    expect(fired[0].late).toBe(true);
    expect(again.store.get('reminders', r.id)).toMatchObject({ status: 'fired', late: true });
  });

  it('a reminder only seconds overdue at start-up (within one tick) is not late', async () => {
    const clock = manualClock(SANDBOX_NOW);
    const { core, dataDir, r } = await withReminder(clock, '刚好到期');
    // Running until 2 s before it is due, then restarted 5 s after: the ticker might have fired it on time.
    await call(core, 'clock.advance', { ms: HOUR - 2000 });
    expect(core.store.get('reminders', r.id)!.status).toBe('scheduled');
    await core.close();
    clock.advance(7000);
    expect(7000 - 2000).toBeLessThan(LATE_AFTER_MS);
    const { core: again } = await sandbox.open(dataDir, clock);
    expect(again.store.get('reminders', r.id)).toMatchObject({ status: 'fired', late: false });
    expect((await reminderNotices(again)).find((n) => n.detail.includes('刚好到期'))).toMatchObject({ late: false });
  });

  it("a store seeded in this very start never has late reminders, even with the demo's reminders overdue", async () => {
    // The seed is laid out at the clock's first reading; the rest of the start-up sees 3 h later, so the demo
    // reminders due 2 h after the seed are already overdue when the reminders service starts.
    const base = manualClock(SANDBOX_NOW);
    let reads = 0;
    const jumpsAfterSeed: Clock = {
      manual: true,
      now: () => (reads++ === 0 ? base.now() : base.now() + 3 * HOUR),
      advance: (ms) => base.advance(ms),
    };
    const { core } = await sandbox.open(undefined, jumpsAfterSeed);
    const firedAtStart = [...core.store.all('reminders').values()].filter((r) => r.status === 'fired');
    expect(firedAtStart.length).toBeGreaterThanOrEqual(1); // the premise: overdue demo reminders fired at start-up
    for (const r of firedAtStart) expect(r.late).toBe(false);
    const notices = await reminderNotices(core);
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(notices.filter((n) => n.late)).toEqual([]);
  });
});
