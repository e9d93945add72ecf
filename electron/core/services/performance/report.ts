import type { AgentScore, DrillMetric, PerformanceRow, TrendPoint } from '../../../../shared/contract/performance';
import type { Agent, Conversation, PerformanceSettings } from '../../../../shared/schema';
import type { Store } from '../../store/types';
import { dateOfDayNumber, dayNumberOfDate, mondayOf, startOfBeijingDate, type Range } from '../../../../shared/rules/performance/beijingDay';
import type { ConversationFacts } from '../../../../shared/rules/performance/facts';
import { figuresOf, newAcc, type Acc } from '../../../../shared/rules/performance/metrics';
import { scoreOf } from '../../../../shared/rules/performance/score';
import { trainingScoreOf } from '../../../../shared/rules/training/progress';
import type { FactsCache } from './factsCache';
import { inRange, type Collect } from './views';

type Reader = Pick<Store, 'get' | 'all'>;

/** The agents a report lists: `only`, or every enabled agent plus anyone else with figures in the period. */
function agentsListed(store: Reader, only: string | null, withFigures: Iterable<string>): Agent[] {
  if (only) {
    const a = store.get('agents', only);
    return a ? [a] : [];
  }
  const ids = new Set<string>();
  for (const a of store.all('agents').values()) if (a.role === 'agent' && !a.disabled) ids.add(a.id);
  for (const id of withFigures) ids.add(id);
  const out: Agent[] = [];
  for (const id of ids) {
    const a = store.get('agents', id);
    if (a) out.push(a);
  }
  return out.sort((x, y) => x.name.localeCompare(y.name, 'zh-CN') || x.id.localeCompare(y.id));
}

/**
 * The average score of the practice attempts the agent finished in the range (training mode, issue 13): read from
 * the attempts themselves, like every other figure here. Few and small (a handful per person), so not cached.
 */
function trainingIn(store: Reader, agentId: string, range: Range): number | null {
  return trainingScoreOf([...store.all('trainingAttempts').values()], agentId, range.start, range.end);
}

function agentScore(store: Reader, agent: Agent, acc: Acc, range: Range, settings: PerformanceSettings): AgentScore {
  const figures = { ...figuresOf(acc), trainingScore: trainingIn(store, agent.id, range) };
  const { score, components } = scoreOf(figures, settings);
  return { metrics: { agentId: agent.id, name: agent.name, role: agent.role, ...figures }, score, components };
}

export function scores(collect: Collect, store: Reader, range: Range, only: string | null, settings: PerformanceSettings): AgentScore[] {
  const byAgent = collect(range, only, 'period');
  return agentsListed(store, only, byAgent.keys()).map((a) => agentScore(store, a, byAgent.get(a.id)?.get(0) ?? newAcc(), range, settings));
}

export function trend(
  collect: Collect,
  store: Reader,
  period: { from: string; to: string },
  range: Range,
  only: string | null,
  granularity: 'day' | 'week',
  settings: PerformanceSettings,
): TrendPoint[] {
  const byAgent = collect(range, only, granularity);
  const firstDay = dayNumberOfDate(period.from);
  const lastDay = dayNumberOfDate(period.to);
  const keys: number[] = [];
  for (let d = granularity === 'day' ? firstDay : mondayOf(firstDay); d <= lastDay; d += granularity === 'day' ? 1 : 7) keys.push(d);
  const points: TrendPoint[] = [];
  for (const agent of agentsListed(store, only, byAgent.keys())) {
    const buckets = byAgent.get(agent.id);
    for (const k of keys) {
      const acc = buckets?.get(k);
      const start = startOfBeijingDate(dateOfDayNumber(k));
      const training = trainingIn(store, agent.id, { start, end: start + (granularity === 'day' ? 1 : 7) * 86_400_000 });
      if (!acc && training === null) {
        points.push({ agentId: agent.id, date: dateOfDayNumber(k), score: null, handled: 0, csatAverage: null, firstResponseMedianMs: null, slaCompliancePct: null });
        continue;
      }
      const f = { ...figuresOf(acc ?? newAcc()), trainingScore: training };
      points.push({
        agentId: agent.id,
        date: dateOfDayNumber(k),
        score: scoreOf(f, settings).score,
        handled: f.handled,
        csatAverage: f.csatAverage,
        firstResponseMedianMs: f.firstResponseMedianMs,
        slaCompliancePct: f.slaCompliancePct,
      });
    }
  }
  return points;
}

