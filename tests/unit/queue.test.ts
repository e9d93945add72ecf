import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { coreSandbox } from './coreSandbox';
import type { Output } from '../../shared/contract';
import { compareQueue } from '../../shared/rules/priority';
import { urgencyAt } from '../../shared/rules/urgency';

const NOW = Date.parse('2026-11-24T09:00:00+08:00');
const H = 3600_000;

const sandbox = coreSandbox('kefu-queue-');
const { call } = sandbox;
const open = async () => (await sandbox.open()).core;
type Page = Output<'queue.page'>;
const page = (core: Core, filter: unknown = {}, session = 's1', limit = 500) => call<Page>(core, 'queue.page', { offset: 0, limit, filter }, session);
async function signInAs(core: Core, role: 'lead' | 'agent', session: string) {
  const s = await call<Output<'session.get'>>(core, 'session.get', {}, session);
  const a = s.agents.find((x) => x.role === role)!;
  await call(core, 'session.signIn', { agentId: a.id }, session);
  return a;
}
const tick = () => new Promise((r) => setTimeout(r, 0));


describe('the queue service', () => {
  it('serves the seeded queue in the documented order, severe complaints on top, paged', async () => {
    const core = await open();
    const all = await page(core);
    expect(all.total).toBeGreaterThan(50);
    expect(all.items[0].severity).toBe('severe');
    const key = (i: Page['items'][number]) => ({ id: i.id, severe: i.severity === 'severe', vip: i.tier === 'vip', dueAt: i.dueAt, pausedAt: i.pausedAt });
    for (let i = 1; i < all.items.length; i++) expect(compareQueue(key(all.items[i - 1]), key(all.items[i]), all.now)).toBeLessThan(0);
    const second = await call<Page>(core, 'queue.page', { offset: 10, limit: 10 });
    expect(second.items.map((i) => i.id)).toEqual(all.items.slice(10, 20).map((i) => i.id));
    // Pending conversations carry their pause, so the countdown can stop.
    expect(all.items.filter((i) => i.status === 'pending').every((i) => i.dueAt === null || i.pausedAt !== null)).toBe(true);
  });

  it('filters by scope, category, tier, status, urgency and text, and finds an item index', async () => {
    const core = await open();
    const me = (await call<Output<'session.get'>>(core, 'session.get', {})).agent;
    const all = await page(core);
    const mine = await page(core, { scope: 'mine' });
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(all.total);
    // "mine" = owned by me or assigned to me: exactly those rows of the whole queue, in queue order.
    expect(all.items).toHaveLength(all.total);
    const conv = (id: string) => core.store.get('conversations', id)!;
    const expected = all.items.filter((i) => conv(i.id).ownerId === me.id || conv(i.id).assigneeId === me.id).map((i) => i.id);
    // Both halves occur in the demo (owned but worked by the team or another agent; assigned but not owned).
    expect(expected.filter((id) => conv(id).assigneeId !== me.id).length).toBeGreaterThan(0);
    expect(expected.filter((id) => conv(id).ownerId !== me.id).length).toBeGreaterThan(0);
    expect(mine.items.map((i) => i.id)).toEqual(expected);
    const unassigned = await page(core, { scope: 'unassigned' });
    expect(unassigned.items.every((i) => i.status === 'queued')).toBe(true);
    const vipPay = await page(core, { categories: ['payment'], tiers: ['vip'] });
    expect(vipPay.total).toBeGreaterThan(0);
    expect(vipPay.items.every((i) => i.category === 'payment' && i.tier === 'vip')).toBe(true);
    const pending = await page(core, { statuses: ['pending'] });
    expect(pending.items.every((i) => i.status === 'pending')).toBe(true);
    const breached = await page(core, { urgencies: ['breached'] });
    expect(breached.total).toBeGreaterThan(0);
    expect(breached.items.every((i) => urgencyAt({ dueAt: i.dueAt, slaPausedAt: i.pausedAt }, breached.now, 120) === 'breached')).toBe(true);
    const target = all.items[7];
    const byText = await page(core, { text: target.customerName.toUpperCase() });
    expect(byText.items.map((i) => i.id)).toContain(target.id);
    expect(byText.items.every((i) => `${i.id}${i.subject}${i.customerName}`.toLowerCase().includes(target.customerName.toLowerCase()))).toBe(true);
    expect(await call(core, 'queue.indexOf', { id: target.id })).toMatchObject({ index: 7, total: all.total });
    expect(await call(core, 'queue.indexOf', { id: target.id, filter: { categories: target.category === 'other' ? ['account'] : ['other'] } })).toMatchObject({ index: -1 });
  });

  it('re-places a conversation when it changes, and a pending one keeps its time left', async () => {
    const core = await open();
    const before = await page(core);
    const open1 = before.items.find((i) => i.status === 'open' && i.dueAt !== null && i.severity === 'normal')!;
    await call(core, 'conversation.setStatus', { id: open1.id, status: 'pending' });
    const paused = (await page(core)).items.find((i) => i.id === open1.id)!;
    expect(paused.pausedAt).toBe(NOW);
    await call(core, 'clock.advance', { ms: 5 * H });
    const later = (await page(core)).items.find((i) => i.id === open1.id)!;
    expect(later.dueAt! - later.pausedAt!).toBe(open1.dueAt! - NOW); // frozen
    const v = (await page(core)).version;
    await call(core, 'conversation.setStatus', { id: open1.id, status: 'open' });
    const resumed = await page(core);
    expect(resumed.version).toBeGreaterThan(v);
    expect(resumed.items.find((i) => i.id === open1.id)!.dueAt).toBe(open1.dueAt! + 5 * H);
    const explained = await call<Output<'sla.explain'>>(core, 'sla.explain', { id: open1.id });
    expect(explained.pauses).toEqual([{ from: NOW, to: NOW + 5 * H }]);
    expect(explained.pausedMs).toBe(5 * H);
  });

  it('keeps saved views per agent', async () => {
    const core = await open();
    await call(core, 'views.save', { name: 'VIP payments', filter: { categories: ['payment'], tiers: ['vip'] } }, 'a');
    await signInAs(core, 'lead', 'b');
    expect(await call<unknown[]>(core, 'views.list', {}, 'b')).toEqual([]);
    const mine = await call<Output<'views.list'>>(core, 'views.list', {}, 'a');
    expect(mine).toHaveLength(1);
    expect(mine[0].filter).toMatchObject({ categories: ['payment'], tiers: ['vip'], scope: 'team' });
    expect((await core.call('views.delete', { id: mine[0].id }, 'b')).ok).toBe(false);
    await call(core, 'views.delete', { id: mine[0].id }, 'a');
    expect(await call<unknown[]>(core, 'views.list', {}, 'a')).toEqual([]);
  });
});

