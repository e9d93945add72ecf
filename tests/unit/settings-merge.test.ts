import { describe, expect, it } from 'vitest';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { coreSandbox } from './coreSandbox';

const sb = coreSandbox('kefu-settings-');

describe('settings.update keeps what it was not given', () => {
  it('saving the SLA numbers leaves the bot, routing and spool settings and the lock time as the lead set them', async () => {
    const { core } = await sb.open();
    await sb.call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    const { id: _id, ...before } = await sb.call(core, 'settings.get', {}, 'lead');
    await sb.call(core, 'settings.update', { ...before, lockAfterMinutes: 30, spoolDir: '/srv/spool', bot: { ...before.bot, vipToHuman: true }, routing: { vipFirst: false } }, 'lead');
    // The SLA dialog sends only its own numbers.
    await sb.call(core, 'settings.update', { slaHours: { normal: 20, vip: 10 }, complaintWorkingDays: 7, atRiskMinutes: 90 }, 'lead');
    const after = await sb.call(core, 'settings.get', {}, 'lead');
    expect(after.slaHours).toEqual({ normal: 20, vip: 10 });
    expect(after.lockAfterMinutes).toBe(30);
    expect(after.spoolDir).toBe('/srv/spool');
    expect(after.bot.vipToHuman).toBe(true);
    expect(after.routing.vipFirst).toBe(false);
  });
});
