import { CoreError, topic } from '../../../../shared/contract';
import type { FaqView } from '../../../../shared/contract/bot';
import { decideBotTurn, type BotTurn } from '../../../../shared/rules/botDecision';
import { classify } from '../../../../shared/rules/classify';
import { answerIn, matchFaq, replyLocale } from '../../../../shared/rules/faq';
import { asksForPerson, saysThanks, saysUnhelpful } from '../../../../shared/rules/handoverTriggers';
import { clockOnHandOver } from '../../../../shared/rules/sla';
import {
  isBotCategory,
  Settings,
  TRANSCRIPT_MAX,
  type BotFeedback,
  type BotState,
  type Conversation,
  type Customer,
  type FaqRecord,
  type HandOverReason,
  type Message,
} from '../../../../shared/schema';
import type { CoreContext, HandlerSlice } from '../../context';
import type { Change, Store } from '../../store/types';
import { auditChange } from '../audit';
import type { Routing } from '../routing';
import { effectiveFaq } from './knowledge';
import { BOT_LINES } from './lines';
import { classifier, faqIndex, linesFeatures } from './model';
import { cutHan } from './segmenter';

type Reader = Pick<Store, 'get' | 'all'>;

export interface TurnResult {
  conversation: Conversation;
  /** The bot's messages, after the customer's. */
  messages: Message[];
  audit: Change[];
}

const keep = (ids: string[]) => ids.slice(-TRANSCRIPT_MAX);

/**
 * The customer's messages of a transcript, oldest first, read from the store by id (the text lives there only).
 * `current` is the message of this turn: not committed yet, so the store does not have it. An id the store does not
 * have (its record quarantined) has no text to read and is skipped.
 */
function customerLines(ids: readonly string[], current: Message, store: Reader): Message[] {
  const lines: Message[] = [];
  for (const id of ids) {
    const m = id === current.id ? current : store.get('messages', id);
    if (m?.author === 'customer') lines.push(m);
  }
  return lines;
}

/**
 * The first-line bot: answers from the FAQ knowledge base when confident and hands over to a person otherwise
 * (shared/rules/botDecision.ts), and the lead's FAQ editing and the "answer was wrong" list.
 */
