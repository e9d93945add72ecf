import { z } from 'zod';
import { Category, EpochMs, Id, Status, Tier } from './common';

export const QueueScope = z.enum(['team', 'mine', 'unassigned']);
export type QueueScope = z.infer<typeof QueueScope>;
export const UrgencyFilter = z.enum(['breached', 'at_risk', 'calm', 'none']);

/** What the queue shows: every list empty means "any". Stored in saved views, sent with every page request. */
export const QueueFilter = z
  .object({
    scope: QueueScope.default('team'),
    categories: z.array(Category).max(5).default([]),
    tiers: z.array(Tier).max(2).default([]),
    statuses: z.array(Status).max(6).default([]),
    urgencies: z.array(UrgencyFilter).max(4).default([]),
    text: z.string().max(200).default(''),
  })
  .strict();
export type QueueFilter = z.infer<typeof QueueFilter>;
export type QueueFilterInput = z.input<typeof QueueFilter>;

/** A named queue filter an agent saved for themselves. */
export const SavedView = z.object({
  id: Id,
  agentId: Id,
  name: z.string().trim().min(1).max(60),
  filter: QueueFilter,
  createdAt: EpochMs,
});
export type SavedView = z.infer<typeof SavedView>;
