import { CoreError, topic } from '../../../shared/contract';
import { COMPLAINT_BUCKETS, applyComplaintUpdate, bucketOf, sortForLead, type ComplaintBucket, type ComplaintPatch } from '../../../shared/rules/complaints';
import { mayChange } from '../../../shared/rules/ownership';
import { isActive } from '../../../shared/rules/transitions';
import type { Agent, Complaint, Conversation } from '../../../shared/schema';
import type { Actor, CoreContext, HandlerSlice } from '../context';
import type { Change } from '../store/types';
import { auditChange } from './audit';
import { createComplaintsIndex } from './complaintsIndex';
import { createComplaintRecords, createdAudit, customerText, newComplaint } from './complaintsRecords';
import { viewOf, stepsOf } from './complaintsView';
import { createComplaintsWatch } from './complaintsWatch';
import type { createEscalation } from './escalation';
import type { MessageIndex } from './messageIndex';
import type { Notices } from './notices';

type Escalation = ReturnType<typeof createEscalation>;
type Calls = 'complaints.list' | 'complaints.get' | 'complaints.ofConversation' | 'complaints.update' | 'complaints.setSeverity' | 'complaints.create';

/** The fields of an update that a lead changed, before and after (for the audit line). */
const EDITABLE = ['status', 'handlerId', 'result', 'upheld', 'subject', 'aboutAgentId', 'resultAt', 'closedAt'] as const;
function diff(before: Complaint, after: Complaint): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of EDITABLE) {
    if (before[k] === after[k]) continue;
    b[k] = before[k];
    a[k] = after[k];
  }
  return Object.keys(a).length > 0 ? { before: b, after: a } : null;
}

/**
 * Complaints as first-class records (issue 12, docs/rules.md "Complaints"): created for every complaint
 * conversation that reaches a person (complaintsRecords.ts) or by hand, stepped by a lead (every step audited with
 * before/after in the same commit), escalated to the leads when severe, due soon or overdue (complaintsWatch.ts).
 * Leads see them all; an agent sees the complaints of conversations they own or work, and those about them.
 */
