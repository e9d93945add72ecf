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
