import { describe, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import type { AgentScore, PerformanceRow, ReceivedRating } from '../../shared/contract/performance';
import { coreSandbox, type SandboxCore } from './coreSandbox';

const sb = coreSandbox('kefu-performance-');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** A tiny RFC 4180 reader (quoted fields, doubled quotes, CRLF inside quotes), enough to read the export back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

async function signedIn() {
  const { core } = await sb.open();
  await sb.call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
  await sb.call(core, 'session.signIn', { agentId: 'a-liuyang' }, 'trainee');
  await sb.call(core, 'session.signIn', { agentId: 'a-zhangwei' }, 'zw');
  return core;
}

/** Ten days after the demo's data, so a day's figures are only what the test does. */
async function quietDay(core: SandboxCore): Promise<string> {
  await sb.call(core, 'clock.advance', { ms: 10 * DAY });
  return new Date(core.clock.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

describe('performance through the core, per role', () => {
  it('a lead sees every agent; an agent only themselves, also when naming another agent; a trainee nothing', async () => {
    const core = await signedIn();
    const period = { from: '2026-11-10', to: '2026-11-24' };
    const all = await sb.call<{ agents: AgentScore[] }>(core, 'performance.scores', period, 'lead');
    const ids = all.agents.map((a) => a.metrics.agentId);
    for (const id of ['a-lina', 'a-zhangwei', 'a-chenjing', 'a-james', 'a-sofia', 'a-oliver']) expect(ids).toContain(id);
    const one = await sb.call<{ agents: AgentScore[] }>(core, 'performance.scores', { ...period, agentId: 'a-james' }, 'lead');
    expect(one.agents.map((a) => a.metrics.agentId)).toEqual(['a-james']);

    const own = await sb.call<{ agents: AgentScore[] }>(core, 'performance.scores', period);
    expect(own.agents.map((a) => a.metrics.agentId)).toEqual(['a-lina']);
    expect(own.agents[0]).toEqual(all.agents.find((a) => a.metrics.agentId === 'a-lina'));
    const mine = await sb.call<{ points: { agentId: string }[] }>(core, 'performance.trend', { ...period, granularity: 'day' });
    expect(new Set(mine.points.map((p) => p.agentId))).toEqual(new Set(['a-lina']));
    expect(mine.points).toHaveLength(15);
    // Asking for someone else, by any call: refused, whatever the input says.
    for (const [name, input] of [
      ['performance.scores', { ...period, agentId: 'a-james' }],
      ['performance.trend', { ...period, agentId: 'a-james', granularity: 'week' }],
      ['performance.drill', { ...period, agentId: 'a-james', metric: 'csat' }],
      ['performance.export', { ...period, agentId: 'a-james' }],
    ] as const) {
      expect(await core.call(name, input, 's1'), name).toMatchObject({ ok: false, error: { kind: 'forbidden', code: 'not_yours' } });
    }
    expect(await core.call('performance.drill', { ...period, agentId: 'a-lina', metric: 'handled' }, 's1')).toMatchObject({ ok: true });
    // A trainee is refused every performance call by the roles.
    for (const [name, input] of [
      ['performance.scores', period],
      ['performance.trend', { ...period, granularity: 'day' }],
      ['performance.drill', { ...period, agentId: 'a-liuyang', metric: 'handled' }],
      ['performance.export', period],
      ['ratings.mine', {}],
      ['sim.rate', { conversationId: 'c-00001', score: 5 }],
    ] as const) {
      const r = await core.call(name, input, 'trainee');
      expect(r, name).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    // An agent cannot drive the simulator either.
    expect(await core.call('sim.rate', { conversationId: 'c-00001', score: 5 }, 's1')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    // Period checks.
    expect(await core.call('performance.scores', { from: '2026-11-24', to: '2026-11-01' }, 'lead')).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await core.call('performance.scores', { from: '2026-02-30', to: '2026-03-01' }, 'lead')).toMatchObject({ ok: false, error: { kind: 'validation', causes: [{ path: ['from'] }] } });
    expect(await core.call('performance.scores', { from: '2026-02-01', to: '2026-02-29' }, 'lead')).toMatchObject({ ok: false, error: { kind: 'validation', causes: [{ path: ['to'] }] } });
    expect(await core.call('performance.scores', { from: '2025-01-01', to: '2026-11-01' }, 'lead')).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await core.call('performance.scores', { ...period, agentId: 'a-nobody' }, 'lead')).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('the demo store gives a meaningful dashboard: most agents scored, ratings behind CSAT', async () => {
    const core = await signedIn();
    const { agents } = await sb.call<{ agents: AgentScore[] }>(core, 'performance.scores', { from: '2026-11-10', to: '2026-11-24' }, 'lead');
    const scored = agents.filter((a) => a.score !== null);
    expect(scored.length).toBeGreaterThanOrEqual(4);
    expect(agents.filter((a) => a.metrics.ratings > 0).length).toBeGreaterThanOrEqual(4);
    for (const a of agents) expect(a.metrics.trainingScore).toBeNull();
  });
});

describe('ratings, scores and their cache, through the core', () => {
  it('a rating is stored against the resolver; a rating after a reopen replaces the earlier one; figures follow each commit', async () => {
    const core = await signedIn();
    const day = await quietDay(core);
    const period = { from: day, to: day, agentId: 'a-zhangwei' };
    const scoresOf = async () => (await sb.call<{ agents: AgentScore[] }>(core, 'performance.scores', period, 'lead')).agents[0].metrics;
    expect(await scoresOf()).toMatchObject({ handled: 0, ratings: 0 });

    const subject = '退款"未到账",第二次\n请尽快';
    // A customer with no earlier payment issue, so nobody owns this one yet (the first to answer does).
    const taken = new Set([...core.store.all('conversations').values()].filter((c) => c.category === 'payment').map((c) => c.customerId));
    const customerId = [...core.store.all('customers').keys()].find((cu) => !taken.has(cu))!;
    const { conversationId: id } = await sb.call(core, 'sim.customerMessage', { customerId, category: 'payment', subject, body: '钱还没到' });
    // Not resolved yet: no rating request went out.
    expect(await core.call('sim.rate', { conversationId: id, score: 5 }, 'lead')).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'not_rateable' } });
    await sb.call(core, 'clock.advance', { ms: 12 * MIN });
    await sb.call(core, 'conversation.reply', { id, body: '您好，我来处理' }, 'zw');
    expect(await scoresOf()).toMatchObject({ handled: 1, firstResponseMedianMs: 12 * MIN });
    await sb.call(core, 'conversation.setStatus', { id, status: 'pending' }, 'zw');
    await sb.call(core, 'clock.advance', { ms: 60 * MIN });
    await sb.call(core, 'conversation.setStatus', { id, status: 'resolved' }, 'zw');
    // 72 minutes since the hand-over, 60 of them pending.
    expect(await scoresOf()).toMatchObject({ resolved: 1, resolutionMedianMs: 12 * MIN, reopened: 0 });

    const first = await sb.call<{ ratingId: string }>(core, 'sim.rate', { conversationId: id, score: 2, comment: '太慢' }, 'lead');
    expect(core.store.get('ratings', first.ratingId)).toMatchObject({ agentId: 'a-zhangwei', score: 2, comment: '太慢' });
    expect(await scoresOf()).toMatchObject({ ratings: 1, csatAverage: 2, csatPositivePct: 0 });

    // The customer writes again: reopened; answered and resolved again, then rated again.
    await sb.call(core, 'clock.advance', { ms: 30 * MIN });
    await sb.call(core, 'sim.customerMessage', { customerId, conversationId: id, body: '又出问题了' });
    await sb.call(core, 'clock.advance', { ms: 5 * MIN });
    await sb.call(core, 'conversation.reply', { id, body: '已重新处理' }, 'zw');
    await sb.call(core, 'conversation.setStatus', { id, status: 'resolved' }, 'zw');
    await sb.call(core, 'clock.advance', { ms: MIN });
    await sb.call(core, 'sim.rate', { conversationId: id, score: 5 }, 'lead');
    expect(await scoresOf()).toMatchObject({ handled: 1, ratings: 1, csatAverage: 5, resolved: 2, reopened: 1, reopenRatePct: 50, firstResponseMedianMs: 8.5 * MIN });

    const received = await sb.call<{ ratings: ReceivedRating[]; total: number }>(core, 'ratings.mine', {}, 'zw');
    const here = received.ratings.filter((r) => r.conversationId === id);
    expect(here.map((r) => [r.score, r.replaced])).toEqual([[5, false], [2, true]]);
    expect(here[1]).toMatchObject({ comment: '太慢', subject });
    expect(received.ratings.map((r) => r.at)).toEqual([...received.ratings.map((r) => r.at)].sort((a, b) => b - a));

    // Drill: the conversation behind the CSAT figure; an agent's drill into their own figures works too.
    const csat = await sb.call<{ rows: PerformanceRow[] }>(core, 'performance.drill', { from: day, to: day, agentId: 'a-zhangwei', metric: 'csat' }, 'zw');
    expect(csat.rows.map((r) => [r.conversationId, r.rating, r.reopened, r.slaMet])).toEqual([[id, 5, true, true]]);

    // Export: parses back with the right rows; Chinese, quotes, commas and a line break survive.
    const out = await sb.call<{ filename: string; csv: string; rows: number }>(core, 'performance.export', { from: day, to: day }, 'lead');
    expect(out.csv.startsWith('\uFEFF')).toBe(true);
    expect(out.csv.replace(/"[^"]*"/gu, '').split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);
    const table = parseCsv(out.csv.slice(1));
    expect(table).toHaveLength(out.rows + 1);
    expect(out.rows).toBe(1);
    const [header, row] = table;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(header[0]).toBe('会话编号'); // the lead's language (the demo profiles start in Chinese)
    expect(cell('会话编号')).toBe(id);
    expect(cell('主题')).toBe(subject);
    expect(cell('客服')).toBe('张伟');
    expect(cell('评分')).toBe('5');
    expect(cell('首次响应（分钟）')).toBe('12');
    expect(cell('转人工时间（北京时间）')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/u);
    await sb.call(core, 'prefs.setLocale', { locale: 'en' }, 'lead');
    const en = await sb.call<{ csv: string }>(core, 'performance.export', { from: day, to: day }, 'lead');
    expect(parseCsv(en.csv.slice(1))[0].slice(0, 3)).toEqual(['Conversation', 'Subject', 'Customer']);
    // An agent's export is their own rows only.
    const linaOut = await sb.call<{ rows: number }>(core, 'performance.export', { from: day, to: day });
    expect(linaOut.rows).toBe(0);
  });

  it('a change of the SLA hours re-derives every cached fact (a reply met before may miss after)', async () => {
    const core = await signedIn();
    const day = await quietDay(core);
    const taken = new Set([...core.store.all('conversations').values()].filter((c) => c.category === 'account').map((c) => c.customerId));
    const customerId = [...core.store.all('customers').values()].find((cu) => !taken.has(cu.id) && cu.tier === 'normal')!.id;
    const { conversationId: id } = await sb.call(core, 'sim.customerMessage', { customerId, category: 'account', body: '账号登录不了' });
    await sb.call(core, 'clock.advance', { ms: 3 * 60 * MIN });
    await sb.call(core, 'conversation.reply', { id, body: '请重置密码' }, 'zw');
    const sla = async () => (await sb.call<{ agents: AgentScore[] }>(core, 'performance.scores', { from: day, to: day, agentId: 'a-zhangwei' }, 'lead')).agents[0].metrics;
    expect(await sla()).toMatchObject({ slaReplies: 1, slaCompliancePct: 100 });
    await sb.call(core, 'settings.update', { slaHours: { normal: 2, vip: 1 }, complaintWorkingDays: 7, atRiskMinutes: 30 }, 'lead');
    expect(await sla()).toMatchObject({ slaReplies: 1, slaCompliancePct: 0 });
  });

  it('cached dashboards follow every commit: after replies, pauses, resolutions, ratings and reopens they equal a fresh computation', async () => {
    const { core, dataDir } = await sb.open();
    await sb.call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    const period = { from: '2026-11-10', to: '2026-12-05' };
    const dashboards = async (c: SandboxCore) => ({
      scores: await sb.call(c, 'performance.scores', period, 'lead'),
      lina: await sb.call(c, 'performance.scores', { ...period, agentId: 'a-lina' }, 'lead'),
      days: await sb.call(c, 'performance.trend', { ...period, granularity: 'day' }, 'lead'),
      weeks: await sb.call(c, 'performance.trend', { ...period, granularity: 'week' }, 'lead'),
    });
    const before = await dashboards(core); // builds (and caches) every view
    const mine = [...core.store.all('conversations').values()].filter((c) => c.status === 'open' && (c.assigneeId === 'a-lina' || c.ownerId === 'a-lina')).slice(0, 6);
    expect(mine.length).toBeGreaterThanOrEqual(4);
    for (const [i, c] of mine.entries()) {
      await sb.call(core, 'clock.advance', { ms: (7 + i) * MIN });
      await sb.call(core, 'conversation.reply', { id: c.id, body: `处理中 ${i}` });
      if (i % 2 === 0) {
        await sb.call(core, 'conversation.setStatus', { id: c.id, status: 'pending' });
        await sb.call(core, 'clock.advance', { ms: 40 * MIN });
        await sb.call(core, 'sim.customerMessage', { customerId: c.customerId, conversationId: c.id, body: '补充信息' });
        await sb.call(core, 'conversation.reply', { id: c.id, body: '收到' });
      }
      await sb.call(core, 'conversation.setStatus', { id: c.id, status: 'resolved' });
      await sb.call(core, 'sim.rate', { conversationId: c.id, score: 1 + (i % 5) }, 'lead');
      if (i % 3 === 0) {
        await sb.call(core, 'clock.advance', { ms: DAY / 2 }); // past Beijing midnight now and then
        await sb.call(core, 'sim.customerMessage', { customerId: c.customerId, conversationId: c.id, body: '又不行了' });
        await sb.call(core, 'conversation.reply', { id: c.id, body: '再看看' });
        await sb.call(core, 'conversation.setStatus', { id: c.id, status: 'resolved' });
        await sb.call(core, 'sim.rate', { conversationId: c.id, score: 5 }, 'lead');
      }
      // A dashboard read between commits brings the cached views up to date in steps.
      if (i === 2) await dashboards(core);
    }
    const incremental = await dashboards(core);
    expect(incremental).not.toEqual(before);
    await core.close();
    const { core: fresh } = await sb.open(dataDir);
    await sb.call(fresh, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    expect(incremental).toEqual(await dashboards(fresh));
  });

  it('the simulator rating needs a manual clock', async () => {
    const { core } = await sb.open(undefined, systemClock);
    await sb.call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    const resolved = [...core.store.all('conversations').values()].find((c) => c.status === 'resolved')!;
    expect(await core.call('sim.rate', { conversationId: resolved.id, score: 4 }, 'lead')).toMatchObject({ ok: false, error: { kind: 'forbidden', code: 'system_clock' } });
  });
});
