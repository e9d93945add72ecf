import { z } from 'zod';
import { Category, EpochMs, Id, Locale } from './common';

/**
 * The first-line bot and routing, as stored: the bot's state on a conversation, the hand-over it made, where
 * routing sent it and why, the FAQ knowledge base a lead edits, and the bot answers agents marked wrong.
 */

/** The categories the bot answers; complaints and "other" always go straight to a person. */
export const BOT_CATEGORIES = ['account', 'video_upload', 'payment'] as const satisfies readonly Category[];
export type BotCategory = (typeof BOT_CATEGORIES)[number];
export const isBotCategory = (c: Category): c is BotCategory => (BOT_CATEGORIES as readonly Category[]).includes(c);

const Confidence = z.number().min(0).max(1);

/** The most transcript messages kept (a bot conversation is a few turns; past this the oldest are dropped). */
export const TRANSCRIPT_MAX = 60;

/** While the bot has a conversation: what it answered and how that went. */
export const BotState = z.object({
  /** FAQ answers given so far. */
  answers: z.number().int().nonnegative(),
  /** Customer messages after an answer that said it did not help, or came back on the same problem. */
  unhelpful: z.number().int().nonnegative(),
  /** The FAQ entries answered so far, oldest first (the bot does not give the same answer twice). */
  answeredFaqIds: z.array(Id).max(20),
  categoryGuess: Category.nullable(),
  confidence: Confidence.nullable(),
  /**
   * The ids of the transcript's messages so far (customer's and bot's, oldest first); the hand-over carries them.
   * The text lives in the messages collection only: a copy here was serialised again at every put of the record.
   */
  transcriptIds: z.array(Id).max(TRANSCRIPT_MAX),
});
export type BotState = z.infer<typeof BotState>;

/** Why a conversation reached a person (the UI phrases each; shared/rules/botDecision.ts decides). */
export const HandOverReason = z.enum([
  /** The bot was not sure enough of the category or of an FAQ answer. */
  'low_confidence',
  /** The customer asked for a person ("转人工", "talk to a human", ...). */
  'asked_for_person',
  /** Two answers did not help (the customer said so, or came back on the same problem). */
  'unhelpful',
  /** A VIP customer, and the lead's setting sends VIPs straight to a person. */
  'vip',
  /** Complaints and "other" never stay with the bot. */
  'category',
  /** The customer chose a bot category, but the message reads as a complaint. */
  'complaint_detected',
  /** It continues an issue a person already owns (dedicated follow-up). */
  'follow_up',
  /** The lead switched the bot off. */
  'bot_off',
]);
export type HandOverReason = z.infer<typeof HandOverReason>;

/** The hand-over: when, why, what the bot made of it, and what was said (the agent reads it first). */
export const HandOver = z.object({
  at: EpochMs,
  reason: HandOverReason,
  categoryGuess: Category.nullable(),
  confidence: Confidence.nullable(),
  /** The ids of the transcript's messages (customer's and bot's, oldest first); the text lives in the messages collection. */
  transcriptIds: z.array(Id).max(TRANSCRIPT_MAX),
});
export type HandOver = z.infer<typeof HandOver>;

/**
 * One reason of a routing decision, as a code with parameters, so the UI can say it in either language
 * ("分配给 李娜：该客户的专属客服；支付技能；负载 3/8").
 */
export const RouteReasonCode = z.enum([
  /** The customer's dedicated owner (params: agentId, name). */
  'dedicated_owner',
  /** The dedicated owner is away or busy: someone else covers (params: agentId, name). */
  'owner_away',
  /** The dedicated owner is at capacity: someone else covers (params: agentId, name, load, capacity). */
  'owner_full',
  /** A VIP customer given to an agent with the VIP skill. */
  'vip_skill',
  /** Skill for the category (params: category, level 1–5). */
  'skill',
  /** Speaks the customer's language (params: locale). */
  'language',
  /** Open conversations against capacity before this one (params: load, capacity). */
  'load',
  /** Only busy agents fit: the least loaded of them. */
  'busy',
  /** The tie-break: longest since their last assignment (params: sinceMs, -1 when never). */
  'least_recent',
  /** Nobody suitable is available: it waits in the team queue. */
  'nobody_available',
  /** A lead re-routed it by hand (params: by, the lead's name). */
  'manual',
]);
export type RouteReasonCode = z.infer<typeof RouteReasonCode>;

export const RouteReason = z.object({
  code: RouteReasonCode,
  params: z.record(z.string().max(40), z.union([z.string().max(200), z.number()])),
});
export type RouteReason = z.infer<typeof RouteReason>;

/** Where routing sent a conversation, with the winning score and its reasons. */
export const RoutingRecord = z.object({
  /** `waiting`: nobody suitable yet, routed when someone becomes available; `manual`: a lead chose. */
  state: z.enum(['waiting', 'assigned', 'manual']),
  at: EpochMs,
  agentId: Id.nullable(),
  score: z.number().nullable(),
  reasons: z.array(RouteReason).max(20),
  /** Who decided: null for the rule, the lead's id for a manual re-route. */
  by: Id.nullable(),
});
export type RoutingRecord = z.infer<typeof RoutingRecord>;

// ---------------------------------------------------------------------------------------------------
// The FAQ knowledge base
// ---------------------------------------------------------------------------------------------------

const Phrasings = z.array(z.string().trim().min(1).max(500)).min(1).max(30);
const Answer = z.string().trim().min(1).max(2000);

/** One FAQ entry as the built-in file holds it: how customers ask, and the answer, in both languages. */
export const FaqEntryData = z.object({
  id: Id,
  category: Category,
  questions: z.object({ 'zh-CN': Phrasings, en: Phrasings }),
  answer: z.object({ 'zh-CN': Answer, en: Answer }),
});
export type FaqEntryData = z.infer<typeof FaqEntryData>;

/** The built-in knowledge base file (shared/data/faq.json). */
export const FaqFile = z.object({ version: z.literal(1), entries: z.array(FaqEntryData).min(1) });

/**
 * A lead's edit, stored: it replaces the built-in entry with the same id (or adds one); `deleted` hides a built-in
 * entry. The effective knowledge base is the built-in file overlaid with these records.
 */
export const FaqRecord = FaqEntryData.extend({
  deleted: z.boolean().default(false),
  updatedAt: EpochMs,
  updatedBy: Id,
});
export type FaqRecord = z.infer<typeof FaqRecord>;

/** A bot answer an agent marked wrong, for the lead's review list. */
export const BotFeedback = z.object({
  id: Id,
  conversationId: Id,
  /** The bot message marked wrong. */
  messageId: Id,
  faqId: Id.nullable(),
  /** What the customer had asked, and what the bot said (kept so the list reads on its own). */
  customerText: z.string().max(20_000),
  botAnswer: z.string().max(20_000),
  agentId: Id,
  note: z.string().max(2000).nullable(),
  at: EpochMs,
});
export type BotFeedback = z.infer<typeof BotFeedback>;

/** One labelled customer message of the classifier's data set (shared/data/intents.*.json). */
export const LabelledMessage = z.object({
  text: z.string().min(1).max(5000),
  label: Category,
});
export type LabelledMessage = z.infer<typeof LabelledMessage>;
export const LabelledFile = z.object({ locale: Locale, messages: z.array(LabelledMessage).min(1) });
