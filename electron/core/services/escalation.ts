import { CoreError, topic } from '../../../shared/contract';
import type { Conversation } from '../../../shared/schema';
import { isActive } from '../../../shared/rules/transitions';
import type { CoreContext, HandlerSlice } from '../context';
import type { Change } from '../store/types';
import { auditChange } from './audit';
import type { Notices } from './notices';
import { inBackground } from '../background';

/**
 * Severe complaints are handled with more force: escalation stamps `escalatedAt`, writes the audit line in the same
 * commit, and notifies every lead (notice `n-escalated-<id>`, raised once). The queue comparator puts severe
 * complaints at the top of every view, and a lead's filters never hide them.
 */
export function createEscalation(ctx: CoreContext, notices: Notices) {
  const notifyLeads = async (c: Conversation) => {
    const name = ctx.store.get('customers', c.customerId)?.name ?? c.customerId;
    await notices.raise({ id: `n-escalated-${c.id}`, kind: 'escalated', conversationId: c.id, recipientId: null, recipientRole: 'lead', detail: `${name} · ${c.subject}`.slice(0, 500) });
  };

  async function escalate(c: Conversation, actorId: string, extra: Change[] = []): Promise<Conversation> {
    const now = ctx.clock.now();
    const after: Conversation = { ...c, severity: 'severe', escalatedAt: c.escalatedAt ?? now, updatedAt: now };
    await ctx.store.commit([
      { op: 'put', coll: 'conversations', rec: after },
      ...extra,
      auditChange(ctx, { actorId, action: 'conversation.escalated', targetId: c.id, before: { severity: c.severity, escalatedAt: c.escalatedAt }, after: { severity: 'severe', escalatedAt: after.escalatedAt } }),
    ]);
    await notifyLeads(after);
    ctx.feed.publish([topic.queue, topic.conversation(c.id)]);
    ctx.log('info', `escalated severe complaint ${c.id} (by ${actorId})`);
    return after;
  }

  /** Severe complaints that reached the store without an escalation (any writer): escalate them once, soon. */
  let sweepQueued = false;
  const sweep = async () => {
    sweepQueued = false;
    for (const c of ctx.store.all('conversations').values()) {
      if (c.severity === 'severe' && c.escalatedAt === null && isActive(c.status)) await escalate(c, 'system');
    }
  };
  ctx.store.onCommit((changes) => {
    if (sweepQueued) return;
    if (changes.some((ch) => ch.coll === 'conversations' && ch.op === 'put' && ch.rec.severity === 'severe' && ch.rec.escalatedAt === null && isActive(ch.rec.status))) {
      sweepQueued = true;
      queueMicrotask(() => inBackground(ctx.log, 'escalation sweep', sweep())); // never commit from inside another commit's listener
    }
  });
  inBackground(ctx.log, 'escalation sweep at start-up', sweep());

  const handlers: HandlerSlice<'complaint.markSevere'> = {
    'complaint.markSevere': async ({ id }, actor) => {
      const c = ctx.store.get('conversations', id);
      if (!c) throw new CoreError('not_found', `No conversation ${id}`);
      if (c.category !== 'complaint') throw new CoreError('conflict', `Conversation ${id} is not a complaint`, undefined, { code: 'not_complaint' });
      if (!isActive(c.status)) throw new CoreError('conflict', `Conversation ${id} is not active`, undefined, { code: 'not_active' });
      if (c.severity === 'severe' && c.escalatedAt !== null) return { id, escalatedAt: c.escalatedAt };
      const after = await escalate(c, actor.agent.id);
      return { id, escalatedAt: after.escalatedAt as number };
    },
  };
  return { handlers, escalate };
}
