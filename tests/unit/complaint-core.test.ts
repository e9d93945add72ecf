import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Core } from '../../electron/core';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { buildDemoSeed } from '../../electron/core/seed/seedStore';
import { openStore } from '../../electron/core/store/openStore';
import { silentLog } from '../../electron/core/log';
import type { ComplaintView } from '../../shared/contract/complaints';
import { SCHEMA_VERSION, type Complaint } from '../../shared/schema';
import { isActive } from '../../shared/rules/transitions';
import { SANDBOX_NOW, coreSandbox } from './coreSandbox';
import { line, msg, newConv, scan, spoolSandbox, write } from './spool-helpers';
import type { Change } from '../../electron/core/store/types';

const sb = coreSandbox('kefu-complaints-');
const HOUR = 3600_000;
const at = (s: string) => Date.parse(s);

async function asLead(core: Core) {
  await sb.call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
}
const recordsOf = (core: Core, conversationId: string): Complaint[] => [...core.store.all('complaints').values()].filter((c) => c.conversationId === conversationId);
const stepsOf = (core: Core, id: string) => [...core.store.all('audit').values()].filter((a) => a.targetId === id).sort((a, b) => a.at - b.at);
const noticesOf = (core: Core, prefix: string) => [...core.store.all('notices').values()].filter((n) => n.id.startsWith(prefix));
const flush = () => new Promise<void>((r) => setTimeout(r, 0));

/** A new complaint conversation from the customer simulator (lead-driven), with its record created by the core. */
async function newComplaint(core: Core, body: string, customerId = 'cu-0005') {
  const { conversationId } = await sb.call(core, 'sim.customerMessage', { customerId, category: 'complaint', body });
  await flush();
  const [record] = recordsOf(core, conversationId);
  return { conversationId, record };
}

describe('complaint records are created for complaint conversations', () => {
  it('a new complaint conversation gets one record, with its 7-working-day deadline and the text’s suggestion; once only', async () => {
    const { core, dataDir } = await sb.open();
    const { conversationId, record } = await newComplaint(core, '你们就是骗子！再不退钱我就去12315投诉，还要找媒体曝光');
    expect(record).toMatchObject({
      status: 'open',
      severity: 'normal',
      suggestedSeverity: 'severe',
      severitySignals: ['regulator', 'media', 'fraud'],
      openedAt: SANDBOX_NOW,
      dueAt: at('2026-12-04T00:00:00+08:00'),
      createdBy: 'system',
    });
    expect(stepsOf(core, record.id).map((a) => a.action)).toEqual(['complaint.created', 'complaint.escalated']);
    // The suggestion escalates to the leads at once, once.
    expect(noticesOf(core, `n-complaint-severe-${record.id}`)).toHaveLength(1);
    // More messages, re-commits, a restart: still one record, one notice.
    await sb.call(core, 'sim.customerMessage', { customerId: 'cu-0005', conversationId, body: '人呢？' });
    await flush();
    await core.close();
    const again = (await sb.open(dataDir)).core;
    await flush();
    expect(recordsOf(again, conversationId)).toHaveLength(1);
    expect(noticesOf(again, 'n-complaint-severe-')).toHaveLength(1);
  });

  it('a conversation re-categorised to complaint gets a record from its hand-over; a payment one does not', async () => {
    const { core } = await sb.open();
    const c = [...core.store.all('conversations').values()].find((x) => x.category === 'payment' && x.status === 'open' && x.assigneeId === 'a-lina')!;
    expect(recordsOf(core, c.id)).toHaveLength(0);
    await sb.call(core, 'conversation.setCategory', { id: c.id, category: 'complaint' });
    await flush();
    const [r] = recordsOf(core, c.id);
    expect(r.openedAt).toBe(c.resultClockStartedAt);
    expect(r.dueAt).toBe(core.store.get('conversations', c.id)!.dueAt);
  });

  it('the demo seed has a record for every complaint conversation that reached a person: closed on time and late, some upheld', async () => {
    const { core } = await sb.open();
    await asLead(core);
    const complaintsConvs = [...core.store.all('conversations').values()].filter((c) => c.category === 'complaint' && c.queuedAt !== null);
    for (const c of complaintsConvs) expect(recordsOf(core, c.id), c.id).toHaveLength(1);
    const list = await sb.call<{ items: ComplaintView[]; counts: Record<string, number> }>(core, 'complaints.list', { limit: 500 }, 'lead');
    expect(list.items).toHaveLength(complaintsConvs.length);
    expect(list.counts.closed_on_time).toBeGreaterThan(0);
    expect(list.counts.closed_late).toBeGreaterThan(0);
    expect(list.items.some((c) => c.upheld === true)).toBe(true);
    expect(list.items.some((c) => c.upheld === false)).toBe(true);
    // The demo starts without a flood: thresholds already passed count as escalated.
    expect(noticesOf(core, 'n-complaint-')).toHaveLength(0);
  });

  it('an existing store without the collection loads it empty, and its active complaint conversations get records at start', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kefu-complaints-old-'));
    // After the sandbox has closed the core on it (afterEach hooks run first).
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const collections: Record<string, unknown[]> = {};
    for (const ch of await buildDemoSeed(SANDBOX_NOW)) {
      if (ch.op !== 'put' || ch.coll === 'complaints') continue;
      (collections[ch.coll] ??= []).push(ch.rec);
    }
    writeFileSync(path.join(dir, 'snapshot-0.json'), JSON.stringify({ version: SCHEMA_VERSION, gen: 0, collections }));
    const store = await openStore({ dir, log: silentLog });
    expect(store.all('complaints').size).toBe(0);
    expect(store.problems).toEqual([]);
    await store.close();
    const { core } = await sb.open(dir);
    const active = [...core.store.all('conversations').values()].filter((c) => c.category === 'complaint' && isActive(c.status));
    expect(active.length).toBeGreaterThan(0);
    expect(core.store.all('complaints').size).toBe(active.length);
  });
});

