import { z } from 'zod';
import { Category, EpochMs, Id, Status, Tier } from './common';

export const Severity = z.enum(['normal', 'severe']);
export type Severity = z.infer<typeof Severity>;

export const Conversation = z.object({
  id: Id,
  customerId: Id,
  category: Category,
  status: Status,
  /** The customer's tier when the conversation arrived: a later upgrade does not rewrite old SLAs. */
  tierAtArrival: Tier,
  subject: z.string().max(500),
  createdAt: EpochMs,
  /** When the bot handed over to the human queue (the SLA clock starts here); null while with the bot. */
  queuedAt: EpochMs.nullable(),
  /** The SLA due time; null while nothing is owed (with the bot, resolved, closed). */
  dueAt: EpochMs.nullable(),
  ownerId: Id.nullable(),
  assigneeId: Id.nullable(),
  tags: z.array(z.string().min(1).max(60)).max(50),
  /** How many separate contacts the customer has made about this issue. */
  contactCount: z.number().int().min(1),
  /** Complaints only: severe complaints are escalated. */
  severity: Severity.default('normal'),
  updatedAt: EpochMs,
  lastMessageAt: EpochMs,
  resolvedAt: EpochMs.nullable().default(null),
  /** Start of the response clock now running (hand-over, or the customer's latest message); see shared/rules. */
  slaClockStartedAt: EpochMs.nullable().default(null),
  /** Set while the conversation is `pending`: the clock is paused from this time. */
  slaPausedAt: EpochMs.nullable().default(null),
  /** Paused time already accumulated on the running clock, in ms. */
  slaPausedMs: z.number().int().nonnegative().default(0),
  /** When a severe complaint was escalated to the leads (null: not escalated). */
  escalatedAt: EpochMs.nullable().default(null),
  /** An earlier conversation of the same customer and category this one continues (dedicated follow-up). */
  linkedToId: Id.nullable().default(null),
  /** Routed to the team queue because its owner was away; the owner sees it on return. */
  ownerAway: z.boolean().default(false),
  /** Snoozed out of the queue until this time or the customer's reply, whichever comes first (reminders). */
  snoozedUntil: EpochMs.nullable().default(null),
});
export type Conversation = z.infer<typeof Conversation>;

export const Author = z.enum(['customer', 'agent', 'bot', 'system']);
export type Author = z.infer<typeof Author>;

export const Message = z.object({
  id: Id,
  conversationId: Id,
  author: Author,
  /** The agent's or customer's id; null for bot and system messages. */
  authorId: Id.nullable(),
  body: z.string().min(1).max(20_000),
  at: EpochMs,
  /** Internal notes are visible to agents only, never sent to the customer. */
  internal: z.boolean().default(false),
});
export type Message = z.infer<typeof Message>;
