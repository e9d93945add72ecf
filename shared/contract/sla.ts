import { z } from 'zod';
import { EpochMs, Id } from '../schema/common';
import { Settings } from '../schema/settings';
import { ALL_ROLES, LEAD_ONLY, LIVE_ROLES, endpoint } from './define';

export const PauseIntervalView = z.object({ from: EpochMs, to: EpochMs.nullable() });

/** Why a conversation has its due time (shared/rules/explainDue.ts). */
export const DueExplanationView = z.object({
  state: z.enum(['owed', 'with_bot', 'answered', 'settled']),
  rule: z.enum(['response_normal', 'response_vip', 'complaint']),
  clock: z.enum(['handover', 'oldest_unanswered', 'reopened']).nullable(),
  clockStartedAt: EpochMs.nullable(),
  targetHours: z.number().nullable(),
  targetWorkingDays: z.number().int().nullable(),
  workingDays: z.array(z.string()),
  uncoveredYears: z.array(z.number().int()),
  pausedMs: z.number().int().nonnegative(),
  pausedSince: EpochMs.nullable(),
  pauses: z.array(PauseIntervalView),
  dueAt: EpochMs.nullable(),
  effectiveDueAt: EpochMs.nullable(),
});
export type DueExplanationView = z.infer<typeof DueExplanationView>;

/** What a lead may change: the rule numbers (the record id is fixed). */
/**
 * What a lead sends: the SLA numbers, plus any of the other groups. Groups left out keep their stored values (no
 * zod defaults here: a default would fill them in before the core sees the input and reset them).
 */
export const SettingsInput = Settings.omit({ id: true })
  .extend({
    lockAfterMinutes: Settings.shape.lockAfterMinutes.unwrap().optional(),
    spoolDir: Settings.shape.spoolDir.unwrap().optional(),
    bot: Settings.shape.bot.unwrap().optional(),
    routing: Settings.shape.routing.unwrap().optional(),
    performance: Settings.shape.performance.unwrap().optional(),
  })
  .strict();
export type SettingsInput = z.infer<typeof SettingsInput>;

export const slaContract = {
  'sla.explain': endpoint({
    input: z.object({ id: Id }).strict(),
    output: DueExplanationView,
    roles: LIVE_ROLES,
  }),
  'settings.get': endpoint({
    input: z.object({}).strict(),
    output: Settings,
    roles: ALL_ROLES,
  }),
  /** Lead only; validated (VIP target not longer than normal, at-risk window shorter than the VIP target); audited. */
  'settings.update': endpoint({
    input: SettingsInput,
    output: Settings,
    roles: LEAD_ONLY,
  }),
  /** Marks a complaint severe: it is escalated to the leads (top of their view, a notice, an audit line). */
  'complaint.markSevere': endpoint({
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id, escalatedAt: EpochMs }),
    roles: LIVE_ROLES,
  }),
};
