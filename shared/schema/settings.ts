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
};
