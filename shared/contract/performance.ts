import { z } from 'zod';
import { Category, EpochMs, Id, Role, Status, Tier } from '../schema/common';
import { PerformanceComponent } from '../schema/settings';
import { LEAD_ONLY, LIVE_ROLES, endpoint } from './define';

/**
 * Personal performance (issue 12; definitions in docs/rules.md "Performance" and the app's help). Every figure is
 * computed from stored records (messages, the audit trail of status changes, ratings, complaints), never from
 * counters that could drift. A lead sees every agent; an agent only themselves (enforced in the core: asking for
 * another agent is `forbidden`); a trainee sees none of this (training results only).
 */

/** A Beijing calendar date, "2026-11-29". Periods are whole Beijing days, `from` and `to` both included. */
export const BeijingDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'date_format');
export const PeriodInput = z.object({ from: BeijingDate, to: BeijingDate });

/** The metrics of one agent over one period; null where there is nothing to measure. */
export const AgentMetrics = z.object({
  agentId: Id,
  name: z.string(),
  role: Role,
  /** Conversations the agent replied to (publicly) in the period. */
  handled: z.number().int().nonnegative(),
  /** Hand-over (or reopen) to the first agent reply, pending time excluded: median and 90th percentile, ms. */
  firstResponseMedianMs: z.number().nonnegative().nullable(),
  firstResponseP90Ms: z.number().nonnegative().nullable(),
  /** A customer message after the first reply to the agent's next reply, pending excluded: median, ms. */
  nextReplyMedianMs: z.number().nonnegative().nullable(),
  /** Hand-over to resolved, pending excluded: median, ms. */
  resolutionMedianMs: z.number().nonnegative().nullable(),
  /** Replies within the SLA (24 h normal / 12 h VIP, the settings' numbers) among the replies that settled an owed response. */
  slaCompliancePct: z.number().min(0).max(100).nullable(),
  slaReplies: z.number().int().nonnegative(),
  /** Ratings counted (the latest per conversation: a rating after a reopen replaces the earlier one). */
  ratings: z.number().int().nonnegative(),
  csatAverage: z.number().min(1).max(5).nullable(),
  /** Share of counted ratings that are 4 or 5. */
  csatPositivePct: z.number().min(0).max(100).nullable(),
  complaintsReceived: z.number().int().nonnegative(),
  complaintsUpheld: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  /** Of the conversations the agent resolved, how many were reopened afterwards. */
  reopened: z.number().int().nonnegative(),
  reopenRatePct: z.number().min(0).max(100).nullable(),
  /** Conversations the bot handed over that the agent took (first agent reply after a bot hand-over). */
  botHandoversTaken: z.number().int().nonnegative(),
  /** Average training score (0–100) in the period; null until training has landed or without attempts. */
  trainingScore: z.number().min(0).max(100).nullable(),
});
export type AgentMetrics = z.infer<typeof AgentMetrics>;

/** One component of the composite score: the measured value, its target, the 0–100 it earns, and its weight. */
export const ScoreComponent = z.object({
  component: PerformanceComponent,
  value: z.number().nullable(),
  target: z.number(),
  /** 0–100; null: not enough data (too few ratings or conversations), left out of the composite. */
  score: z.number().min(0).max(100).nullable(),
  weight: z.number().min(0),
  /** Why null: not enough data, and how much there is against how much is needed. */
  notEnough: z.object({ have: z.number().int(), need: z.number().int() }).nullable(),
});
export type ScoreComponent = z.infer<typeof ScoreComponent>;

export const AgentScore = z.object({
  metrics: AgentMetrics,
  /** The weighted mean of the components with data, 0–100; null when no component has enough data. */
  score: z.number().min(0).max(100).nullable(),
  components: z.array(ScoreComponent),
});
export type AgentScore = z.infer<typeof AgentScore>;

