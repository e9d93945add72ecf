import { z } from 'zod';
import { Category, Id, Locale, Role } from './common';

export const Presence = z.enum(['online', 'away', 'offline']);
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
  /** A disabled profile cannot sign in; its history stays (a lead disables, never deletes). */
  disabled: z.boolean().default(false),
});
export type Agent = z.infer<typeof Agent>;
