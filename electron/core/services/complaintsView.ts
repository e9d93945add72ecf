import type { ComplaintStep, ComplaintView } from '../../../shared/contract/complaints';
import type { AuditEvent, Complaint } from '../../../shared/schema';
import { bucketOf, dueSoonAt, escalationReasons, workingDaysLeft } from '../../../shared/rules/complaints';
import type { Store } from '../store/types';

const nameOf = (store: Store, id: string | null) => (id ? (store.get('agents', id)?.name ?? id) : null);

/** A complaint as the UI shows it at `now`: where it stands (bucket, working days left, reasons) and its names. */
export function viewOf(store: Store, c: Complaint, now: number): ComplaintView {
  const conversation = store.get('conversations', c.conversationId);
  return {
    ...c,
    bucket: bucketOf(c, now),
    workingDaysLeft: c.status === 'closed' ? null : workingDaysLeft(c.dueAt, now),
    dueSoonAt: dueSoonAt(c),
    reasons: escalationReasons(c, now),
    customerName: store.get('customers', c.customerId)?.name ?? c.customerId,
    conversationSubject: conversation?.subject ?? '',
    conversationStatus: conversation?.status ?? 'closed',
    aboutAgentName: nameOf(store, c.aboutAgentId),
    handlerName: nameOf(store, c.handlerId),
  };
}

const objectOrNull = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** A complaint's audited steps for the UI, oldest first. */
export function stepsOf(store: Store, lines: readonly AuditEvent[]): ComplaintStep[] {
  return lines.map((a) => ({
    at: a.at,
    actorId: a.actorId,
    actorName: a.actorId === 'system' ? 'system' : (nameOf(store, a.actorId) ?? a.actorId),
    action: a.action,
    before: objectOrNull(a.before),
    after: objectOrNull(a.after),
  }));
}
