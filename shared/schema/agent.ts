import { z } from 'zod';
import { Category, Id, Locale, Role } from './common';

/**
 * Set by the agent. `online`: available for new work; `busy`: at the desk but new work only when nobody available
 * fits (routing); `away` / `offline`: no new work, their customers' follow-ups wait marked "owner away".
 * Routing reads it as availability (shared/rules/routing.ts `availabilityOf`).
 */
export const Presence = z.enum(['online', 'busy', 'away', 'offline']);
export type Presence = z.infer<typeof Presence>;

export const Agent = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  role: Role,
  /** Skill level 0–5 per category; a missing category means 0. */
  skills: z.partialRecord(Category, z.number().int().min(0).max(5)),
  languages: z.array(Locale).min(1),
  /** How many open conversations this agent can carry at once. */
  capacity: z.number().int().min(0).max(200),
  presence: Presence.default('online'),
  /**
   * VIP skill: routing sends VIP customers to such agents first when one is available. Optional (absent: false)
   * rather than defaulted, so code that builds profiles (seed, first-run, profiles.add) need not know of it.
   */
  vipSkill: z.boolean().optional(),
  /** A disabled profile cannot sign in; its history stays (a lead disables, never deletes). */
  disabled: z.boolean().default(false),
});
export type Agent = z.infer<typeof Agent>;
