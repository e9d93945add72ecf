import { CoreError, topic } from '../../../shared/contract';
import { isBotCategory, type Category, type Conversation, type HandOverReason, type Message } from '../../../shared/schema';
import { clockOnCustomerMessage, clockOnHandOver } from '../../../shared/rules/sla';
import { findLinkTarget, routeToOwner } from '../../../shared/rules/ownership';
import type { CoreContext, HandlerSlice } from '../context';
import type { Ticker } from '../ticker';
import type { Change } from '../store/types';
import { auditChange } from './audit';
import { createBot, type Bot } from './bot';
import { CustomerIndex } from './customerIndex';
import { createRouting, type Routing } from './routing';

export interface IncomingMessage {
  customerId: string;
  conversationId?: string;
  category?: Category;
  subject?: string;
  body: string;
  /**
   * How a NEW conversation starts. `first_line` (the default; the platform's customers): account, video upload and
   * payment start with the bot, everything else is handed over and routed at once. `queue`: straight into the
   * team queue unrouted, as before the bot existed (the customer simulator's `sim.customerMessage`).
   */
  path?: 'first_line' | 'queue';
}

/**
 * One bot, one routing and one customer index per core, whichever context builds intake first: the spool importer
 * builds its own intake on a context whose store is the current import batch, and both must share the loads, the
 * waiting list and the indexes (each follows the committed store, plus the batch's pending writes when it reads
 * through a batch: see services/pendingLayer.ts).
 * Keyed by the core's ticker, which every context of one core shares (the importer's copies the core's).
 */
const firstLines = new WeakMap<Ticker, { routing: Routing; bot: Bot; customers: CustomerIndex }>();
function firstLineOf(ctx: CoreContext): { routing: Routing; bot: Bot; customers: CustomerIndex } {
  let f = firstLines.get(ctx.ticker);
  if (!f) {
    const routing = createRouting(ctx);
    f = { routing, bot: createBot(ctx, routing), customers: new CustomerIndex(ctx.store) };
    firstLines.set(ctx.ticker, f);
  }
  return f;
}

/**
 * A customer's message arriving: it lands on its conversation (a pending one resumes, a resolved one reopens and
 * goes back to its owner; one the bot has gets the bot's turn) or starts a new conversation: with the bot, or
 * handed over and routed at once (docs/rules.md "The first-line bot", "Routing").
 */
