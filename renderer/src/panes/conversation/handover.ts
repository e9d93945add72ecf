import type { Conversation, Message } from '../../../../shared/schema';

/** What the bot's part of a conversation amounts to, read from the messages before the hand-over. */
export interface Handover {
  /** The bot's own turns before the hand-over: collapsed in the thread, still there to read. */
  botTurns: Message[];
  /** The customer's first words (their question), if they wrote before the hand-over. */
  question: Message | null;
  /** What the bot answered after the customer wrote (a greeting before that is not an attempt). */
  botAnswers: Message[];
  /** The customer's last words to the bot, when they came after a bot answer (e.g. "that did not help"). */
  lastWords: Message | null;
  /** Why it reached a person, when the data says so: a severe complaint is escalated to the leads. */
  escalated: boolean;
}

/** The hand-over time of a conversation, or null while the bot still has it (then nothing is collapsed). */
export const handedOverAt = (c: Pick<Conversation, 'status' | 'queuedAt'>): number | null => (c.status === 'bot' ? null : c.queuedAt);

/** Splits the bot's part of a thread; pure, so the summary and the thread agree on what the bot did. */
export function readHandover(messages: Message[], at: number | null, conversation?: Pick<Conversation, 'severity' | 'escalatedAt'>): Handover {
  const before = at === null ? [] : messages.filter((m) => m.at < at && !m.internal);
  const botTurns = before.filter((m) => m.author === 'bot');
  const customer = before.filter((m) => m.author === 'customer');
  const question = customer[0] ?? null;
  const botAnswers = question ? botTurns.filter((m) => m.at > question.at) : [];
  const last = customer.at(-1) ?? null;
  const lastWords = last && last !== question && botAnswers.some((b) => b.at < last.at) ? last : null;
  const escalated = conversation ? conversation.severity === 'severe' && conversation.escalatedAt !== null : false;
  return { botTurns, question, botAnswers, lastWords, escalated };
}
