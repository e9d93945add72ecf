import type { Range } from './beijingDay';
import type { ConversationFacts } from './facts';
import { median, medianOfSorted, pct, percentileOfSorted, sortedCopy } from './stats';

/**
 * The metrics of one agent over one bucket (a period, or a day or week of a trend), from conversation facts. Every
 * figure counts in the bucket of the instant it measures (docs/rules.md "Performance"): a first response on the day
 * of the reply, a resolution on the day it was resolved, a rating on the day it was given, a complaint on the day it
 * was opened (upheld: the day of its result).
 */
export interface Acc {
  /** Conversations handled in the bucket, with how many runs of replies each has in it (0 removes the entry). */
  handled: Map<string, number>;
  firstMs: number[];
  nextMs: number[];
  resolutionMs: number[];
  slaMet: number;
  slaTotal: number;
  ratingSum: number;
  ratings: number;
  positive: number;
  complaints: number;
  upheld: number;
  resolved: number;
  reopened: number;
  botTaken: number;
  /** Bumped on every change, so the figures of an unchanged bucket can be reused (figuresOf sorts its lists). */
  stamp: number;
}

export const newAcc = (): Acc => ({
  handled: new Map(),
  firstMs: [],
  nextMs: [],
  resolutionMs: [],
  slaMet: 0,
  slaTotal: 0,
  ratingSum: 0,
  ratings: 0,
  positive: 0,
  complaints: 0,
  upheld: 0,
  resolved: 0,
  reopened: 0,
  botTaken: 0,
  stamp: 0,
});

/** Which accumulator an agent's fact at an instant goes to (undefined: not counted, e.g. another agent). */
export type Bucket = (agentId: string, at: number) => Acc | undefined;

/** Removes one occurrence of a value (order does not matter: the figures sort). */
function removeValue(list: number[], v: number): void {
  const i = list.lastIndexOf(v);
  if (i < 0) return;
  list[i] = list[list.length - 1];
  list.pop();
}

/**
 * Adds (sign 1) or takes back (sign −1) one conversation's facts within `range` in the accumulators `bucket` picks.
 * Taking back exactly what was added lets a cached dashboard follow a commit by re-applying only the conversations
 * it touched. Hot path: plain comparisons, no closures.
 */
export function applyFacts(f: ConversationFacts, range: Range, bucket: Bucket, sign: 1 | -1 = 1): void {
  const start = range.start;
  const end = range.end;
  const id = f.conversationId;
  // An agent's replies to one conversation come in runs: one count per run (the same whether adding or taking back).
  let lastRun: Acc | undefined;
  for (const r of f.replies) {
    if (r.at < start || r.at >= end) continue;
    const a = bucket(r.agentId, r.at);
    if (!a || a === lastRun) continue;
    lastRun = a;
    a.stamp++;
    const n = (a.handled.get(id) ?? 0) + sign;
    if (n > 0) a.handled.set(id, n);
    else a.handled.delete(id);
  }
  for (const r of f.responses) {
    if (r.at < start || r.at >= end) continue;
    const a = bucket(r.agentId, r.at);
    if (!a) continue;
    a.stamp++;
    const list = r.first ? a.firstMs : a.nextMs;
    if (sign > 0) list.push(r.ms);
    else removeValue(list, r.ms);
    a.slaTotal += sign;
    if (r.slaMet) a.slaMet += sign;
    if (r.afterBot) a.botTaken += sign;
  }
  for (const r of f.resolutions) {
    if (r.at < start || r.at >= end) continue;
    const a = bucket(r.agentId, r.at);
    if (!a) continue;
    a.stamp++;
    if (sign > 0) a.resolutionMs.push(r.ms);
    else removeValue(a.resolutionMs, r.ms);
    a.resolved += sign;
    if (r.reopened) a.reopened += sign;
  }
  if (f.rating && f.rating.at >= start && f.rating.at < end) {
    const a = bucket(f.rating.agentId, f.rating.at);
    if (a) {
      a.stamp++;
      a.ratings += sign;
      a.ratingSum += sign * f.rating.score;
      if (f.rating.score >= 4) a.positive += sign;
    }
  }
  for (const k of f.complaints) {
    if (k.at >= start && k.at < end) {
      const a = bucket(k.agentId, k.at);
      if (a) {
        a.stamp++;
        a.complaints += sign;
      }
    }
    if (k.upheldAt !== null && k.upheldAt >= start && k.upheldAt < end) {
      const a = bucket(k.agentId, k.upheldAt);
      if (a) {
        a.stamp++;
        a.upheld += sign;
      }
    }
  }
}

/** Adds one conversation's facts within `range` to the accumulators `bucket` picks. */
export const addFacts = (f: ConversationFacts, range: Range, bucket: Bucket): void => applyFacts(f, range, bucket, 1);

/** The measured figures of AgentMetrics (the caller adds who the agent is). */
export interface Figures {
  handled: number;
  firstResponseMedianMs: number | null;
  firstResponseP90Ms: number | null;
  nextReplyMedianMs: number | null;
  resolutionMedianMs: number | null;
  slaCompliancePct: number | null;
  slaReplies: number;
  ratings: number;
  csatAverage: number | null;
  csatPositivePct: number | null;
  complaintsReceived: number;
  complaintsUpheld: number;
  resolved: number;
  reopened: number;
  reopenRatePct: number | null;
  botHandoversTaken: number;
  /** Training has not landed: always null for now (docs/rules.md). */
  trainingScore: number | null;
}

const memo = new WeakMap<Acc, { stamp: number; figures: Figures }>();

/** The figures of a bucket, reused while it has not changed (a cached dashboard re-sorts only what a commit touched). */
export function figuresOf(a: Acc): Figures {
  const m = memo.get(a);
  if (m && m.stamp === a.stamp) return m.figures;
  const figures = computeFigures(a);
  memo.set(a, { stamp: a.stamp, figures });
  return figures;
}

function computeFigures(a: Acc): Figures {
  const first = sortedCopy(a.firstMs);
  return {
    handled: a.handled.size,
    firstResponseMedianMs: medianOfSorted(first),
    firstResponseP90Ms: percentileOfSorted(first, 90),
    nextReplyMedianMs: median(a.nextMs),
    resolutionMedianMs: median(a.resolutionMs),
    slaCompliancePct: pct(a.slaMet, a.slaTotal),
    slaReplies: a.slaTotal,
    ratings: a.ratings,
    csatAverage: a.ratings > 0 ? a.ratingSum / a.ratings : null,
    csatPositivePct: pct(a.positive, a.ratings),
    complaintsReceived: a.complaints,
    complaintsUpheld: a.upheld,
    resolved: a.resolved,
    reopened: a.reopened,
    reopenRatePct: pct(a.reopened, a.resolved),
    botHandoversTaken: a.botTaken,
    trainingScore: null,
  };
}