describe('a lead steps a complaint; every step is audited', () => {
  it('investigating → result given (upheld) → closed on time, each step with before/after', async () => {
    const { core } = await sb.open();
    await asLead(core);
    const { record } = await newComplaint(core, '客服态度很差，问题一直没解决');
    expect(record.subject).toBe('attitude');
    const step = (input: object) => sb.call<ComplaintView>(core, 'complaints.update', { id: record.id, ...input }, 'lead');
    expect(await step({ status: 'investigating' })).toMatchObject({ status: 'investigating', handlerId: LEAD_ID });
    expect(await step({ status: 'result_given', result: '已核实，向您致歉并补偿', upheld: true })).toMatchObject({ status: 'result_given', upheld: true, resultAt: SANDBOX_NOW });
    const closed = await step({ status: 'closed' });
    expect(closed).toMatchObject({ status: 'closed', bucket: 'closed_on_time', workingDaysLeft: null });
    const lines = stepsOf(core, record.id).filter((a) => a.actorId === LEAD_ID);
    expect(lines.map((a) => a.action)).toEqual(['complaint.investigating', 'complaint.result_given', 'complaint.closed']);
    expect(lines[1]).toMatchObject({ before: { status: 'investigating', result: '', upheld: null, resultAt: null }, after: { status: 'result_given', upheld: true, resultAt: SANDBOX_NOW } });
    const got = await sb.call<{ steps: { action: string }[] }>(core, 'complaints.get', { id: record.id }, 'lead');
    expect(got.steps.map((s) => s.action)).toContain('complaint.closed');
  });

  it('refuses a result without upheld, a skipped step, and any change once closed (nothing stored)', async () => {
    const { core } = await sb.open();
    await asLead(core);
    const { record } = await newComplaint(core, 'My upload is still broken');
    const r1 = await core.call('complaints.update', { id: record.id, status: 'result_given', result: 'fixed' }, 'lead');
    expect(r1).toMatchObject({ ok: false, error: { kind: 'validation', code: 'complaint_result_needed' } });
    const r2 = await core.call('complaints.update', { id: record.id, status: 'closed' }, 'lead');
    expect(r2).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'complaint_transition' } });
    const r3 = await core.call('complaints.update', { id: record.id, handlerId: 'a-liuyang' }, 'lead');
    expect(r3).toMatchObject({ ok: false, error: { kind: 'validation', code: 'complaint_person' } });
    expect(core.store.get('complaints', record.id)).toEqual(record);
    await sb.call(core, 'complaints.update', { id: record.id, status: 'result_given', result: 'fixed', upheld: false }, 'lead');
    await sb.call(core, 'complaints.update', { id: record.id, status: 'closed' }, 'lead');
    const r4 = await core.call('complaints.update', { id: record.id, result: 'changed' }, 'lead');
    expect(r4).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'complaint_closed' } });
  });

  it('confirming severe escalates the conversation (notice once); normal takes it out of the severe group', async () => {
    const { core } = await sb.open();
    await asLead(core);
    const { conversationId, record } = await newComplaint(core, '我家孩子偷偷充了两千块，你们不退我就报警');
    expect(record.suggestedSeverity).toBe('severe');
    const v = await sb.call<ComplaintView>(core, 'complaints.setSeverity', { id: record.id, severity: 'severe' }, 'lead');
    expect(v).toMatchObject({ severity: 'severe', severityConfirmedBy: LEAD_ID });
    expect(core.store.get('conversations', conversationId)).toMatchObject({ severity: 'severe', escalatedAt: SANDBOX_NOW });
    expect(noticesOf(core, `n-escalated-${conversationId}`)).toHaveLength(1);
    expect(stepsOf(core, record.id).map((a) => a.action)).toContain('complaint.severity');
    await sb.call(core, 'complaints.setSeverity', { id: record.id, severity: 'severe' }, 'lead');
    expect(noticesOf(core, `n-escalated-${conversationId}`)).toHaveLength(1);
    await sb.call(core, 'complaints.setSeverity', { id: record.id, severity: 'normal' }, 'lead');
    expect(core.store.get('conversations', conversationId)!.severity).toBe('normal');
    const list = await sb.call<{ items: ComplaintView[] }>(core, 'complaints.list', { bucket: 'open' }, 'lead');
    expect(list.items.find((c) => c.id === record.id)!.reasons).toEqual([]);
  });

  it('complaint.markSevere on the conversation still works and the record follows', async () => {
    const { core } = await sb.open();
    const { conversationId, record } = await newComplaint(core, '我要投诉，等了三天没人回复');
    expect(record.severity).toBe('normal');
    await asLead(core);
    await sb.call(core, 'complaint.markSevere', { id: conversationId }, 'lead');
    await flush();
    expect(core.store.get('complaints', record.id)!.severity).toBe('severe');
    expect(noticesOf(core, `n-escalated-${conversationId}`)).toHaveLength(1);
    // The conversation's escalation told the leads: no second notice for the record.
    expect(noticesOf(core, `n-complaint-severe-${record.id}`)).toHaveLength(0);
  });
});

