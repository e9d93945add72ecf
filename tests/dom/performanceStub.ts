import type { Core } from '../../electron/core';
import type { AgentScore, PerformanceRow, ScoreComponent } from '../../shared/contract/performance';
import { useCore } from './kefuWindow';

/**
 * A stubbed `window.kefu` for the performance screens: answers only the calls given, records every call, and
 * refuses anything else loudly (a screen asking for something unexpected fails its test).
 */
export function stubKefu(answers: Record<string, (input: unknown) => unknown>) {
  const calls: { name: string; input: unknown }[] = [];
  const fake = {
    call: async (name: string, input: unknown) => {
      calls.push({ name, input });
      const answer = answers[name];
      if (!answer) return { ok: false, error: { kind: 'internal', message: `not stubbed: ${name}` } };
      return { ok: true, value: answer(input) };
    },
    subscribe: () => () => {},
  };
  useCore(fake as unknown as Core, 's-stub');
  return calls;
}

type Metrics = AgentScore['metrics'];
const NO_METRICS: Omit<Metrics, 'agentId' | 'name'> = {
  role: 'agent',
  handled: 0,
  firstResponseMedianMs: null,
  firstResponseP90Ms: null,
  nextReplyMedianMs: null,
  resolutionMedianMs: null,
  slaCompliancePct: null,
  slaReplies: 0,
  ratings: 0,
  csatAverage: null,
  csatPositivePct: null,
  complaintsReceived: 0,
  complaintsUpheld: 0,
  resolved: 0,
  reopened: 0,
  reopenRatePct: null,
  botHandoversTaken: 0,
  trainingScore: null,
};

/** One agent's score as the core would answer it: components with their 0–100 and weights, hand-made. */
export function agentScore(agentId: string, name: string, metrics: Partial<Metrics>, components: ScoreComponent[], score: number | null): AgentScore {
  return { metrics: { ...NO_METRICS, agentId, name, ...metrics }, components, score };
}

export const comp = (component: ScoreComponent['component'], value: number | null, target: number, score: number | null, weight: number, notEnough: ScoreComponent['notEnough'] = null): ScoreComponent => ({ component, value, target, score, weight, notEnough });

export function row(conversationId: string, subject: string, extra: Partial<PerformanceRow> = {}): PerformanceRow {
  return {
    conversationId,
    subject,
    customerName: '王小明',
    agentId: 'a-lina',
    agentName: '林娜',
    category: 'payment',
    tier: 'normal',
    status: 'resolved',
    handedOverAt: Date.parse('2026-11-20T09:00:00+08:00'),
    firstResponseMs: 600_000,
    resolutionMs: 3_600_000,
    slaMet: true,
    rating: 5,
    complaint: false,
    complaintUpheld: null,
    reopened: false,
    fromBot: false,
    ...extra,
  };
}
