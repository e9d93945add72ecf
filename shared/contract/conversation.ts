import { z } from 'zod';
import { Presence } from '../schema/agent';
import { Category, EpochMs, Id } from '../schema/common';
import { Conversation, Message, REPLY_MAX_CHARS } from '../schema/conversation';
import { Customer } from '../schema/customer';
import { LIVE_ROLES, endpoint } from './define';
import { AgentSummary, ConversationSummary, ConversationView } from './views';

/** A change shown in the thread's timeline (status, owner, transfer, category, tags), from the audit log. */
export const TimelineEvent = z.object({
  id: Id,
  at: EpochMs,
  action: z.string(),
  actorName: z.string(),
  /** Readable before/after values (agent names for owner changes). */
  before: z.string().nullable(),
  after: z.string().nullable(),
  note: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const LinkedSummary = z.object({ id: Id, subject: z.string(), status: Conversation.shape.status, createdAt: EpochMs });

/** The conversation pane's view: the thread plus its change timeline and the issue it continues. */
export const ConversationDetail = ConversationView.extend({
  events: z.array(TimelineEvent),
  linkedTo: LinkedSummary.nullable(),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

/** The customer card: who they are and how their relationship with the service has gone. */
export const CustomerCard = z.object({
  customer: Customer,
  /** Separate contacts over all their conversations. */
  contactCount: z.number().int(),
  ratingsGiven: z.number().int(),
  averageRating: z.number().nullable(),
  openComplaints: z.number().int(),
});

const Tag = z.string().trim().min(1).max(60);

export const conversationContract = {
  'conversation.get': endpoint({
    input: z.object({ id: Id }).strict(),
    output: ConversationDetail,
    roles: LIVE_ROLES,
  }),
  'conversation.reply': endpoint({
    input: z
      .object({ id: Id, body: z.string().trim().min(1).max(REPLY_MAX_CHARS), internal: z.boolean().default(false) })
      .strict(),
    output: Message,
    roles: LIVE_ROLES,
  }),
  'conversation.setStatus': endpoint({
    input: z.object({ id: Id, status: z.enum(['open', 'pending', 'resolved']) }).strict(),
    output: Conversation,
    roles: LIVE_ROLES,
  }),
  'conversation.setCategory': endpoint({
    input: z.object({ id: Id, category: Category }).strict(),
    output: Conversation,
    roles: LIVE_ROLES,
  }),
  'conversation.setTags': endpoint({
    input: z.object({ id: Id, tags: z.array(Tag).max(50) }).strict(),
    output: Conversation,
    roles: LIVE_ROLES,
  }),
  /** Hands the dedicated ownership to another agent, with a note both of them see in the timeline. */
  'conversation.transfer': endpoint({
    input: z.object({ id: Id, toAgentId: Id, note: z.string().trim().min(1).max(2000) }).strict(),
    output: Conversation,
    roles: LIVE_ROLES,
  }),
  'customer.history': endpoint({
    input: z.object({ customerId: Id }).strict(),
    output: CustomerCard.extend({ conversations: z.array(ConversationSummary) }),
    roles: LIVE_ROLES,
  }),
  /** The caller sets their own presence; on return they get what waited for them while away. */
  'agent.setPresence': endpoint({
    input: z.object({ presence: Presence }).strict(),
    output: z.object({ agent: AgentSummary, waiting: z.array(ConversationSummary) }),
    roles: LIVE_ROLES,
  }),
  /** Conversations that went to the team queue marked "owner away" and still wait for the caller. */
  'owner.waiting': endpoint({
    input: z.object({}).strict(),
    output: z.array(ConversationSummary),
    roles: LIVE_ROLES,
  }),
};