/** Whether a conversation's facts put it behind `metric` for `agentId` in the range; the instant that counts. */
function behind(f: ConversationFacts, agentId: string, metric: DrillMetric, range: Range): number | null {
  const inside = (at: number) => at >= range.start && at < range.end;
  let at: number | null = null;
  const see = (t: number) => {
    if (inside(t) && (at === null || t > at)) at = t;
  };
  switch (metric) {
    case 'handled':
      for (const r of f.replies) if (r.agentId === agentId) see(r.at);
      break;
    case 'firstResponse':
    case 'nextReply':
    case 'slaCompliance':
    case 'botHandovers':
      for (const r of f.responses) {
        if (r.agentId !== agentId) continue;
        if (metric === 'firstResponse' ? r.first : metric === 'nextReply' ? !r.first : metric === 'botHandovers' ? r.afterBot : true) see(r.at);
      }
      break;
    case 'resolution':
    case 'reopen':
      for (const r of f.resolutions) if (r.agentId === agentId && (metric === 'resolution' || r.reopened)) see(r.at);
      break;
    case 'csat':
      if (f.rating && f.rating.agentId === agentId) see(f.rating.at);
      break;
    case 'complaints':
      for (const k of f.complaints) {
        if (k.agentId !== agentId) continue;
        see(k.at);
        if (k.upheldAt !== null) see(k.upheldAt);
      }
      break;
  }
  return at;
}

/** One conversation as one agent's row: that agent's figures in the range, the conversation's rating and complaints. */
function rowOf(store: Reader, c: Conversation, f: ConversationFacts, agentId: string, range: Range, cache: FactsCache): PerformanceRow {
  const inside = (at: number) => at >= range.start && at < range.end;
  const mine = f.responses.filter((r) => r.agentId === agentId && inside(r.at));
  const first = mine.find((r) => r.first);
  const resolutions = f.resolutions.filter((r) => r.agentId === agentId && inside(r.at));
  const complaints = f.complaints.length === 0 ? f.complaints : f.complaints.filter((k) => k.agentId === agentId);
  let upheld: boolean | null = null;
  if (complaints.length > 0) {
    // Upheld if any is; not upheld once every one has a result saying so; else undecided.
    const records = cache.complaintsOf(c.id).filter((k) => (k.aboutAgentId ?? c.ownerId) === agentId);
    upheld = complaints.some((k) => k.upheld) ? true : records.length > 0 && records.every((k) => k.upheld === false) ? false : null;
  }
  return {
    conversationId: c.id,
    subject: c.subject,
    customerName: store.get('customers', c.customerId)?.name ?? c.customerId,
    agentId,
    agentName: store.get('agents', agentId)?.name ?? agentId,
    category: c.category,
    tier: c.tierAtArrival,
    status: c.status,
    handedOverAt: f.handedOverAt,
    firstResponseMs: first ? first.ms : null,
    resolutionMs: resolutions.length > 0 ? resolutions[resolutions.length - 1].ms : null,
    slaMet: mine.length === 0 ? null : mine.every((r) => r.slaMet),
    rating: f.rating && f.rating.agentId === agentId ? f.rating.score : null,
    complaint: complaints.length > 0,
    complaintUpheld: upheld,
    reopened: f.resolutions.some((r) => r.reopened),
    fromBot: f.fromBot,
  };
}

/** The conversations behind one figure of one agent, the latest first. */
export function drill(cache: FactsCache, store: Reader, range: Range, agentId: string, metric: DrillMetric): PerformanceRow[] {
  const found: { at: number; row: PerformanceRow }[] = [];
  cache.forEach((f) => {
    if (!inRange(f, range)) return;
    const at = behind(f.facts, agentId, metric, range);
    if (at === null) return;
    const c = store.get('conversations', f.facts.conversationId);
    if (c) found.push({ at, row: rowOf(store, c, f.facts, agentId, range, cache) });
  });
  return found.sort((a, b) => b.at - a.at || (a.row.conversationId < b.row.conversationId ? -1 : 1)).map((x) => x.row);
}

/** One row per conversation and agent who handled it (replied publicly) in the range; oldest hand-over first. */
export function handledRows(cache: FactsCache, store: Reader, range: Range, only: string | null): PerformanceRow[] {
  const rows: PerformanceRow[] = [];
  cache.forEach((f) => {
    if (!inRange(f, range)) return;
    const agents = new Set<string>();
    for (const r of f.facts.replies) if (r.at >= range.start && r.at < range.end && (only === null || r.agentId === only)) agents.add(r.agentId);
    if (agents.size === 0) return;
    const c = store.get('conversations', f.facts.conversationId);
    if (!c) return;
    for (const a of agents) rows.push(rowOf(store, c, f.facts, a, range, cache));
  });
  return rows.sort(
    (a, b) => (a.handedOverAt ?? 0) - (b.handedOverAt ?? 0) || (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0) || (a.agentId < b.agentId ? -1 : 1),
  );
}