describe('due soon and overdue escalate once per complaint and reason, on the clock', () => {
  it('tells the leads at two working days left and at the deadline, once each, across restarts; overdue stays on top', async () => {
    const { core, dataDir } = await sb.open();
    await asLead(core);
    const { record } = await newComplaint(core, '我要投诉，问题没人处理');
    const advanceTo = async (c: Core, t: number) => {
      await sb.call(c, 'clock.advance', { ms: t - c.clock.now() });
      await flush();
    };
    // The demo's complaints cross thresholds too (several at once are told in one grouped notice): every complaint
    // escalated for a reason since the start is told exactly once, one by one or in a group.
    const told = (c: Core, reason: string) => noticesOf(c, `n-complaint-${reason}-`).reduce((n, x) => n + x.count, 0);
    const escalatedSince = (c: Core, reason: string) => [...c.store.all('complaints').values()].filter((x) => x.escalations.some((e) => e.reason === reason && e.at > SANDBOX_NOW)).length;
    const reasonsOf = () => core.store.get('complaints', record.id)!.escalations;
    await advanceTo(core, at('2026-11-30T23:00:00+08:00'));
    expect(reasonsOf()).toEqual([]);
    await advanceTo(core, at('2026-12-01T00:00:00+08:00'));
    expect(reasonsOf()).toEqual([{ reason: 'due_soon', at: at('2026-12-01T00:00:00+08:00') }]);
    expect(told(core, 'due_soon')).toBe(escalatedSince(core, 'due_soon'));
    await advanceTo(core, at('2026-12-02T10:00:00+08:00'));
    expect(reasonsOf()).toHaveLength(1);
    expect(told(core, 'due_soon')).toBe(escalatedSince(core, 'due_soon'));
    await advanceTo(core, at('2026-12-04T00:00:00+08:00'));
    expect(told(core, 'overdue')).toBe(escalatedSince(core, 'overdue'));
    expect(told(core, 'overdue')).toBeGreaterThan(0);
    expect(core.store.get('complaints', record.id)!.escalations.map((e) => e.reason)).toEqual(['due_soon', 'overdue']);
    const list = await sb.call<{ items: ComplaintView[] }>(core, 'complaints.list', {}, 'lead');
    const mine = list.items.findIndex((c) => c.id === record.id);
    expect(list.items[mine]).toMatchObject({ bucket: 'overdue', workingDaysLeft: -1 });
    // Everything above it is escalated too (severe or overdue).
    for (const c of list.items.slice(0, mine)) expect(c.reasons.length, c.id).toBeGreaterThan(0);
    const notices = noticesOf(core, 'n-complaint-').length;
    await core.close();
    const again = (await sb.open(dataDir, (await import('../../electron/core/clock')).manualClock(at('2026-12-05T10:00:00+08:00')))).core;
    await flush();
    expect(noticesOf(again, 'n-complaint-')).toHaveLength(notices);
  });

  it('a result in time ends the pressure: no overdue notice', async () => {
    const { core } = await sb.open();
    await asLead(core);
    const { record } = await newComplaint(core, 'Complaint: nobody answers me');
    await sb.call(core, 'complaints.update', { id: record.id, status: 'result_given', result: 'Answered and fixed', upheld: true }, 'lead');
    await sb.call(core, 'clock.advance', { ms: 12 * 24 * HOUR });
    await flush();
    expect(noticesOf(core, `n-complaint-overdue-${record.id}`)).toHaveLength(0);
    expect(noticesOf(core, `n-complaint-due_soon-${record.id}`)).toHaveLength(0);
  });
});

