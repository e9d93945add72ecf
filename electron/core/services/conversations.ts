import { CoreError, topic, type ConversationSummary } from '../../../shared/contract';
import type { Agent, Conversation, Message } from '../../../shared/schema';
import { canTransition, isActive } from '../../../shared/rules/transitions';
import { mayChange, ownerAfterReply } from '../../../shared/rules/ownership';
import { clockOnAgentReply, clockOnStatus, withComputedDue } from '../../../shared/rules/sla';
import { findPlaceholders, hasRawBraces } from '../../../shared/rules/cannedVariables';
import type { CoreContext, HandlerSlice } from '../context';
import type { Change } from '../store/types';
import { auditChange } from './audit';
import type { MessageIndex } from './messageIndex';
import type { ConversationTimeline } from './conversationTimeline';

const summaryOf = (a: Agent | undefined) => (a ? { id: a.id, name: a.name, role: a.role, presence: a.presence } : null);

/** Reading and working one conversation: the thread, replies, status changes (each audited in the same commit). */
export function createConversations(ctx: CoreContext, messages: MessageIndex, timeline: ConversationTimeline) {
  const mustGet = (id: string): Conversation => {
    const c = ctx.store.get('conversations', id);
    if (!c) throw new CoreError('not_found', `No conversation ${id}`);
    return c;
  };

  /** Category and tag edits: validated, audited in the same commit, published. */
  const edit = async (id: string, actorId: string, action: string, change: (c: Conversation) => Conversation, value: (c: Conversation) => unknown) => {
    const before = mustGet(id);
    if (before.status === 'closed') throw new CoreError('conflict', `Conversation ${id} is closed`, undefined, { code: 'closed' });
    const after = { ...change(before), updatedAt: ctx.clock.now() };
    await ctx.store.commit([
      { op: 'put', coll: 'conversations', rec: after },
      auditChange(ctx, { actorId, action, targetId: id, before: value(before), after: value(after) }),
    ]);
    ctx.feed.publish([topic.conversation(id), topic.queue, topic.customer(before.customerId)]);
    return after;
  };

  const handlers: HandlerSlice<
    'conversation.get' | 'conversation.reply' | 'conversation.setStatus' | 'conversation.setCategory' | 'conversation.setTags' | 'customer.history'
  > = {
    'conversation.get': ({ id }) => {
      const conversation = mustGet(id);
      const customer = ctx.store.get('customers', conversation.customerId);
      if (!customer) throw new CoreError('not_found', `No customer ${conversation.customerId}`);
      const linked = conversation.linkedToId ? ctx.store.get('conversations', conversation.linkedToId) : undefined;
      return {
        conversation,
        customer,
        messages: messages.messagesOf(id),
        owner: summaryOf(conversation.ownerId ? ctx.store.get('agents', conversation.ownerId) : undefined),
        assignee: summaryOf(conversation.assigneeId ? ctx.store.get('agents', conversation.assigneeId) : undefined),
        events: timeline.eventsOf(id),
        linkedTo: linked ? { id: linked.id, subject: linked.subject, status: linked.status, createdAt: linked.createdAt } : null,
      };
    },

    'conversation.reply': async ({ id, body, internal }, actor) => {
      const before = mustGet(id);
      if (before.status === 'closed') throw new CoreError('conflict', `Conversation ${id} is closed`, undefined, { code: 'closed' });
      // The reply box blocks unfilled canned-reply variables; the core refuses them too, whatever the client.
      if (!internal && hasRawBraces(body)) {
        const left = findPlaceholders(body).map((p) => `{{${p.name}}}`);
        // A lone "{{" or "}}" names no variable: the sentence shows the braces themselves.
        const names = left.length > 0 ? [...new Set(left)] : [body.includes('{{') ? '{{' : '}}'];
        throw new CoreError(
          'validation',
          'The reply still contains an unfilled variable ({{…}})',
          left.map((name) => `body: ${name}`),
          // One string for both languages (params are not lists): the braces set each name apart.
          { code: 'unfilled_variable', params: { names: names.join(', ') } },
        );
      }
      const now = ctx.clock.now();
      const message: Message = { id: ctx.newId('m-'), conversationId: id, author: 'agent', authorId: actor.agent.id, body, at: now, internal };
      const changes: Change[] = [{ op: 'put', coll: 'messages', rec: message }];
      // The draft became this message.
      const draftId = `${actor.agent.id}:${id}`;
      if (ctx.store.get('drafts', draftId)) changes.push({ op: 'del', coll: 'drafts', id: draftId });
      if (!internal) {
        // The first agent who answers becomes the dedicated owner; the answer settles what was owed.
        const after: Conversation = {
          ...before,
          ownerId: ownerAfterReply(before, actor.agent.id),
          assigneeId: before.assigneeId ?? actor.agent.id,
          // The owner answering what waited in the team queue takes it back.
          ownerAway: before.ownerAway && before.ownerId !== actor.agent.id,
          status: before.status === 'queued' || before.status === 'resolved' ? 'open' : before.status,
          ...clockOnAgentReply(before, ctx.settings()), // the response is settled; a complaint's result stays due
          updatedAt: now,
          lastMessageAt: now,
        };
        changes.push({ op: 'put', coll: 'conversations', rec: after });
        if (after.ownerId !== before.ownerId) {
          changes.push(auditChange(ctx, { actorId: actor.agent.id, action: 'conversation.owner', targetId: id, before: before.ownerId, after: after.ownerId }));
        }
      }
      await ctx.store.commit(changes);
      ctx.feed.publish([topic.conversation(id), topic.queue, topic.customer(before.customerId)]);
      return message;
    },

    'conversation.setStatus': async ({ id, status }, actor) => {
      const before = mustGet(id);
      if (!mayChange(actor.agent, before)) throw new CoreError('forbidden', `${actor.agent.id} may not change ${id}: not theirs`, undefined, { code: 'not_assigned' });
      if (!canTransition(before.status, status)) {
        throw new CoreError('conflict', `Cannot change conversation ${id} from ${before.status} to ${status}`, undefined, {
          code: 'transition',
          params: { from: before.status, to: status },
        });
      }
      const now = ctx.clock.now();
      const after: Conversation = {
        ...before,
        status,
        updatedAt: now,
        resolvedAt: status === 'resolved' ? now : before.resolvedAt,
        ...clockOnStatus(before, status, now, ctx.settings()), // pending pauses the SLA clock, leaving it resumes
        ownerId: before.ownerId ?? actor.agent.id,
        assigneeId: before.assigneeId ?? actor.agent.id,
      };
      await ctx.store.commit([
        { op: 'put', coll: 'conversations', rec: after },
        auditChange(ctx, { actorId: actor.agent.id, action: 'conversation.status', targetId: id, before: before.status, after: status }),
      ]);
      ctx.feed.publish([topic.conversation(id), topic.queue, topic.customer(before.customerId)]);
      return after;
    },

    // Both clocks run whatever the category; the new category only picks which one is due (docs/rules.md).
    'conversation.setCategory': ({ id, category }, actor) =>
      edit(id, actor.agent.id, 'conversation.category', (c) => withComputedDue({ ...c, category }, ctx.settings()), (c) => c.category),

    'conversation.setTags': ({ id, tags }, actor) =>
      edit(id, actor.agent.id, 'conversation.tags', (c) => ({ ...c, tags: [...new Set(tags)] }), (c) => c.tags),

    'customer.history': ({ customerId }) => {
      const customer = ctx.store.get('customers', customerId);
      if (!customer) throw new CoreError('not_found', `No customer ${customerId}`);
      const conversations: ConversationSummary[] = [];
      let contactCount = 0;
      let openComplaints = 0;
      for (const c of ctx.store.all('conversations').values()) {
        if (c.customerId !== customerId) continue;
        contactCount += c.contactCount;
        if (c.category === 'complaint' && isActive(c.status)) openComplaints++;
        conversations.push(messages.summaryOf(c));
      }
      conversations.sort((a, b) => b.createdAt - a.createdAt);
      let ratingsGiven = 0;
      let ratingSum = 0;
      for (const r of ctx.store.all('ratings').values()) {
        if (r.customerId !== customerId) continue;
        ratingsGiven++;
        ratingSum += r.score;
      }
      const averageRating = ratingsGiven ? Math.round((ratingSum / ratingsGiven) * 10) / 10 : null;
      return { customer, contactCount, ratingsGiven, averageRating, openComplaints, conversations };
    },
  };
  return { handlers };
}
