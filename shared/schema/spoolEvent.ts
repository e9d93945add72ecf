import { z } from 'zod';
import { Category, EpochMs, Id, Locale, Status, Tier } from './common';
import { REPLY_MAX_CHARS } from './conversation';

/**
 * The spool format (docs/spool-format.md): the platform's connector writes customer events as JSON Lines into the
 * spool folder; the desk writes its own events (agent replies, status changes, rating requests) the same way into
 * the outbox folder. One envelope for both: an `id` unique per event (the de-duplication key on either side), an
 * ISO 8601 `at` with an offset, and a `type`.
 */

/** A platform id: a conversation's or customer's id as the platform knows it. */
const PlatformId = z.string().trim().min(1).max(128);
/** ISO 8601 with a zone ("2026-11-24T09:00:00+08:00" or "...Z"), read as epoch ms. */
export const SpoolTime = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));
const Body = z.string().trim().min(1).max(REPLY_MAX_CHARS);

const envelope = { id: z.string().trim().min(1).max(128), at: SpoolTime };

export const SpoolCustomer = z
  .object({ id: PlatformId, name: z.string().trim().min(1).max(200), tier: Tier, locale: Locale })
  .strict();

export const SpoolInEvent = z.discriminatedUnion('type', [
  /** A customer starts a conversation in the category they picked, with their first message. */
  z
    .object({
      ...envelope,
      type: z.literal('conversation.new'),
      conversationId: PlatformId,
      customer: SpoolCustomer,
      category: Category,
      subject: z.string().trim().min(1).max(500).optional(),
      body: Body,
    })
    .strict(),
  z.object({ ...envelope, type: z.literal('customer.message'), conversationId: PlatformId, body: Body }).strict(),
  /** What the platform knows of a customer changed; only the fields given change. */
  z
    .object({
      ...envelope,
      type: z.literal('customer.profile'),
      customerId: PlatformId,
      name: z.string().trim().min(1).max(200).optional(),
      tier: Tier.optional(),
      locale: Locale.optional(),
    })
    .strict()
    .refine((e) => e.name !== undefined || e.tier !== undefined || e.locale !== undefined, { message: 'a profile update changes name, tier or locale' }),
  z
    .object({
      ...envelope,
      type: z.literal('customer.rating'),
      conversationId: PlatformId,
      score: z.number().int().min(1).max(5),
      comment: z.string().trim().max(2000).optional(),
    })
    .strict(),
  z.object({ ...envelope, type: z.literal('customer.closed'), conversationId: PlatformId }).strict(),
]);
export type SpoolInEvent = z.output<typeof SpoolInEvent>;
export type SpoolInEventInput = z.input<typeof SpoolInEvent>;

/** Outbound: what the desk did that the customer must see (written to the outbox; ids let the connector de-duplicate). */
export const SpoolOutEvent = z.discriminatedUnion('type', [
  z
    .object({
      ...envelope,
      type: z.literal('agent.reply'),
      conversationId: PlatformId,
      /** `bot` for the first-line bot's answers, else the agent's profile id. */
      author: z.enum(['agent', 'bot']),
      agentId: Id.nullable(),
      body: Body,
    })
    .strict(),
  z.object({ ...envelope, type: z.literal('conversation.status'), conversationId: PlatformId, from: Status, to: Status }).strict(),
  /** Sent when a conversation is resolved: the platform asks the customer to rate it. */
  z.object({ ...envelope, type: z.literal('rating.request'), conversationId: PlatformId }).strict(),
]);
export type SpoolOutEvent = z.input<typeof SpoolOutEvent>;

// ---------------------------------------------------------------------------------------------------------------
// Stored records (collections in recordSchemas)
// ---------------------------------------------------------------------------------------------------------------

/** How far one spool file has been imported; committed with the changes its lines caused. */
export const SpoolCursor = z.object({
  /** A hash of the file name (a name may be longer than an id). */
  id: Id,
  file: z.string().min(1).max(1000),
  /** Bytes consumed: always just after a newline (a half-written last line is never consumed). */
  offset: z.number().int().nonnegative(),
  /** Lines consumed (the next line's number is line + 1). */
  line: z.number().int().nonnegative(),
  updatedAt: EpochMs,
});
export type SpoolCursor = z.infer<typeof SpoolCursor>;

/** The event ids one import batch applied (one record per batch keeps the store small at 100 000s of events). */
export const SpoolSeen = z.object({
  id: Id,
  eventIds: z.array(z.string().min(1).max(128)).max(20_000),
  at: EpochMs,
});
export type SpoolSeen = z.infer<typeof SpoolSeen>;

export const SpoolProblemReason = z.enum([
  'malformed_json',
  'schema',
  'line_too_long',
  'unknown_conversation',
  'unknown_customer',
  'conversation_exists',
  'no_agent_to_rate',
  'rejected',
]);
export type SpoolProblemReason = z.infer<typeof SpoolProblemReason>;

/** A spool line that could not be imported, kept with the reason (the rest of its file imports). */
export const SpoolQuarantined = z.object({
  /** A hash of the raw line: the same bad line seen again (a copied file) is one entry. */
  id: Id,
  file: z.string().min(1).max(1000),
  line: z.number().int().positive(),
  /** The line as read (up to RAW_MAX characters; `truncated` says when it was longer). */
  raw: z.string().max(100_000),
  truncated: z.boolean().default(false),
  reason: SpoolProblemReason,
  /** One line each: zod issues ("body: Too small…") or the core's refusal. */
  issues: z.array(z.string().max(2000)).max(50),
  eventId: z.string().max(128).nullable(),
  at: EpochMs,
});
export type SpoolQuarantined = z.infer<typeof SpoolQuarantined>;

/** Which platform conversation a desk conversation is (a message to a closed one starts a new desk conversation). */
export const SpoolLink = z.object({
  /** The desk's conversation id. */
  id: Id,
  externalId: z.string().min(1).max(128),
  createdAt: EpochMs,
});
export type SpoolLink = z.infer<typeof SpoolLink>;

/**
 * One outbound event waiting for the outbox file: committed with the action that caused it, deleted once its line
 * is written and synced. `conversationId` is the desk's; the platform's id is looked up when the line is written.
 */
export const OutboxEntry = z.object({
  id: Id,
  /** Write order. */
  seq: z.number().int().nonnegative(),
  conversationId: Id,
  at: EpochMs,
  event: z.discriminatedUnion('type', [
    z.object({ type: z.literal('agent.reply'), author: z.enum(['agent', 'bot']), agentId: Id.nullable(), body: z.string().min(1).max(REPLY_MAX_CHARS) }),
    z.object({ type: z.literal('conversation.status'), from: Status, to: Status }),
    z.object({ type: z.literal('rating.request') }),
  ]),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;
