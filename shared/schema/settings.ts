import { z } from 'zod';

/** The first-line bot (shared/rules/botDecision.ts); a lead changes these (audited). */
export const BotSettings = z.object({
  /** Off: new conversations go straight to a person. */
  enabled: z.boolean(),
  /** The least classifier confidence in the category for the bot to answer. */
  minConfidence: z.number().min(0).max(1),
  /** The least similarity between the message and an FAQ entry for the bot to answer with it. */
  minFaqScore: z.number().min(0).max(1),
  /** Unhelpful answers before the bot hands over. */
  unhelpfulLimit: z.number().int().min(1).max(10),
  /** VIP customers go straight to a person. */
  vipToHuman: z.boolean(),
});
export type BotSettings = z.infer<typeof BotSettings>;
export const DEFAULT_BOT_SETTINGS: BotSettings = { enabled: true, minConfidence: 0.6, minFaqScore: 0.3, unhelpfulLimit: 2, vipToHuman: false };

/** Routing (shared/rules/routing.ts). */
export const RoutingSettings = z.object({
  /** VIP customers go to agents with the VIP skill when one is available. */
  vipFirst: z.boolean(),
});
export type RoutingSettings = z.infer<typeof RoutingSettings>;
export const DEFAULT_ROUTING_SETTINGS: RoutingSettings = { vipFirst: true };

/** The score's components (shared/rules/performance): each component's weight in the composite. */
export const PERFORMANCE_COMPONENTS = ['firstResponse', 'resolution', 'slaCompliance', 'csat', 'complaints', 'reopen', 'training'] as const;
export const PerformanceComponent = z.enum(PERFORMANCE_COMPONENTS);
export type PerformanceComponent = z.infer<typeof PerformanceComponent>;

/**
 * The personal performance score (docs/rules.md "Performance"): a weighted mean of component scores, each 0–100
 * against its target. A lead edits weights and targets (audited).
 */
export const PerformanceSettings = z.object({
  /** Relative weights (need not sum to 100: the composite divides by their sum); 0 leaves a component out. */
  weights: z.object({
    firstResponse: z.number().min(0).max(100),
    resolution: z.number().min(0).max(100),
    slaCompliance: z.number().min(0).max(100),
    csat: z.number().min(0).max(100),
    complaints: z.number().min(0).max(100),
    reopen: z.number().min(0).max(100),
    /** Training (issue 13): the average score of practice attempts finished in the period. Defaulted: settings saved before it load. */
    training: z.number().min(0).max(100).default(10),
  }),
  targets: z.object({
    /** Median first response (hand-over to first agent reply, pending time excluded), minutes. */
    firstResponseMinutes: z.number().positive().max(24 * 60),
    /** Median resolution time (hand-over to resolved, pending excluded), hours. */
    resolutionHours: z.number().positive().max(24 * 30),
    /** Share of replies within the SLA (24 h normal / 12 h VIP), percent. */
    slaCompliancePct: z.number().min(0).max(100),
    /** Average rating, 1–5. */
    csatAverage: z.number().min(1).max(5),
    /** Upheld complaints per 100 conversations handled. */
    upheldComplaintsPer100: z.number().min(0).max(100),
    /** Share of resolved conversations reopened, percent. */
    reopenPct: z.number().min(0).max(100),
    /** Average training score (0–100) of attempts finished in the period. */
    trainingScore: z.number().min(0).max(100).default(80),
  }),
  /** Fewer ratings than this: CSAT is "not enough data" (not a low score). */
  minRatings: z.number().int().min(1).max(1000),
  /** Fewer conversations handled than this: the time and rate components are "not enough data". */
  minConversations: z.number().int().min(1).max(1000),
});
export type PerformanceSettings = z.infer<typeof PerformanceSettings>;
export const DEFAULT_PERFORMANCE_SETTINGS: PerformanceSettings = {
  weights: { firstResponse: 20, resolution: 15, slaCompliance: 25, csat: 25, complaints: 10, reopen: 5, training: 10 },
  targets: { firstResponseMinutes: 30, resolutionHours: 24, slaCompliancePct: 95, csatAverage: 4.5, upheldComplaintsPer100: 1, reopenPct: 5, trainingScore: 80 },
  minRatings: 5,
  minConversations: 10,
};

/** Team-wide rule numbers (docs/rules.md); a lead may change them. One record, id "global". */
export const Settings = z.object({
  id: z.literal('global'),
  slaHours: z.object({
    normal: z.number().positive().max(24 * 30),
    vip: z.number().positive().max(24 * 30),
  }),
  complaintWorkingDays: z.number().int().positive().max(60),
  atRiskMinutes: z.number().int().positive().max(24 * 60),
  /** Minutes without keyboard or mouse input before a workstation locks itself (0: never). */
  lockAfterMinutes: z.number().int().min(0).max(8 * 60).default(15),
  /** The spool folder the platform's connector writes to (docs/spool-format.md); null: `<data folder>/spool`. */
  spoolDir: z.string().trim().min(1).max(1000).nullable().default(null),
  bot: BotSettings.default(DEFAULT_BOT_SETTINGS),
  routing: RoutingSettings.default(DEFAULT_ROUTING_SETTINGS),
  performance: PerformanceSettings.default(DEFAULT_PERFORMANCE_SETTINGS),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  id: 'global',
  slaHours: { normal: 24, vip: 12 },
  complaintWorkingDays: 7,
  atRiskMinutes: 120,
  lockAfterMinutes: 15,
  spoolDir: null,
  bot: DEFAULT_BOT_SETTINGS,
  routing: DEFAULT_ROUTING_SETTINGS,
  performance: DEFAULT_PERFORMANCE_SETTINGS,
};
