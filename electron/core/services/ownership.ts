import { CoreError, topic, type ConversationSummary } from '../../../shared/contract';
import { mayChange, transferProblem, waitingForOwner } from '../../../shared/rules/ownership';
import type { Conversation } from '../../../shared/schema';
import type { CoreContext, HandlerSlice } from '../context';
import type { Change } from '../store/types';
import { auditChange } from './audit';
import type { MessageIndex } from './messageIndex';

const PROBLEM_TEXT = {
  same_owner: 'already owns this conversation',
  not_live_agent: 'is a trainee; trainees do not own live conversations',
  closed: 'cannot take a closed conversation',
} as const;

/** Each transfer problem as the error code the UI phrases (errors.code.*). */
const PROBLEM_CODE = { same_owner: 'same_owner', not_live_agent: 'trainee_owner', closed: 'closed' } as const;

/**
 * The dedicated owner: explicit transfers (with a note, audited, shown in the timeline) and presence. When an
 * owner comes back, what went to the team queue marked "owner away" returns to them and is listed for them.
 */
export function createOwnership(ctx: CoreContext, messages: MessageIndex) {
  const summary = (c: Conversation): ConversationSummary => messages.summaryOf(c);

  const handlers: HandlerSlice<'conversation.transfer' | 'agent.setPresence' | 'owner.waiting'> = {
    'conversation.transfer': async ({ id, toAgentId, note }, actor) => {
      const before = ctx.store.get('conversations', id);
      if (!before) throw new CoreError('not_found', `No conversation ${id}`);
      if (!mayChange(actor.agent, before)) throw new CoreError('forbidden', `${actor.agent.id} may not transfer ${id}: not theirs`, undefined, { code: 'not_assigned' });
      const to = ctx.store.get('agents', toAgentId);
      if (!to) throw new CoreError('not_found', `No agent ${toAgentId}`);
      const problem = transferProblem(before, to);
      if (problem) throw new CoreError('conflict', `${to.name} ${PROBLEM_TEXT[problem]}`, undefined, { code: PROBLEM_CODE[problem], params: { name: to.name } });
      const now = ctx.clock.now();
      const after: Conversation = {
        ...before,
        ownerId: to.id,
        // An active conversation is worked by its new owner from now on; an away owner puts it in the team queue.
        assigneeId: to.presence === 'online' ? to.id : null,
        ownerAway: to.presence !== 'online' && before.status !== 'resolved',
        updatedAt: now,
      };
      await ctx.store.commit([
        { op: 'put', coll: 'conversations', rec: after },
        auditChange(ctx, { actorId: actor.agent.id, action: 'conversation.transfer', targetId: id, before: before.ownerId, after: { ownerId: to.id, note } }),
      ]);
      ctx.feed.publish([topic.conversation(id), topic.queue, topic.customer(before.customerId)]);
      return after;
    },

    'agent.setPresence': async ({ presence }, actor) => {
      const me = actor.agent;
      const changes: Change[] = [];
      let waiting: Conversation[] = [];
      if (presence !== me.presence) {
        changes.push({ op: 'put', coll: 'agents', rec: { ...me, presence } });
        changes.push(auditChange(ctx, { actorId: me.id, action: 'agent.presence', targetId: me.id, before: me.presence, after: presence }));
      }
      if (presence === 'online') {
        waiting = waitingForOwner(ctx.store.all('conversations').values(), me.id);
        const now = ctx.clock.now();
        for (const c of waiting) {
          changes.push({ op: 'put', coll: 'conversations', rec: { ...c, assigneeId: me.id, ownerAway: false, updatedAt: now } });
          changes.push(auditChange(ctx, { actorId: me.id, action: 'conversation.ownerReturned', targetId: c.id, before: c.assigneeId, after: me.id }));
        }
      }
      if (changes.length) await ctx.store.commit(changes);
      ctx.feed.publish(['session', topic.queue, ...waiting.map((c) => topic.conversation(c.id))]);
      return { agent: { id: me.id, name: me.name, role: me.role, presence }, waiting: waiting.map(summary) };
    },

    'owner.waiting': (_input, actor) => waitingForOwner(ctx.store.all('conversations').values(), actor.agent.id).map(summary),
  };
  return { handlers };
}
