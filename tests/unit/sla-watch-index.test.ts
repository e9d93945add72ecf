import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Conversation } from '../../shared/schema';
import { coreSandbox } from './coreSandbox';

/**
 * The SLA watch looks only at conversations whose next threshold has come or that were committed since the last
 * tick (electron/core/services/slaWatch.ts). These pin the three ways a conversation gets looked at again: its own
 * commit (a due time moved earlier), its wake time (the clock reaching it) and a settings commit (a wider window).
 */
const sandbox = coreSandbox('kefu-slawatch-');
const { call } = sandbox;
const MIN = 60_000;

const noticesOf = (core: Core, kind: string, id: string) => [...core.store.all('notices').values()].filter((n) => n.id.startsWith(`n-${kind}-${id}-`));
async function advance(core: Core, ms: number) {
  await call(core, 'clock.advance', { ms });
}
/** An active, unpaused, unsnoozed conversation due at `dueAt` (no clock start: the notice key is the due time). */
function setDue(core: Core, c: Conversation, dueAt: number) {
  const rec: Conversation = { ...c, status: 'queued', dueAt, slaPausedAt: null, snoozedUntil: null, slaClockStartedAt: null };
  core.store.commit([{ op: 'put', coll: 'conversations', rec }]);
  return rec;
}

describe('SLA watch index', () => {
  it('a commit that moves a due time into the at-risk window is noticed on the next tick, the breach at its time', async () => {
    const { core } = await sandbox.open();
    const now = () => core.clock.now();
    const window = core.store.get('settings', 'global')!.atRiskMinutes;
    const [a, b] = [...core.store.all('conversations').values()].filter((c) => c.status === 'queued').slice(-2);
    setDue(core, a, now() + window * MIN + 5 * 60 * MIN);
    await advance(core, MIN);
    expect(noticesOf(core, 'at_risk', a.id)).toEqual([]);
    // Moved earlier by a commit, not by time: inside the window now.
    const due = now() + (window - 30) * MIN;
    setDue(core, core.store.get('conversations', a.id)!, due);
    await advance(core, MIN);
    expect(noticesOf(core, 'at_risk', a.id).map((n) => n.id)).toEqual([`n-at_risk-${a.id}-${due}`]);
    // Nothing commits it again: the breach comes from its wake time alone.
    await advance(core, (window - 32) * MIN);
    expect(noticesOf(core, 'breached', a.id)).toEqual([]);
    await advance(core, 2 * MIN);
    expect(noticesOf(core, 'breached', a.id).map((n) => n.id)).toEqual([`n-breached-${a.id}-${due}`]);
    expect(noticesOf(core, 'at_risk', a.id)).toHaveLength(1); // once per threshold

    // A wider at-risk window (a settings commit) brings b, due just outside the old window, in at once.
    const dueB = now() + (window + 1.5) * MIN;
    setDue(core, b, dueB);
    await advance(core, 1);
    expect(noticesOf(core, 'at_risk', b.id)).toEqual([]);
    const settings = core.store.get('settings', 'global')!;
    core.store.commit([{ op: 'put', coll: 'settings', rec: { ...settings, atRiskMinutes: window + 3 } }]);
    await advance(core, 1);
    expect(noticesOf(core, 'at_risk', b.id).map((n) => n.id)).toEqual([`n-at_risk-${b.id}-${dueB}`]);
  });
});
