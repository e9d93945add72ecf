import { CoreError, topic } from '../../../shared/contract';
import type { Category, Conversation, Message } from '../../../shared/schema';
import { clockOnCustomerMessage, clockOnHandOver } from '../../../shared/rules/sla';
import { findLinkTarget, routeToOwner } from '../../../shared/rules/ownership';
import type { CoreContext, HandlerSlice } from '../context';
import type { Change } from '../store/types';
import { auditChange } from './audit';

export interface IncomingMessage {
  customerId: string;
  conversationId?: string;
  category?: Category;
  subject?: string;
  body: string;
}

/**
 * A customer's message arriving: it lands on its conversation (a pending one resumes, a resolved one reopens and
 * goes back to its owner) or starts a new queued conversation whose response clock starts now.
 */
export function createIntake(ctx: CoreContext) {
  function receive(msg: IncomingMessage): { conversationId: string; messageId: string; created: boolean } {
    const customer = ctx.store.get('customers', msg.customerId);
    if (!customer) throw new CoreError('not_found', `No customer ${msg.customerId}`);
    const now = ctx.clock.now();
    const settings = ctx.settings();
    const changes: Change[] = [];
    let conversation: Conversation;
    let created = false;

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
      if (reopened || resumes) {
        changes.push(auditChange(ctx, { actorId: 'system', action: reopened ? 'conversation.reopened' : 'conversation.resumed', targetId: existing.id, before: existing.status, after: conversation.status }));
      }
    } else {
      const category = msg.category ?? existing?.category;
      if (!category) throw new CoreError('validation', 'A new conversation needs a category', undefined, { code: 'needs_category' });
      created = true;
      // Dedicated follow-up: an unsolved or recently solved issue of this customer and category continues here,
      // with the same owner (or in the team queue marked "owner away" while that owner is away).
      const previous = findLinkTarget(ctx.store.all('conversations').values(), customer.id, category, now);
      const routing = routeToOwner(previous, previous?.ownerId ? ctx.store.get('agents', previous.ownerId) : undefined);
      const fresh = {
        id: ctx.newId('c-'),
        customerId: customer.id,
        category,
        status: 'queued',
        tierAtArrival: customer.tier,
        subject: msg.subject ?? msg.body.slice(0, 80),
        createdAt: now,
        queuedAt: now,
        dueAt: null,
        ownerId: routing.ownerId,
        assigneeId: routing.assigneeId,
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
        ownerAway: routing.ownerAway,
        snoozedUntil: null,
      } satisfies Conversation;
      conversation = { ...fresh, ...clockOnHandOver(fresh, now, customer.tier, settings) };
      if (previous) {
        changes.push(auditChange(ctx, { actorId: 'system', action: 'conversation.linked', targetId: conversation.id, before: previous.id, after: routing.ownerAway ? 'owner_away' : routing.ownerId }));
      }
    }
    const message: Message = { id: ctx.newId('m-'), conversationId: conversation.id, author: 'customer', authorId: customer.id, body: msg.body, at: now, internal: false };
    changes.unshift({ op: 'put', coll: 'conversations', rec: conversation }, { op: 'put', coll: 'messages', rec: message });
    ctx.store.commit(changes);
    ctx.feed.publish([topic.queue, topic.conversation(conversation.id), topic.customer(customer.id)]);
    return { conversationId: conversation.id, messageId: message.id, created };
  }

  const handlers: HandlerSlice<'sim.customerMessage'> = {
    'sim.customerMessage': (input) => {
      if (!ctx.clock.manual) throw new CoreError('forbidden', 'The customer simulator runs only with a manual clock (demo and test mode)', undefined, { code: 'system_clock' });
      return receive(input);
    },
  };
  return { receive, handlers };
}
export type Intake = ReturnType<typeof createIntake>;