export function createComplaints(ctx: CoreContext, notices: Notices, escalation: Escalation, messages: MessageIndex) {
  const index = createComplaintsIndex(ctx.store);
  const records = createComplaintRecords(ctx, index, messages);
  createComplaintsWatch(ctx, notices);

  const mustGet = (id: string): Complaint => {
    const c = ctx.store.get('complaints', id);
    if (!c) throw new CoreError('not_found', `No complaint ${id}`);
    return c;
  };
  const mustConversation = (id: string): Conversation => {
    const c = ctx.store.get('conversations', id);
    if (!c) throw new CoreError('not_found', `No conversation ${id}`);
    return c;
  };
  /** Lead: any. Agent: the conversation is theirs (owner or assignee), or the complaint is about them. */
  const maySee = (agent: Agent, c: Complaint | null, conversation: Conversation | undefined) =>
    agent.role === 'lead' || (agent.role === 'agent' && (c?.aboutAgentId === agent.id || conversation?.ownerId === agent.id || conversation?.assigneeId === agent.id));
  const refuse = (what: string): never => {
    throw new CoreError('forbidden', `Not your complaint: ${what}`, undefined, { code: 'not_yours' });
  };
  /** A handler or the agent a complaint is about: an enabled agent or lead. */
  const checkPerson = (id: string | null | undefined, field: string) => {
    if (id === null || id === undefined) return;
    const a = ctx.store.get('agents', id);
    if (!a || a.disabled || a.role === 'trainee') {
      throw new CoreError('validation', `${field}: ${id} is not an enabled agent or lead`, [`${field}: not an enabled agent or lead`], { code: 'complaint_person' });
    }
  };
  const commit = async (changes: Change[], c: Complaint) => {
    await ctx.store.commit(changes);
    ctx.feed.publish([topic.complaints, topic.conversation(c.conversationId)]);
  };
  const view = (c: Complaint) => viewOf(ctx.store, c, ctx.clock.now());

  const handlers: HandlerSlice<Calls> = {
    'complaints.list': ({ bucket, severity, status, q, limit }) => {
      const now = ctx.clock.now();
      const needle = q?.toLowerCase() ?? '';
      const counts = Object.fromEntries(COMPLAINT_BUCKETS.map((b) => [b, 0])) as Record<ComplaintBucket, number>;
      const matched: Complaint[] = [];
      for (const c of ctx.store.all('complaints').values()) {
        if (severity && c.severity !== severity) continue;
        if (status && c.status !== status) continue;
        if (needle) {
          const customer = ctx.store.get('customers', c.customerId)?.name ?? '';
          const subject = ctx.store.get('conversations', c.conversationId)?.subject ?? '';
          const hay = `${customer}\n${subject}\n${c.id}\n${c.conversationId}\n${c.result}`.toLowerCase();
          if (!hay.includes(needle)) continue;
        }
        const b = bucketOf(c, now);
        counts[b]++;
        if (!bucket || b === bucket) matched.push(c);
      }
      const handlersList = [...ctx.store.all('agents').values()]
        .filter((a) => !a.disabled && a.role !== 'trainee')
        .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name, 'zh-CN') : a.role === 'lead' ? -1 : 1))
        .map((a) => ({ id: a.id, name: a.name, role: a.role }));
      return { items: sortForLead(matched, now).slice(0, limit).map((c) => viewOf(ctx.store, c, now)), total: matched.length, counts, handlers: handlersList };
    },

    'complaints.get': ({ id }, actor) => {
      const c = mustGet(id);
      if (!maySee(actor.agent, c, ctx.store.get('conversations', c.conversationId))) refuse(id);
      return { complaint: view(c), steps: stepsOf(ctx.store, index.stepsOf(id)) };
    },

    'complaints.ofConversation': ({ conversationId }, actor) => {
      const conversation = mustConversation(conversationId);
      const list = index.ofConversation(conversationId).filter((c) => maySee(actor.agent, c, conversation));
      if (list.length === 0 && !maySee(actor.agent, null, conversation) && index.hasAny(conversationId)) refuse(conversationId);
      return list.sort((a, b) => b.openedAt - a.openedAt || (a.id < b.id ? 1 : -1)).map(view);
    },

    'complaints.update': async ({ id, ...patch }, actor) => {
      const before = mustGet(id);
      checkPerson(patch.handlerId, 'handlerId');
      checkPerson(patch.aboutAgentId, 'aboutAgentId');
      const now = ctx.clock.now();
      const r = applyComplaintUpdate(before, patch as ComplaintPatch, now);
      if (!r.ok) {
        const p = r.problem;
        if (p.code === 'complaint_result_needed') throw new CoreError('validation', 'A result needs its text and upheld yes/no', ['result: needed with upheld'], { code: p.code });
        throw new CoreError('conflict', `Complaint ${id}: ${p.code}`, undefined, 'params' in p ? { code: p.code, params: p.params } : { code: p.code });
      }
      let after = r.next;
      // Whoever takes a step on a complaint nobody handles yet becomes its handler.
      if (after.status !== before.status && after.handlerId === null && patch.handlerId === undefined) after = { ...after, handlerId: actor.agent.id };
      const d = diff(before, after);
      if (!d) return view(before);
      const action = after.status !== before.status ? `complaint.${after.status}` : 'complaint.update';
      await commit([{ op: 'put', coll: 'complaints', rec: after }, auditChange(ctx, { actorId: actor.agent.id, action, targetId: id, ...d })], after);
      return view(after);
    },

    'complaints.setSeverity': async ({ id, severity }, actor) => {
      const before = mustGet(id);
      if (before.status === 'closed') throw new CoreError('conflict', `Complaint ${id} is closed`, undefined, { code: 'complaint_closed' });
      const now = ctx.clock.now();
      const after: Complaint = { ...before, severity, severityConfirmedBy: actor.agent.id, updatedAt: now };
      const changes: Change[] = [
        { op: 'put', coll: 'complaints', rec: after },
        auditChange(ctx, {
          actorId: actor.agent.id,
          action: 'complaint.severity',
          targetId: id,
          before: { severity: before.severity, severityConfirmedBy: before.severityConfirmedBy },
          after: { severity, severityConfirmedBy: actor.agent.id, suggestedSeverity: before.suggestedSeverity },
        }),
      ];
      const conversation = ctx.store.get('conversations', before.conversationId);
      // A lead who says "normal" takes a severe conversation out of the top of every queue (its escalation stays in history).
      if (severity === 'normal' && conversation?.severity === 'severe') {
        changes.push(
          { op: 'put', coll: 'conversations', rec: { ...conversation, severity: 'normal', updatedAt: now } },
          auditChange(ctx, { actorId: actor.agent.id, action: 'conversation.severity', targetId: conversation.id, before: { severity: 'severe' }, after: { severity: 'normal' } }),
        );
      }
      await commit(changes, after);
      if (severity === 'normal' && conversation?.severity === 'severe') ctx.feed.publish([topic.queue]);
      // Severe: the existing escalation marks the conversation severe, tells the leads and the desktop (once).
      if (severity === 'severe' && conversation && isActive(conversation.status) && !(conversation.severity === 'severe' && conversation.escalatedAt !== null)) {
        await escalation.escalate(ctx.store.get('conversations', conversation.id) ?? conversation, actor.agent.id);
      }
      return view(ctx.store.get('complaints', id) ?? after);
    },

    'complaints.create': async ({ conversationId, subject, aboutAgentId }, actor: Actor) => {
      const conversation = mustConversation(conversationId);
      if (!mayChange(actor.agent, conversation)) throw new CoreError('forbidden', `Conversation ${conversationId} is not yours`, undefined, { code: 'not_assigned' });
      if (index.ofConversation(conversationId).some((c) => c.status !== 'closed')) {
        throw new CoreError('conflict', `Conversation ${conversationId} already has an open complaint`, undefined, { code: 'complaint_exists' });
      }
      checkPerson(aboutAgentId, 'aboutAgentId');
      const rec = newComplaint(ctx, conversation, customerText(conversation, messages), { createdBy: actor.agent.id, subject, aboutAgentId });
      await commit([{ op: 'put', coll: 'complaints', rec }, createdAudit(ctx, rec, actor.agent.id)], rec);
      return view(rec);
    },
  };
  return { handlers, recordsForBatch: records.forBatch };
}
