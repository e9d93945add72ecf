import { topic } from '../../../shared/contract';
import type { Complaint, ComplaintSubject, Conversation } from '../../../shared/schema';
import { complaintDeadline } from '../../../shared/rules/complaints';
import { suggestSeverity, suggestSubject } from '../../../shared/rules/complaintSeverity';
import { isActive } from '../../../shared/rules/transitions';
import type { CoreContext } from '../context';
import type { Change } from '../store/types';
import { auditChange } from './audit';
import type { ComplaintsIndex } from './complaintsIndex';
import type { MessageIndex } from './messageIndex';
import { inBackground } from '../background';

/** The customer's own words in a conversation (what the severity and subject are suggested from). */
export function customerText(c: Conversation, messages: MessageIndex): string {
  const lines = [c.subject];
  for (const m of messages.messagesOf(c.id)) if (m.author === 'customer') lines.push(m.body);
  return lines.join('\n');
}

/**
 * A new complaint record for a conversation. From the system (a complaint conversation reaching a person) it opens
 * when the conversation's result clock started (the hand-over or reopen), as the conversation's own complaint
 * deadline does; by hand it opens now. The severity is the conversation's; the text's suggestion is kept beside it
 * for a lead to confirm or change.
 */
export function newComplaint(
  ctx: CoreContext,
  c: Conversation,
  text: string,
  by: { createdBy: string; subject?: ComplaintSubject; aboutAgentId?: string | null },
): Complaint {
  const now = ctx.clock.now();
  const openedAt = by.createdBy === 'system' ? Math.min(now, c.resultClockStartedAt ?? c.queuedAt ?? now) : now;
  const suggestion = suggestSeverity(text);
  return {
    id: ctx.newId('cp-'),
    conversationId: c.id,
    customerId: c.customerId,
    aboutAgentId: by.aboutAgentId ?? null,
    subject: by.subject ?? suggestSubject(text),
    severity: c.severity,
    suggestedSeverity: suggestion.severity,
    severitySignals: suggestion.signals,
    severityMatches: suggestion.matches.map((m) => m.slice(0, 60)),
    severityConfirmedBy: null,
    status: 'open',
    openedAt,
    dueAt: complaintDeadline(openedAt, ctx.settings()).dueAt,
    handlerId: null,
    result: '',
    resultAt: null,
    upheld: null,
    closedAt: null,
    escalatedAt: null,
    escalationReason: null,
    escalations: [],
    createdBy: by.createdBy,
    updatedAt: now,
  };
}

/** The audit line of a new record (the fields a lead later sees change). */
export const createdAudit = (ctx: CoreContext, rec: Complaint, actorId: string): Change =>
  auditChange(ctx, {
    actorId,
    action: 'complaint.created',
    targetId: rec.id,
    after: { conversationId: rec.conversationId, subject: rec.subject, severity: rec.severity, suggestedSeverity: rec.suggestedSeverity, severitySignals: rec.severitySignals, dueAt: rec.dueAt, aboutAgentId: rec.aboutAgentId },
  });

/**
 * Every complaint conversation that reaches a person gets its record: a new conversation in category complaint
 * (intake, spool, simulator), one re-categorised to complaint while being worked, and, at start, any active one
 * without a record (a store from before records existed). Like escalation.ts: a commit listener notes the
 * conversations and a microtask creates the missing records in one commit (never commit inside a commit listener);
 * a conversation with any record gets no second one, so replays and repeated commits are idempotent.
 *
 * It also keeps a record's severity in step when the conversation is marked severe (complaint.markSevere).
 */
export function createComplaintRecords(ctx: CoreContext, index: ComplaintsIndex, messages: MessageIndex) {
  const pending = new Set<string>();
  let queued = false;

  const needsRecord = (c: Conversation) => c.category === 'complaint' && isActive(c.status) && !index.hasAny(c.id);
  const needsSevere = (c: Conversation) => c.severity === 'severe' && index.ofConversation(c.id).some((r) => r.status !== 'closed' && r.severity !== 'severe');

  async function flush(): Promise<void> {
    queued = false;
    const ids = [...pending];
    pending.clear();
    const changes: Change[] = [];
    const conversations = new Set<string>();
    const now = ctx.clock.now();
    for (const id of ids) {
      const c = ctx.store.get('conversations', id);
      if (!c) continue;
      if (needsRecord(c)) {
        const rec = newComplaint(ctx, c, customerText(c, messages), { createdBy: 'system' });
        changes.push({ op: 'put', coll: 'complaints', rec }, createdAudit(ctx, rec, 'system'));
        conversations.add(c.id);
      } else if (needsSevere(c)) {
        for (const r of index.ofConversation(c.id)) {
          if (r.status === 'closed' || r.severity === 'severe') continue;
          changes.push(
            { op: 'put', coll: 'complaints', rec: { ...r, severity: 'severe', updatedAt: now } },
            auditChange(ctx, { actorId: 'system', action: 'complaint.severity', targetId: r.id, before: { severity: r.severity }, after: { severity: 'severe', from: 'conversation' } }),
          );
          conversations.add(c.id);
        }
      }
    }
    if (changes.length === 0) return;
    await ctx.store.commit(changes);
    ctx.feed.publish([topic.complaints, ...[...conversations].map((id) => topic.conversation(id))]);
  }

  ctx.store.onCommit((changes) => {
    for (const ch of changes) {
      if (ch.coll !== 'conversations' || ch.op !== 'put') continue;
      if (needsRecord(ch.rec) || needsSevere(ch.rec)) pending.add(ch.rec.id);
    }
    if (pending.size > 0 && !queued) {
      queued = true;
      queueMicrotask(() => inBackground(ctx.log, 'complaints: records of complaint conversations', flush()));
    }
  });

  /**
   * The records an import batch's complaint conversations need, for the batch's own commit (spool/importer.ts): a
   * conversation and its record then arrive together, and the import saves the second commit per batch the
   * listener above would make. The text is what `customerText` reads once the batch is in: the subject, the
   * customer's committed messages, then the batch's own in order.
   */
  function forBatch(batch: readonly Change[]): Change[] {
    const needing = new Map<string, Conversation>();
    for (const ch of batch) if (ch.coll === 'conversations' && ch.op === 'put' && needsRecord(ch.rec)) needing.set(ch.rec.id, ch.rec);
    if (needing.size === 0) return [];
    const batchWords = new Map<string, string[]>();
    for (const ch of batch) {
      if (ch.coll !== 'messages' || ch.op !== 'put' || ch.rec.author !== 'customer' || !needing.has(ch.rec.conversationId)) continue;
      const words = batchWords.get(ch.rec.conversationId);
      if (words) words.push(ch.rec.body);
      else batchWords.set(ch.rec.conversationId, [ch.rec.body]);
    }
    const changes: Change[] = [];
    for (const c of needing.values()) {
      const text = [customerText(c, messages), ...(batchWords.get(c.id) ?? [])].join('\n');
      const rec = newComplaint(ctx, c, text, { createdBy: 'system' });
      changes.push({ op: 'put', coll: 'complaints', rec }, createdAudit(ctx, rec, 'system'));
    }
    return changes;
  }

  // A store from before complaint records: the active complaint conversations get theirs now.
  for (const c of ctx.store.all('conversations').values()) if (needsRecord(c) || needsSevere(c)) pending.add(c.id);
  if (pending.size > 0) inBackground(ctx.log, 'complaints: records at start-up', flush());
  return { forBatch };
}
