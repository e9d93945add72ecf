import { z } from 'zod';
import { EpochMs, Id } from '../schema/common';
import { QueueFilter, SavedView } from '../schema/savedView';
import { LIVE_ROLES, endpoint } from './define';
import { QueueItem } from './views';

/** A queue row: the shared QueueItem plus what the live countdown and the "why" tooltip need. */
export const QueueRowItem = QueueItem.extend({
  /** Set while the clock is paused (pending): the countdown stops. */
  pausedAt: EpochMs.nullable(),
  /** The start of the running clock (for the "why" tooltip). */
  clockStartedAt: EpochMs.nullable(),
  clock: z.enum(['handover', 'oldest_unanswered', 'reopened']).nullable(),
  /** Paused time already added to the due time. */
  pausedMs: z.number().int().nonnegative(),
  escalated: z.boolean(),
  /** The working-day calendar did not cover a year this due time needed (Monday–Friday assumed). */
  calendarFallback: z.boolean(),
  /** Routed to the team because its dedicated owner was away; the owner gets it back on return. */
  ownerAway: z.boolean(),
  /** Who has it now (routing's pick, a re-route), when that is not its dedicated owner (null: nobody, or the owner). */
  assigneeName: z.string().nullable(),
});
export type QueueRowItem = z.infer<typeof QueueRowItem>;

export const QueueCounts = z.object({
  /** Team-wide active conversations past their due time (the window badge). */
  breached: z.number().int(),
  atRisk: z.number().int(),
  total: z.number().int(),
  /** Years the calendar data does not cover that active complaints needed (flagged in the UI and the log). */
  uncoveredYears: z.array(z.number().int()),
});
export type QueueCounts = z.infer<typeof QueueCounts>;

const ViewName = SavedView.shape.name;

export const queueContract = {
  /**
   * One page of the sorted, filtered queue: never the whole queue (serialising 50 000 rows costs ~100 ms).
   * `version` changes whenever the order or a row may have changed (commits and clock ticks); the renderer
   * learns of it by the `queue` change topic and refetches only the pages on screen.
   */
  'queue.page': endpoint({
    input: z
      .object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(500), filter: QueueFilter.optional() })
      .strict(),
    output: z.object({
      total: z.number().int(),
      offset: z.number().int(),
      items: z.array(QueueRowItem),
      now: EpochMs,
      version: z.number().int(),
      atRiskMinutes: z.number().int(),
    }),
    roles: LIVE_ROLES,
  }),
  /** Where a conversation sits in a filtered queue (-1: not in it): keeps the selection under keyboard focus. */
  'queue.indexOf': endpoint({
    input: z.object({ id: Id, filter: QueueFilter.optional() }).strict(),
    output: z.object({ index: z.number().int(), total: z.number().int(), version: z.number().int() }),
    roles: LIVE_ROLES,
  }),
  /** Team-wide breached / at-risk counts (window badge, header). */
  'queue.counts': endpoint({
    input: z.object({}).strict(),
    output: QueueCounts,
    roles: LIVE_ROLES,
  }),
  'views.list': endpoint({
    input: z.object({}).strict(),
    output: z.array(SavedView),
    roles: LIVE_ROLES,
  }),
  'views.save': endpoint({
    input: z.object({ name: ViewName, filter: QueueFilter }).strict(),
    output: SavedView,
    roles: LIVE_ROLES,
  }),
  'views.delete': endpoint({
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id }),
    roles: LIVE_ROLES,
  }),
};