export function createIntake(ctx: CoreContext) {
  const { routing, bot, customers } = firstLineOf(ctx);

  async function receive(msg: IncomingMessage): Promise<{ conversationId: string; messageId: string; created: boolean }> {
    const customer = ctx.store.get('customers', msg.customerId);
    if (!customer) throw new CoreError('not_found', `No customer ${msg.customerId}`);
    const now = ctx.clock.now();
    const settings = ctx.settings();
    const changes: Change[] = [];
    let conversation: Conversation;
    let created = false;
    /** Set when the bot has this conversation (new or existing): it takes its turn after the message is made. */
    let botTurn = false;
    /** Set when a new conversation goes to a person at once (routed after the message is made). */
    let handOverNow: HandOverReason | null = null;

    const existing = msg.conversationId ? ctx.store.get('conversations', msg.conversationId) : undefined;
    if (msg.conversationId && !existing) throw new CoreError('not_found', `No conversation ${msg.conversationId}`);
    if (existing && existing.customerId !== customer.id) throw new CoreError('conflict', `Conversation ${existing.id} belongs to another customer`, undefined, { code: 'other_customer' });

    if (existing && existing.status !== 'closed') {
      const reopened = existing.status === 'resolved';
      const resumes = existing.status === 'pending';
      // A pending pause ends; a response is owed from this message only if none was owed already (the oldest
      // unanswered message keeps the clock), on the customer's tier now; a reopen starts both clocks again.
      conversation = {
        ...existing,
        status: existing.status === 'bot' ? 'bot' : existing.status === 'queued' ? 'queued' : 'open',
        ...clockOnCustomerMessage(existing, now, customer.tier, settings),
        snoozedUntil: null,
        resolvedAt: reopened ? null : existing.resolvedAt,
        contactCount: reopened ? existing.contactCount + 1 : existing.contactCount,
        assigneeId: reopened ? (existing.ownerId ?? existing.assigneeId) : existing.assigneeId,
        updatedAt: now,
        lastMessageAt: now,
      };
      botTurn = existing.status === 'bot';
      if (reopened || resumes) {
        changes.push(auditChange(ctx, { actorId: 'system', action: reopened ? 'conversation.reopened' : 'conversation.resumed', targetId: existing.id, before: existing.status, after: conversation.status }));
      }
    } else {
      const category = msg.category ?? existing?.category;
      if (!category) throw new CoreError('validation', 'A new conversation needs a category', undefined, { code: 'needs_category' });
      created = true;
      // Dedicated follow-up: an unsolved or recently solved issue of this customer and category continues here,
      // with the same owner (or in the team queue marked "owner away" while that owner is away).
      const previous = findLinkTarget(customers.of(customer.id, ctx.store), customer.id, category, now);
      const owner = routeToOwner(previous, previous?.ownerId ? ctx.store.get('agents', previous.ownerId) : undefined);
      const firstLine = (msg.path ?? 'first_line') === 'first_line';
      // The bot takes new account / video upload / payment questions; a follow-up of an issue a person already owns
      // goes back to that person (routing's owner rule), complaints and "other" straight to a person.
      const withBot = firstLine && settings.bot.enabled && isBotCategory(category) && !owner.ownerId;
      if (firstLine && !withBot) handOverNow = !isBotCategory(category) ? 'category' : owner.ownerId ? 'follow_up' : 'bot_off';
      botTurn = withBot;
      const fresh = {
        id: ctx.newId('c-'),
        customerId: customer.id,
        category,
        status: withBot ? 'bot' : 'queued',
        tierAtArrival: customer.tier,
        subject: msg.subject ?? msg.body.slice(0, 80),
        createdAt: now,
        queuedAt: withBot ? null : now,
        dueAt: null,
        ownerId: owner.ownerId,
        // Routing decides who works it at the hand-over; the simulator's path keeps the owner rule alone.
        assigneeId: firstLine ? null : owner.assigneeId,
        tags: [],
        contactCount: previous ? previous.contactCount + 1 : 1,
        severity: 'normal',
        updatedAt: now,
        lastMessageAt: now,
        resolvedAt: null,
        slaClockStartedAt: null,
        responseTier: null,
        slaPausedAt: null,
        slaPausedMs: 0,
        resultClockStartedAt: null,
        resultPausedMs: 0,
        escalatedAt: null,
        linkedToId: previous?.id ?? existing?.id ?? null,
        ownerAway: firstLine ? false : owner.ownerAway,
        snoozedUntil: null,
      } satisfies Conversation;
      // With the bot nothing is owed yet (no SLA clock): the clocks start at the hand-over.
      conversation = withBot || handOverNow ? fresh : { ...fresh, ...clockOnHandOver(fresh, now, customer.tier, settings) };
      if (previous) {
        changes.push(auditChange(ctx, { actorId: 'system', action: 'conversation.linked', targetId: conversation.id, before: previous.id, after: owner.ownerAway ? 'owner_away' : owner.ownerId }));
      }
    }
    const message: Message = { id: ctx.newId('m-'), conversationId: conversation.id, author: 'customer', authorId: customer.id, body: msg.body, at: now, internal: false };
    const extra: Message[] = [];
    if (botTurn) {
      const t = bot.turn(conversation, customer, message, ctx.store);
      conversation = t.conversation;
      extra.push(...t.messages);
      changes.push(...t.audit);
    } else if (handOverNow) {
      const t = bot.handOver(conversation, customer, handOverNow, null, ctx.store, now);
      conversation = t.conversation;
      changes.push(...t.audit);
    }
    changes.unshift(
      { op: 'put', coll: 'conversations', rec: conversation },
      { op: 'put', coll: 'messages', rec: message },
      ...extra.map((m): Change => ({ op: 'put', coll: 'messages', rec: m })),
    );
    await ctx.store.commit(changes);
    ctx.feed.publish([topic.queue, topic.conversation(conversation.id), topic.customer(customer.id)]);
    return { conversationId: conversation.id, messageId: message.id, created };
  }

  const simOnly = () => {
    if (!ctx.clock.manual) throw new CoreError('forbidden', 'The customer simulator runs only with a manual clock (demo and test mode)', undefined, { code: 'system_clock' });
  };
  const handlers: HandlerSlice<'sim.customerMessage' | 'sim.botConversation'> & typeof bot.handlers & typeof routing.handlers = {
    'sim.customerMessage': (input) => {
      simOnly();
      return receive({ ...input, path: 'queue' });
    },
    'sim.botConversation': (input) => {
      simOnly();
      return receive({ ...input, path: 'first_line' });
    },
    ...bot.handlers,
    ...routing.handlers,
  };
  /**
   * Warms the bot in the background (setImmediate slices: other calls run between them); resolves when done.
   * The core starts it once the search index is built, so the first customer of the day gets no load pause.
   */
  const warmBot = () =>
    new Promise<void>((resolve) => {
      const step = () => (bot.warmStep() ? resolve() : setImmediate(step));
      setImmediate(step);
    });
  return { receive, handlers, warmBot };
}
export type Intake = ReturnType<typeof createIntake>;