describe('settings (lead only, validated, audited)', () => {
  it('refuses agents, validates, audits and re-times running clocks', async () => {
    const core = await open();
    const s = await call<Output<'settings.get'>>(core, 'settings.get', {});
    expect(s).toMatchObject({ slaHours: { normal: 24, vip: 12 }, complaintWorkingDays: 7, atRiskMinutes: 120 });
    const agentTry = await core.call('settings.update', { slaHours: { normal: 20, vip: 10 }, complaintWorkingDays: 7, atRiskMinutes: 60 }, 's1');
    expect(agentTry.ok ? null : agentTry.error.kind).toBe('forbidden');
    const lead = await signInAs(core, 'lead', 'L');
    const bad = await core.call('settings.update', { slaHours: { normal: 10, vip: 20 }, complaintWorkingDays: 7, atRiskMinutes: 60 }, 'L');
    expect(bad.ok ? null : bad.error.kind).toBe('validation');
    const zero = await core.call('settings.update', { slaHours: { normal: 0, vip: 0 }, complaintWorkingDays: 7, atRiskMinutes: 60 }, 'L');
    expect(zero.ok ? null : zero.error.kind).toBe('validation');

    const before = (await page(core)).items.find((i) => i.tier === 'vip' && i.category !== 'complaint' && i.dueAt !== null && i.pausedAt === null)!;
    await call(core, 'settings.update', { slaHours: { normal: 24, vip: 8 }, complaintWorkingDays: 7, atRiskMinutes: 60 }, 'L');
    const after = (await page(core)).items.find((i) => i.id === before.id)!;
    expect(after.dueAt).toBe(before.dueAt! - 4 * H);
    const audit = [...core.store.all('audit').values()].filter((a) => a.action === 'settings.update');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: lead.id, before: { slaHours: { vip: 12 } }, after: { slaHours: { vip: 8 } } });
  });
});

