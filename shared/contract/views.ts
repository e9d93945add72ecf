import { z } from 'zod';
import { Agent } from '../schema/agent';
import { Category, EpochMs, Id, Status, Tier } from '../schema/common';
import { Conversation, Message, Severity } from '../schema/conversation';
import { Customer } from '../schema/customer';

/** Shapes the core returns that are not stored records: joins and summaries made for one screen. */

export const AgentSummary = Agent.pick({ id: true, name: true, role: true, presence: true });
export type AgentSummary = z.infer<typeof AgentSummary>;

/** One row of the queue: everything the row shows, so the renderer never joins. */
export const QueueItem = z.object({
  id: Id,
  subject: z.string(),
  customerId: Id,
  customerName: z.string(),
  tier: Tier,
  category: Category,
  status: Status,
  severity: Severity,
  dueAt: EpochMs.nullable(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  lastMessageAt: EpochMs,
});
export type QueueItem = z.infer<typeof QueueItem>;

export const ConversationSummary = z.object({
  id: Id,
  subject: z.string(),
  category: Category,
  status: Status,
  createdAt: EpochMs,
  dueAt: EpochMs.nullable(),
  ownerName: z.string().nullable(),
  messageCount: z.number().int(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationView = z.object({
  conversation: Conversation,
  customer: Customer,
  messages: z.array(Message),
  owner: AgentSummary.nullable(),
  assignee: AgentSummary.nullable(),
});
export type ConversationView = z.infer<typeof ConversationView>;

export const StoreProblemView = z.object({
  /** Stable across restarts: a lead dismisses the problem by this id (problems.dismiss). */
  id: z.string(),
  source: z.string(),
  message: z.string(),
  kind: z.enum(['corrupt_file', 'invalid_record', 'torn_journal_line']),
  quarantinedTo: z.string(),
  at: EpochMs,
});
export type StoreProblemView = z.infer<typeof StoreProblemView>;
