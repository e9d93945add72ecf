import { z } from 'zod';
import { BotState, HandOver, RoutingRecord } from './bot';
import { Category, EpochMs, Id, Status, Tier } from './common';

export const Severity = z.enum(['normal', 'severe']);
export type Severity = z.infer<typeof Severity>;

export const Conversation = z.object({
  id: Id,
  customerId: Id,
  category: Category,
  status: Status,
  /** The customer's tier when the conversation arrived: a later upgrade does not rewrite what was already owed. */
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
  /**
   * The response clock: since when a response is owed, i.e. the hand-over or the oldest customer message not yet
   * answered (a later message does not restart it; only an agent's public reply settles it). null: nothing owed.
   * See docs/rules.md and shared/rules/sla.ts.
   */
  slaClockStartedAt: EpochMs.nullable().default(null),
  /** The tier the owed response is measured on: the customer's tier when it started being owed (null: tierAtArrival). */
  responseTier: Tier.nullable().default(null),
  /** Set while the conversation is `pending`: both clocks are paused from this time. */
  slaPausedAt: EpochMs.nullable().default(null),
  /** Paused time already accumulated on the response clock, in ms. */
  slaPausedMs: z.number().int().nonnegative().default(0),
  /**
   * The result clock: start of the current episode (hand-over, or the reopen). A complaint's working-day deadline
   * runs from here whatever the agent has replied, so re-categorising keeps the clocks the rules give it.
   */
  resultClockStartedAt: EpochMs.nullable().default(null),
  /** Paused time already accumulated on the result clock, in ms. */
  resultPausedMs: z.number().int().nonnegative().default(0),
  /** When a severe complaint was escalated to the leads (null: not escalated). */
  escalatedAt: EpochMs.nullable().default(null),
  /** An earlier conversation of the same customer and category this one continues (dedicated follow-up). */
  linkedToId: Id.nullable().default(null),
  /** Routed to the team queue because its owner was away; the owner sees it on return. */
  ownerAway: z.boolean().default(false),
  /** Snoozed out of the queue until this time or the customer's reply, whichever comes first (reminders). */
  snoozedUntil: EpochMs.nullable().default(null),
  // The bot and routing (issue 11). Optional rather than defaulted: absent means "never with the bot" / "not
  // routed by the rule", which is what every conversation before them was, and record literals elsewhere (seed,
  // tests) need not list them.
  /** While the bot has it (status `bot`): its answers and how they went. */
  bot: BotState.optional(),
  /** The bot's hand-over: reason, category guess, confidence and the transcript's message ids. */
  handOver: HandOver.optional(),
  /** Where routing sent it, with the score and structured reasons. */
  routing: RoutingRecord.optional(),
});
export type Conversation = z.infer<typeof Conversation>;

/** The longest reply or note a customer can be sent (the platform's message limit). */
export const REPLY_MAX_CHARS = 20_000;
/**
 * A draft may grow past the reply limit so that nothing typed is ever lost: the reply box shows how far over it
 * is and refuses to send until it fits.
 */
export const DRAFT_MAX_CHARS = 100_000;

export const Author = z.enum(['customer', 'agent', 'bot', 'system']);
export type Author = z.infer<typeof Author>;

export const Message = z.object({
  id: Id,
  conversationId: Id,
  author: Author,
  /** The agent's or customer's id; null for bot and system messages. */
  authorId: Id.nullable(),
  body: z.string().min(1).max(REPLY_MAX_CHARS),
  at: EpochMs,
  /** Internal notes are visible to agents only, never sent to the customer. */
  internal: z.boolean().default(false),
  /** A bot answer: the FAQ entry it came from (so an agent can mark it wrong). */
  faqId: Id.optional(),
});
export type Message = z.infer<typeof Message>;