describe('escalation and SLA notices', () => {
  it('escalates a complaint marked severe: top of the lead view, a lead notice, an audit line', async () => {
    const core = await open();
    await signInAs(core, 'lead', 'L');
    const complaint = (await page(core)).items.find((i) => i.category === 'complaint' && i.severity === 'normal')!;
    await call(core, 'complaint.markSevere', { id: complaint.id });
    const leadView = await page(core, { scope: 'unassigned', categories: ['payment'] }, 'L');
    expect(leadView.items.slice(0, 5).map((i) => i.id)).toContain(complaint.id);
    expect(leadView.items.filter((i) => i.severity === 'severe').every((i) => leadView.items.indexOf(i) < leadView.items.findIndex((x) => x.severity !== 'severe'))).toBe(true);
    const notices = await call<Output<'notices.list'>>(core, 'notices.list', {}, 'L');
    expect(notices.find((n) => n.id === `n-escalated-${complaint.id}`)).toMatchObject({ kind: 'escalated', conversationId: complaint.id });
    expect([...core.store.all('audit').values()].find((a) => a.action === 'conversation.escalated' && a.targetId === complaint.id)).toBeTruthy();
    // An agent does not get the lead's escalation notice.
    expect((await call<Output<'notices.list'>>(core, 'notices.list', {})).some((n) => n.kind === 'escalated')).toBe(false);
  });

  it('marks start-up summaries late only for thresholds crossed while the app was closed', async () => {
    const { core, dataDir } = await sandbox.open();
    const breachedBefore = (await call<Output<'queue.counts'>>(core, 'queue.counts', {})).breached;
    await core.close();
    // Closed for a day: more conversations breach meanwhile; reopening raises the day's summaries, late.
    const { manualClock } = await import('../../electron/core/clock');
    const { core: again } = await sandbox.open(dataDir, manualClock(NOW + 24 * H));
    expect((await call<Output<'queue.counts'>>(again, 'queue.counts', {})).breached).toBeGreaterThan(breachedBefore);
    const summaries = [...again.store.all('notices').values()].filter((n) => n.id.includes('-summary-') && n.at >= NOW + 24 * H);
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.some((n) => n.late)).toBe(true);
  });

  it('starts without a burst, then warns once per conversation per threshold as the clock moves', async () => {
    const core = await open();
    const startNotices = [...core.store.all('notices').values()];
    // Start-up: only summaries (one per recipient and kind), no per-conversation burst; a store seeded in this
    // very start missed nothing while closed, so none is marked late.
    expect(startNotices.length).toBeGreaterThan(0);
    expect(startNotices.every((n) => n.id.includes('-summary-') && !n.late)).toBe(true);
    // Each summary says how many conversations it stands for (the UI puts it in words), not as a "20:" prefix.
    expect(startNotices.some((n) => n.count > 1)).toBe(true);
    expect(startNotices.every((n) => !/^\d+: /.test(n.detail))).toBe(true);
    const breachedNow = (await call<Output<'queue.counts'>>(core, 'queue.counts', {})).breached;
    expect(breachedNow).toBeGreaterThan(startNotices.length);

    // A new VIP conversation, unassigned: the leads watch it.
    await signInAs(core, 'lead', 'L');
    const vip = (await page(core)).items.find((i) => i.tier === 'vip')!;
    const { conversationId } = await call<{ conversationId: string }>(core, 'sim.customerMessage', { customerId: vip.customerId, category: 'account', body: '登录不了' });
    const due = (await page(core)).items.find((i) => i.id === conversationId)!.dueAt!;
    expect(due).toBe(NOW + 12 * H);
    await call(core, 'clock.advance', { ms: 10 * H + 30 * 60_000 });
    await tick();
    const all = () => [...core.store.all('notices').values()];
    const mineOrGrouped = all().filter((n) => n.kind === 'at_risk' && n.recipientRole === 'lead' && !n.id.includes('summary'));
    expect(mineOrGrouped.length).toBeGreaterThan(0);
    expect(mineOrGrouped.length).toBeLessThanOrEqual(4); // 3 one by one + 1 grouped at most
    await call(core, 'clock.advance', { ms: 2 * H });
    await tick();
    const breachedNotices = all().filter((n) => n.kind === 'breached' && (n.id === `n-breached-${conversationId}-${NOW}` || (n.id.includes('-group-') && n.recipientRole === 'lead')));
    expect(breachedNotices.length).toBeGreaterThan(0);
    const count = all().length;
    await call(core, 'clock.advance', { ms: 60_000 });
    await tick();
    expect(all().length).toBe(count); // nothing new crossed in a quiet minute
  });

  it('notifies one by one when only a few cross (the at-risk notice names the conversation)', async () => {
    const core = await open();
    await signInAs(core, 'lead', 'L');
    const vip = (await page(core)).items.find((i) => i.tier === 'vip')!;
    const { conversationId } = await call<{ conversationId: string }>(core, 'sim.customerMessage', { customerId: vip.customerId, category: 'payment', subject: '充值未到账', body: '充值未到账' });
    // Advance to just inside this conversation's at-risk window, in steps that cross few others each time.
    const target = NOW + 12 * H - 119 * 60_000;
    let now = NOW;
    while (now < target) {
      const step = Math.min(20 * 60_000, target - now);
      await call(core, 'clock.advance', { ms: step });
      now += step;
    }
    await tick();
    const n = core.store.get('notices', `n-at_risk-${conversationId}-${NOW}`);
    expect(n).toMatchObject({ kind: 'at_risk', recipientRole: 'lead', conversationId, late: false });
    expect(n!.detail).toContain('充值未到账');
    // The lead sees it; an agent does not.
    expect((await call<Output<'notices.list'>>(core, 'notices.list', {}, 'L')).map((x) => x.id)).toContain(n!.id);
    expect((await call<Output<'notices.list'>>(core, 'notices.list', {})).map((x) => x.id)).not.toContain(n!.id);
  });
});
