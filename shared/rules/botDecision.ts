import type { BotState, HandOverReason } from '../schema/bot';
import { isBotCategory } from '../schema/bot';
import type { Category, Tier } from '../schema/common';
import type { BotSettings } from '../schema/settings';

/**
 * What the bot does with a customer message: answer from the FAQ, acknowledge thanks, or hand over to a person
 * (and why). Pure: the classification, the FAQ match and the phrase triggers are computed by the caller.
 */

export interface BotTurnInput {
  /** The category the customer chose. */
  chosen: Category;
  tier: Tier;
  /** null: this is the conversation's first message. */
  state: BotState | null;
  /** The classifier's guess on the customer's words so far. */
  guess: { category: Category; confidence: number };
  /** The guess on this message alone (to tell "the same problem again" from a new question). */
  messageGuess: { category: Category; confidence: number };
  /** The best FAQ entry not answered yet in the guessed category, with its similarity; null when none matched. */
  faq: { id: string; score: number } | null;
  asksForPerson: boolean;
  saysUnhelpful: boolean;
  saysThanks: boolean;
  settings: BotSettings;
}

export type BotTurn =
  | { kind: 'answer'; faqId: string; state: BotState }
  | { kind: 'acknowledge'; state: BotState }
  | { kind: 'handover'; reason: HandOverReason; state: BotState };

const fresh = (): BotState => ({ answers: 0, unhelpful: 0, answeredFaqIds: [], categoryGuess: null, confidence: null, transcriptIds: [] });

/**
 * Whether a message after an answer counts against it: the customer says it did not help, or writes again on
 * the same problem (this message alone reads as the same category, or as nothing the model knows, like "??").
 * Thanks never count; a confident question about another category is a new problem, not a complaint about the
 * answer.
 */
export function isUnhelpfulFollowUp(i: Pick<BotTurnInput, 'state' | 'saysUnhelpful' | 'saysThanks' | 'messageGuess' | 'settings'>): boolean {
  if (!i.state || i.state.answers === 0) return false;
  if (i.saysThanks) return false;
  if (i.saysUnhelpful) return true;
  const sure = i.messageGuess.confidence >= i.settings.minConfidence;
  return !sure || i.messageGuess.category === i.state.categoryGuess;
}

/** The bot's decision, first rule that applies wins (order documented in docs/rules.md "The first-line bot"). */
export function decideBotTurn(i: BotTurnInput): BotTurn {
  const base = i.state ?? fresh();
  const unhelpful = base.unhelpful + (isUnhelpfulFollowUp(i) ? 1 : 0);
  const state: BotState = { ...base, unhelpful, categoryGuess: i.guess.category, confidence: round(i.guess.confidence) };
  const handover = (reason: HandOverReason): BotTurn => ({ kind: 'handover', reason, state });

  if (!i.settings.enabled) return handover('bot_off');
  if (!isBotCategory(i.chosen)) return handover('category');
  if (i.tier === 'vip' && i.settings.vipToHuman) return handover('vip');
  if (i.asksForPerson) return handover('asked_for_person');
  if (unhelpful >= i.settings.unhelpfulLimit) return handover('unhelpful');
  if (i.guess.category === 'complaint' && i.guess.confidence >= i.settings.minConfidence) return handover('complaint_detected');
  if (i.saysThanks && base.answers > 0) return { kind: 'acknowledge', state };
  if (i.guess.confidence < i.settings.minConfidence || !isBotCategory(i.guess.category)) return handover('low_confidence');
  if (!i.faq || i.faq.score < i.settings.minFaqScore) return handover('low_confidence');
  return { kind: 'answer', faqId: i.faq.id, state: { ...state, answers: base.answers + 1, answeredFaqIds: [...base.answeredFaqIds, i.faq.id].slice(-20) } };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
