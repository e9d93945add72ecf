import { z } from 'zod';
import { BotFeedback, FaqEntryData } from '../schema/bot';
import { Category, EpochMs, Id } from '../schema/common';
import { BotSettings, RoutingSettings } from '../schema/settings';
import { LEAD_ONLY, LIVE_ROLES, endpoint } from './define';

/** One FAQ entry as the knowledge base has it now, and where it comes from. */
export const FaqView = FaqEntryData.extend({
  /** `builtin`: from shared/data/faq.json untouched; `edited`: a lead changed a built-in one; `added`: a lead's own. */
  origin: z.enum(['builtin', 'edited', 'added']),
  updatedAt: EpochMs.nullable(),
  updatedBy: Id.nullable(),
});
export type FaqView = z.infer<typeof FaqView>;

const FaqId = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes');

export const botContract = {
  'faq.list': endpoint({
    input: z.object({ category: Category.optional() }).strict(),
    output: z.array(FaqView),
    roles: LIVE_ROLES,
  }),
  /** A lead adds an entry or replaces one (built-in or not) by id. Audited with before and after. */
  'faq.save': endpoint({
    input: FaqEntryData.extend({ id: FaqId }).strict(),
    output: FaqView,
    roles: LEAD_ONLY,
  }),
  /** A lead removes an entry (a built-in one is hidden). Audited. */
  'faq.delete': endpoint({
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id }),
    roles: LEAD_ONLY,
  }),
  /** An agent marks a bot answer wrong; it goes on the list the lead reviews. */
  'bot.markWrong': endpoint({
    input: z.object({ messageId: Id, note: z.string().trim().min(1).max(2000).optional() }).strict(),
    output: BotFeedback,
    roles: LIVE_ROLES,
  }),
  /** The bot answers agents marked wrong, newest first. */
  'bot.wrongAnswers': endpoint({
    input: z.object({}).strict(),
    output: z.array(BotFeedback),
    roles: LEAD_ONLY,
  }),
  /** The bot's and routing's settings (thresholds, VIP rules), changed by a lead; audited. */
  'bot.updateSettings': endpoint({
    input: z.object({ bot: BotSettings.partial().optional(), routing: RoutingSettings.partial().optional() }).strict(),
    output: z.object({ bot: BotSettings, routing: RoutingSettings }),
    roles: LEAD_ONLY,
  }),
  /**
   * Demo and test driver: a customer starts a conversation the way the platform's customers do (through the bot).
   * `sim.customerMessage` keeps starting conversations in the human queue; refused unless the clock is manual.
   */
  'sim.botConversation': endpoint({
    input: z
      .object({ customerId: Id, category: Category, subject: z.string().trim().min(1).max(500).optional(), body: z.string().trim().min(1).max(20_000) })
      .strict(),
    output: z.object({ conversationId: Id, messageId: Id, created: z.boolean() }),
    roles: LEAD_ONLY,
  }),
};
