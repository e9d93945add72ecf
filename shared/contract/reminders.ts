import { z } from 'zod';
import { EpochMs, Id } from '../schema/common';
import { Reminder } from '../schema/reminder';
import { REMINDER_PRESETS } from '../rules/reminderPresets';
import { LEAD_ONLY, LIVE_ROLES, endpoint } from './define';
import { topic } from './events';

/** Change-feed topic published whenever reminders change. */
export const REMINDERS_TOPIC = topic.reminders;

/** When: a preset computed by the core on its clock, or an exact time. */
export const ReminderWhen = z.union([
  z.object({ preset: z.enum(REMINDER_PRESETS) }).strict(),
  z.object({ at: EpochMs }).strict(),
]);
export type ReminderWhen = z.infer<typeof ReminderWhen>;

export const ReminderView = Reminder.extend({
  bucket: z.enum(['upcoming', 'due', 'overdue', 'done']),
  subject: z.string(),
  customerName: z.string(),
  agentName: z.string(),
});
export type ReminderView = z.infer<typeof ReminderView>;

/** Follow-up reminders. Each belongs to its agent: only they change it; a lead can see the team's overdue ones. */
export const remindersContract = {
  /** The caller's reminders, soonest first (done ones last, the latest 50). */
  'reminders.list': endpoint({
    input: z.object({ conversationId: Id.optional() }).strict(),
    output: z.array(ReminderView),
    roles: LIVE_ROLES,
  }),
  /** Other agents' overdue reminders, most overdue first. */
  'reminders.teamOverdue': endpoint({
    input: z.object({}).strict(),
    output: z.array(ReminderView),
    roles: LEAD_ONLY,
  }),
  'reminders.create': endpoint({
    input: z
      .object({
        conversationId: Id,
        when: ReminderWhen,
        note: z.string().trim().max(2000).default(''),
        /** Hide a pending conversation from the queue until the reminder or the customer's reply. */
        snooze: z.boolean().default(false),
      })
      .strict(),
    output: ReminderView,
    roles: LIVE_ROLES,
  }),
  'reminders.complete': endpoint({
    input: z.object({ id: Id }).strict(),
    output: ReminderView,
    roles: LIVE_ROLES,
  }),
  /** Schedules it again (from due, overdue or done). */
  'reminders.snooze': endpoint({
    input: z.object({ id: Id, when: ReminderWhen }).strict(),
    output: ReminderView,
    roles: LIVE_ROLES,
  }),
  'reminders.delete': endpoint({
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id }),
    roles: LIVE_ROLES,
  }),
};