export function createBot(ctx: CoreContext, routing: Routing) {
  /** The knowledge base in effect, rebuilt only when a lead's edits change (the key names the edits' versions). */
  let knowledgeCache: { key: string; entries: ReturnType<typeof effectiveFaq> } | null = null;
  const knowledge = (store: Reader) => {
    const edits = [...store.all('faqEntries').values()];
    const key = edits.map((e) => `${e.id}@${e.updatedAt}${e.deleted ? 'x' : ''}`).sort().join('|');
    if (knowledgeCache?.key !== key) knowledgeCache = { key, entries: effectiveFaq(edits) };
    const entries = knowledgeCache.entries;
    return { entries, index: faqIndex(entries.map((e) => e.entry), key) };
  };

  const botMessage = (conversationId: string, body: string, at: number, faqId?: string): Message => ({
    id: ctx.newId('m-'),
    conversationId,
    author: 'bot',
    authorId: null,
    body,
    at,
    internal: false,
    ...(faqId ? { faqId } : {}),
  });

  /**
   * Hands the conversation to a person now: the SLA clocks start (bot time never counts), the hand-over record
   * carries the transcript's message ids, the category guess and its confidence, and routing picks the agent.
   */
  function handOver(c: Conversation, customer: Customer, reason: HandOverReason, state: BotState | null, store: Reader, now: number): { conversation: Conversation; audit: Change[] } {
    // Without the bot state (a rest copy rather than `delete`, which would turn the record into a slow dictionary object).
    const { bot: _bot, ...withoutBot } = c;
    const queued: Conversation = {
      ...withoutBot,
      status: 'queued',
      queuedAt: now,
      ...clockOnHandOver(c, now, customer.tier, ctx.settings()),
      handOver: { at: now, reason, categoryGuess: state?.categoryGuess ?? null, confidence: state?.confidence ?? null, transcriptIds: state?.transcriptIds ?? [] },
      updatedAt: now,
    };
    const conversation = routing.routed(queued, customer, store, now);
    const audit = [
      auditChange(ctx, { actorId: 'system', action: 'conversation.handOver', targetId: c.id, before: c.status, after: reason }),
      auditChange(ctx, { actorId: 'system', action: 'conversation.routed', targetId: c.id, before: null, after: conversation.assigneeId }),
    ];
    return { conversation, audit };
  }

  /** The bot's turn on a customer message to a conversation it has (`c.status === 'bot'`, message already made). */
  function turn(c: Conversation, customer: Customer, message: Message, store: Reader): TurnResult {
    const now = message.at;
    const settings = ctx.settings().bot;
    const before: BotState | null = c.bot ?? null;
    const transcriptIds = keep([...(before?.transcriptIds ?? []), message.id]);
    // One feature extraction of the customer's lines (each line's parts cached) serves the category guess and the FAQ match.
    const feats = linesFeatures(customerLines(transcriptIds, message, store));
    const guess = classify(classifier(), feats);
    const messageGuess = before && before.answers > 0 ? classify(classifier(), linesFeatures([message])) : guess;
    const { entries, index } = knowledge(store);
    const category = isBotCategory(guess.category) ? guess.category : undefined;
    const best = category ? matchFaq(index, feats, { category, exclude: before?.answeredFaqIds ?? [], limit: 1 })[0] : undefined;
    const decision: BotTurn = decideBotTurn({
      chosen: c.category,
      tier: customer.tier,
      state: before ? { ...before, transcriptIds } : null,
      guess,
      messageGuess,
      faq: best ? { id: best.entry.id, score: best.score } : null,
      asksForPerson: asksForPerson(message.body),
      saysUnhelpful: saysUnhelpful(message.body),
      saysThanks: saysThanks(message.body),
      settings,
    });
    const locale = replyLocale(message.body, customer.locale);
    const state: BotState = { ...decision.state, transcriptIds };

    if (decision.kind === 'handover') {
      const say = botMessage(c.id, BOT_LINES[locale].handover, now);
      const done = handOver(c, customer, decision.reason, { ...state, transcriptIds: keep([...transcriptIds, say.id]) }, store, now);
      return { conversation: done.conversation, messages: [say], audit: done.audit };
    }
    let say: Message;
    if (decision.kind === 'answer') {
      const entry = entries.find((e) => e.entry.id === decision.faqId)!.entry;
      say = botMessage(c.id, `${answerIn(entry, locale)}\n\n${BOT_LINES[locale].offer}`, now, entry.id);
    } else say = botMessage(c.id, BOT_LINES[locale].thanks, now);
    const conversation: Conversation = { ...c, bot: { ...state, transcriptIds: keep([...transcriptIds, say.id]) }, updatedAt: now, lastMessageAt: now };
    return { conversation, messages: [say], audit: [] };
  }

  /**
   * What the customer had asked before a bot answer: the last customer message of the transcript before it (the
   * whole transcript when the answer is not in it), read from the store, where the text lives.
   */
  function questionBefore(answer: Message, transcriptIds: readonly string[]): Message | undefined {
    const i = transcriptIds.indexOf(answer.id);
    const asked = transcriptIds.slice(0, i < 0 ? transcriptIds.length : i);
    for (let j = asked.length - 1; j >= 0; j--) {
      const m = ctx.store.get('messages', asked[j]);
      if (m?.author === 'customer') return m;
    }
    return undefined;
  }

  const view = (e: ReturnType<typeof effectiveFaq>[number]): FaqView => ({
    ...e.entry,
    origin: e.origin,
    updatedAt: e.record?.updatedAt ?? null,
    updatedBy: e.record?.updatedBy ?? null,
  });

  const handlers: HandlerSlice<'faq.list' | 'faq.save' | 'faq.delete' | 'bot.markWrong' | 'bot.wrongAnswers' | 'bot.updateSettings'> = {
    'faq.list': ({ category }) => effectiveFaq(ctx.store.all('faqEntries').values()).filter((e) => !category || e.entry.category === category).map(view),

    'faq.save': async (input, actor) => {
      const now = ctx.clock.now();
      const all = effectiveFaq(ctx.store.all('faqEntries').values());
      const before = all.find((e) => e.entry.id === input.id)?.entry ?? null;
      const rec: FaqRecord = { ...input, deleted: false, updatedAt: now, updatedBy: actor.agent.id };
      await ctx.store.commit([
        { op: 'put', coll: 'faqEntries', rec },
        auditChange(ctx, { actorId: actor.agent.id, action: 'faq.save', targetId: input.id, before, after: input }),
      ]);
      ctx.feed.publish([topic.settings]);
      return view(effectiveFaq(ctx.store.all('faqEntries').values()).find((e) => e.entry.id === input.id)!);
    },

    'faq.delete': async ({ id }, actor) => {
      const current = effectiveFaq(ctx.store.all('faqEntries').values()).find((e) => e.entry.id === id);
      if (!current) throw new CoreError('not_found', `No FAQ entry ${id}`);
      const now = ctx.clock.now();
      // A tombstone, so a built-in entry stays hidden (the built-in file is part of the app, not the store).
      const rec: FaqRecord = { ...current.entry, deleted: true, updatedAt: now, updatedBy: actor.agent.id };
      await ctx.store.commit([
        { op: 'put', coll: 'faqEntries', rec },
        auditChange(ctx, { actorId: actor.agent.id, action: 'faq.delete', targetId: id, before: current.entry, after: null }),
      ]);
      ctx.feed.publish([topic.settings]);
      return { id };
    },

    'bot.markWrong': async ({ messageId, note }, actor) => {
      const m = ctx.store.get('messages', messageId);
      if (!m) throw new CoreError('not_found', `No message ${messageId}`);
      if (m.author !== 'bot') throw new CoreError('validation', `Message ${messageId} is not a bot answer`, ['messageId: not a bot message']);
      const c = ctx.store.get('conversations', m.conversationId);
      const question = questionBefore(m, c?.handOver?.transcriptIds ?? c?.bot?.transcriptIds ?? []);
      const rec: BotFeedback = {
        id: `bf-${m.id}-${actor.agent.id}`.slice(0, 128),
        conversationId: m.conversationId,
        messageId: m.id,
        faqId: m.faqId ?? null,
        customerText: question?.body ?? '',
        botAnswer: m.body,
        agentId: actor.agent.id,
        note: note ?? null,
        at: ctx.clock.now(),
      };
      await ctx.store.commit([{ op: 'put', coll: 'botFeedback', rec }]);
      ctx.feed.publish([topic.settings]);
      return rec;
    },

    'bot.wrongAnswers': () => [...ctx.store.all('botFeedback').values()].sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1)),

    'bot.updateSettings': async (input, actor) => {
      const before = ctx.settings();
      const next = Settings.parse({ ...before, bot: { ...before.bot, ...input.bot }, routing: { ...before.routing, ...input.routing } });
      await ctx.store.commit([
        { op: 'put', coll: 'settings', rec: next },
        auditChange(ctx, { actorId: actor.agent.id, action: 'bot.settings', targetId: 'global', before: { bot: before.bot, routing: before.routing }, after: { bot: next.bot, routing: next.routing } }),
      ]);
      ctx.feed.publish([topic.settings]);
      return { bot: next.bot, routing: next.routing };
    },
  };

  /**
   * Loads what the first bot turn would otherwise load while a customer waits (jieba's dictionary, the trained
   * classifier, the FAQ index: ~0.5–1 s together), one piece per call of `step`; true when nothing is left.
   */
  const warmSteps = [() => void cutHan('视频上传'), () => void classifier(), () => void knowledge(ctx.store)];
  const warmStep = (): boolean => {
    warmSteps.shift()?.();
    return warmSteps.length === 0;
  };

  return { turn, handOver, handlers, warmStep };
}
export type Bot = ReturnType<typeof createBot>;