describe('permissions per role', () => {
  it('a trainee is refused everything; an agent cannot update or list; a lead can', async () => {
    const { core } = await sb.open();
    const { conversationId, record } = await newComplaint(core, '我要投诉客服态度');
    await sb.call(core, 'session.signIn', { agentId: 'a-liuyang' }, 'trainee');
    for (const [name, input] of [
      ['complaints.list', {}],
      ['complaints.get', { id: record.id }],
      ['complaints.ofConversation', { conversationId }],
      ['complaints.create', { conversationId, subject: 'other', aboutAgentId: null }],
    ] as const) {
      expect(await core.call(name, input, 'trainee'), name).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    // s1 is the agent a-lina.
    expect(await core.call('complaints.update', { id: record.id, status: 'investigating' }, 's1')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.call('complaints.setSeverity', { id: record.id, severity: 'severe' }, 's1')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.call('complaints.list', {}, 's1')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(core.store.get('complaints', record.id)).toEqual(record);
    await asLead(core);
    expect(await core.call('complaints.update', { id: record.id, status: 'investigating' }, 'lead')).toMatchObject({ ok: true });
  });

  it('an agent sees the complaints of their own conversations and those about them, not a colleague’s', async () => {
    const { core } = await sb.open();
    const complaints = [...core.store.all('complaints').values()];
    const convOf = (c: Complaint) => core.store.get('conversations', c.conversationId)!;
    const own = complaints.find((c) => convOf(c).assigneeId === 'a-lina' || convOf(c).ownerId === 'a-lina')!;
    const other = complaints.find((c) => convOf(c).assigneeId !== 'a-lina' && convOf(c).ownerId !== 'a-lina' && c.aboutAgentId !== 'a-lina')!;
    expect(await core.call('complaints.get', { id: own.id }, 's1')).toMatchObject({ ok: true });
    expect(await core.call('complaints.ofConversation', { conversationId: own.conversationId }, 's1')).toMatchObject({ ok: true, value: [{ id: own.id }] });
    expect(await core.call('complaints.get', { id: other.id }, 's1')).toMatchObject({ ok: false, error: { kind: 'forbidden', code: 'not_yours' } });
    expect(await core.call('complaints.ofConversation', { conversationId: other.conversationId }, 's1')).toMatchObject({ ok: false, error: { kind: 'forbidden', code: 'not_yours' } });
  });

  it('an agent records a complaint by hand on their conversation (about an agent), not on a colleague’s; one open per conversation', async () => {
    const { core } = await sb.open();
    const convs = [...core.store.all('conversations').values()].filter((c) => c.category === 'payment' && c.status === 'open');
    const mine = convs.find((c) => c.assigneeId === 'a-lina')!;
    const theirs = convs.find((c) => c.assigneeId !== 'a-lina' && c.ownerId !== 'a-lina' && c.assigneeId !== null)!;
    const v = await sb.call<ComplaintView>(core, 'complaints.create', { conversationId: mine.id, subject: 'attitude', aboutAgentId: 'a-zhangwei' });
    expect(v).toMatchObject({ subject: 'attitude', aboutAgentId: 'a-zhangwei', createdBy: 'a-lina', openedAt: SANDBOX_NOW, status: 'open' });
    expect(stepsOf(core, v.id)).toMatchObject([{ action: 'complaint.created', actorId: 'a-lina' }]);
    expect(await core.call('complaints.create', { conversationId: mine.id, subject: 'other', aboutAgentId: null }, 's1')).toMatchObject({ ok: false, error: { code: 'complaint_exists' } });
    expect(await core.call('complaints.create', { conversationId: theirs.id, subject: 'other', aboutAgentId: null }, 's1')).toMatchObject({ ok: false, error: { kind: 'forbidden', code: 'not_assigned' } });
  });
});

describe('complaints arriving through the spool', () => {
  const spoolSb = spoolSandbox('kefu-complaints-spool-');
  it('a complaint conversation imported from the platform gets its record, with the suggestion from its words', async () => {
    const { core, spool } = await spoolSb.open();
    write(spool, '0001.jsonl', line(newConv('P-C1', 'p-c1', { category: 'complaint', body: '你们盗刷了我的银行卡，我要去消协投诉' })));
    await scan(core);
    await flush();
    const link = [...core.store.all('spoolLinks').values()].find((l) => l.externalId === 'P-C1')!;
    const [r] = recordsOf(core, link.id);
    expect(r).toMatchObject({ status: 'open', suggestedSeverity: 'severe', severitySignals: ['regulator', 'stolen_money'], createdBy: 'system' });
  });

  it('an import batch commits its complaint conversations together with their records, read from all their words in the batch', async () => {
    const { core, spool } = await spoolSb.open();
    const commits: Change[][] = [];
    core.store.onCommit((changes) => void commits.push([...changes]));
    // The first message alone suggests nothing severe; the follow-up in the same batch does.
    write(spool, '0001.jsonl', [newConv('P-C2', 'p-c2', { category: 'complaint', body: '我对你们的处理结果不满意' }), msg('P-C2', '你们盗刷了我的银行卡，我要去消协投诉'), newConv('P-N1', 'p-n1', { category: 'payment', body: '付款失败' })].map(line).join(''));
    await scan(core);
    const link = [...core.store.all('spoolLinks').values()].find((l) => l.externalId === 'P-C2')!;
    // No tick for a listener's follow-up commit: the record is there when the scan answers.
    const [r] = recordsOf(core, link.id);
    expect(r).toMatchObject({ status: 'open', suggestedSeverity: 'severe', createdBy: 'system' });
    const withConversation = commits.filter((cs) => cs.some((ch) => ch.coll === 'conversations' && ch.op === 'put' && ch.rec.id === link.id));
    expect(withConversation.length).toBeGreaterThan(0);
    expect(withConversation[0].some((ch) => ch.coll === 'complaints' && ch.op === 'put' && ch.rec.id === r.id)).toBe(true);
    await flush();
    expect(recordsOf(core, link.id)).toHaveLength(1);
    // (The escalation of a severe suggestion follows in a commit of its own; no other commit creates a record.)
    const creating = commits.filter((cs) => cs.some((ch) => ch.coll === 'audit' && ch.op === 'put' && ch.rec.action === 'complaint.created'));
    expect(creating).toEqual([withConversation[0]]);
    const other = [...core.store.all('spoolLinks').values()].find((l) => l.externalId === 'P-N1')!;
    expect(recordsOf(core, other.id)).toHaveLength(0);
  });
});