/** The metrics a figure in the dashboard can be drilled into. */
export const DrillMetric = z.enum(['handled', 'firstResponse', 'nextReply', 'resolution', 'slaCompliance', 'csat', 'complaints', 'reopen', 'botHandovers']);
export type DrillMetric = z.infer<typeof DrillMetric>;

/** One conversation behind a figure (also one row of the CSV export). */
export const PerformanceRow = z.object({
  conversationId: Id,
  subject: z.string(),
  customerName: z.string(),
  agentId: Id,
  agentName: z.string(),
  category: Category,
  tier: Tier,
  status: Status,
  handedOverAt: EpochMs.nullable(),
  firstResponseMs: z.number().nonnegative().nullable(),
  resolutionMs: z.number().nonnegative().nullable(),
  /** Every owed response in the period answered within the SLA (null: none owed). */
  slaMet: z.boolean().nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
  complaint: z.boolean(),
  complaintUpheld: z.boolean().nullable(),
  reopened: z.boolean(),
  fromBot: z.boolean(),
});
export type PerformanceRow = z.infer<typeof PerformanceRow>;

export const TrendPoint = z.object({
  agentId: Id,
  /** The first Beijing date of the bucket (a day, or the Monday of a week). */
  date: BeijingDate,
  score: z.number().min(0).max(100).nullable(),
  handled: z.number().int().nonnegative(),
  csatAverage: z.number().nullable(),
  firstResponseMedianMs: z.number().nullable(),
  slaCompliancePct: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const ReceivedRating = z.object({
  id: Id,
  conversationId: Id,
  subject: z.string(),
  customerName: z.string(),
  score: z.number().int().min(1).max(5),
  comment: z.string(),
  at: EpochMs,
  /** A later rating of the same conversation (after a reopen) replaced this one for scoring; history keeps both. */
  replaced: z.boolean(),
});
export type ReceivedRating = z.infer<typeof ReceivedRating>;

export const performanceContract = {
  /** Scores and metrics for a period: a lead gets every agent (or `agentId`), an agent only themselves. */
  'performance.scores': endpoint({
    input: PeriodInput.extend({ agentId: Id.optional() }).strict(),
    output: z.object({ from: BeijingDate, to: BeijingDate, agents: z.array(AgentScore) }),
    roles: LIVE_ROLES,
  }),
  /** Trend by day or week (Beijing time). A lead may omit `agentId` for every agent; an agent gets only their own. */
  'performance.trend': endpoint({
    input: PeriodInput.extend({ agentId: Id.optional(), granularity: z.enum(['day', 'week']) }).strict(),
    output: z.object({ points: z.array(TrendPoint) }),
    roles: LIVE_ROLES,
  }),
  /** The conversations behind one figure of one agent. */
  'performance.drill': endpoint({
    input: PeriodInput.extend({ agentId: Id, metric: DrillMetric }).strict(),
    output: z.object({ rows: z.array(PerformanceRow) }),
    roles: LIVE_ROLES,
  }),
  /** One row per conversation handled in the period (every agent for a lead, own for an agent), as CSV with a UTF-8 BOM. */
  'performance.export': endpoint({
    input: PeriodInput.extend({ agentId: Id.optional() }).strict(),
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int().nonnegative() }),
    roles: LIVE_ROLES,
  }),
  /** The ratings the signed-in agent received, newest first, comments included. */
  'ratings.mine': endpoint({
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.object({ ratings: z.array(ReceivedRating), total: z.number().int().nonnegative() }),
    roles: LIVE_ROLES,
  }),
  /**
   * The customer answers a rating request (web-mode demos and tests; live ratings arrive through the spool).
   * Refused unless the core runs a manual clock, like the other simulators.
   */
  'sim.rate': endpoint({
    input: z.object({ conversationId: Id, score: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).optional() }).strict(),
    output: z.object({ ratingId: Id }),
    roles: LEAD_ONLY,
  }),
};
