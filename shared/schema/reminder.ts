import { z } from 'zod';
import { EpochMs, Id } from './common';

export const ReminderStatus = z.enum(['scheduled', 'fired', 'done']);
export type ReminderStatus = z.infer<typeof ReminderStatus>;

export const Reminder = z.object({
  id: Id,
  conversationId: Id,
  agentId: Id,
  dueAt: EpochMs,
  note: z.string().max(2000),
  status: ReminderStatus,
  createdAt: EpochMs,
  firedAt: EpochMs.nullable().default(null),
  /** True when it fell due while the app was closed and fired on start-up. */
  late: z.boolean().default(false),
});
export type Reminder = z.infer<typeof Reminder>;
