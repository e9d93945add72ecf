import { topic } from '../../../shared/contract';
import type { Complaint, ComplaintEscalationReason, NoticeKind } from '../../../shared/schema';
import { escalationReasons, nextWakeAt } from '../../../shared/rules/complaints';
import type { CoreContext } from '../context';
import type { Change } from '../store/types';
import { auditChange } from './audit';
import type { Notices } from './notices';
import { inBackground } from '../background';

const KIND: Record<ComplaintEscalationReason, NoticeKind> = {
  severe: 'complaint_severe',
  due_soon: 'complaint_due_soon',
  overdue: 'complaint_overdue',
};

/** How many complaints of one reason the leads are told about one by one in a single pass; the rest are grouped. */
export const MAX_INDIVIDUAL_PER_PASS = 3;

/**
 * Complaint escalation (docs/rules.md "Complaints"): a complaint that is severe (or suggested severe and not yet
 * confirmed), due soon (two working days or fewer left) or overdue is escalated to the leads once per complaint and
 * reason: the reason is stamped on the record (`escalations`, audited in the same commit) and the leads get a
 * notice (in-app + desktop), whose id `n-complaint-<reason>-<complaint>` makes it once across restarts too.
 *
 * A severe complaint whose conversation escalation.ts already escalated (the lead confirmed it, an agent marked it
 * severe) gets no second notice: that escalation told the leads. Severity is event-driven (checked in a microtask
 * after each complaint commit); due soon and overdue are time-driven: on the core's ticker, which fires at once on
 * a manual clock's move, waking only when some complaint's next threshold (`nextWakeAt`) has come.
 * A pass that finds more than MAX_INDIVIDUAL_PER_PASS of one reason (a clock jump, a machine waking up) tells the
 * first ones one by one and the rest in one grouped notice.
 */
export function createComplaintsWatch(ctx: CoreContext, notices: Notices) {
  const wake = new Map<string, number>();
  const dirty = new Set<string>();
  let queued = false;

  const track = (c: Complaint, now: number) => {
    const at = nextWakeAt(c, now);
    if (at === Infinity) wake.delete(c.id);
    else wake.set(c.id, at);
  };

  async function check(ids: Iterable<string>, now: number): Promise<void> {
    const changes: Change[] = [];
    const raised: { reason: ComplaintEscalationReason; c: Complaint }[] = [];
    for (const id of ids) {
      const c = ctx.store.get('complaints', id);
      if (!c) {
        wake.delete(id);
        continue;
      }
      track(c, now);
      const had = new Set(c.escalations.map((e) => e.reason));
      const fresh = escalationReasons(c, now).filter((r) => !had.has(r));
      if (fresh.length === 0) continue;
      const conversation = ctx.store.get('conversations', c.conversationId);
      const escalations = [...c.escalations];
      for (const reason of fresh) {
        // Severe and the conversation escalated: its own notice said so (escalation.ts); record it, tell nobody twice.
        const told = reason === 'severe' && c.severity === 'severe' && conversation?.escalatedAt != null;
        escalations.push({ reason, at: told ? Math.min(now, conversation!.escalatedAt!) : now });
        if (!told) raised.push({ reason, c });
      }
      const next: Complaint = { ...c, escalations, escalatedAt: c.escalatedAt ?? now, escalationReason: c.escalationReason ?? fresh[0], updatedAt: now };
      changes.push(
        { op: 'put', coll: 'complaints', rec: next },
        auditChange(ctx, { actorId: 'system', action: 'complaint.escalated', targetId: c.id, before: { escalations: c.escalations.map((e) => e.reason) }, after: { escalations: escalations.map((e) => e.reason), reasons: fresh } }),
      );
    }
    if (changes.length === 0) return;
    await ctx.store.commit(changes);
    await notify(raised);
    ctx.feed.publish([topic.complaints]);
  }

  async function notify(raised: { reason: ComplaintEscalationReason; c: Complaint }[]): Promise<void> {
    const byReason = new Map<ComplaintEscalationReason, Complaint[]>();
    for (const { reason, c } of raised) byReason.set(reason, [...(byReason.get(reason) ?? []), c]);
    for (const [reason, list] of byReason) {
      list.sort((a, b) => a.dueAt - b.dueAt);
      for (const c of list.slice(0, MAX_INDIVIDUAL_PER_PASS)) {
        await notices.raise({ id: `n-complaint-${reason}-${c.id}`, kind: KIND[reason], conversationId: c.conversationId, recipientId: null, recipientRole: 'lead', detail: detailOf(c) });
      }
      const rest = list.slice(MAX_INDIVIDUAL_PER_PASS);
      if (rest.length > 0) {
        const shown = rest.slice(0, 3).map(detailOf).join(' · ');
        await notices.raise({
          id: `n-complaint-${reason}-group-${ctx.clock.now()}-${rest[0].id}`,
          kind: KIND[reason],
          conversationId: null,
          recipientId: null,
          recipientRole: 'lead',
          count: rest.length,
          detail: `${shown}${rest.length > 3 ? ' …' : ''}`.slice(0, 500),
        });
      }
    }
  }

  const detailOf = (c: Complaint) => {
    const name = ctx.store.get('customers', c.customerId)?.name ?? c.customerId;
    const subject = ctx.store.get('conversations', c.conversationId)?.subject ?? c.conversationId;
    return `${name} · ${subject}`.slice(0, 160);
  };

  const flush = async () => {
    queued = false;
    const ids = [...dirty];
    dirty.clear();
    await check(ids, ctx.clock.now());
  };
  ctx.store.onCommit((changes) => {
    for (const ch of changes) if (ch.coll === 'complaints') dirty.add(ch.op === 'put' ? ch.rec.id : ch.id);
    if (dirty.size > 0 && !queued) {
      queued = true;
      queueMicrotask(() => inBackground(ctx.log, 'complaints: escalation check', flush())); // never commit from inside another commit's listener
    }
  });

  ctx.ticker.onTick(async (now) => {
    const due: string[] = [];
    for (const [id, at] of wake) if (at <= now) due.push(id);
    if (due.length > 0) await check(due, now);
  });

  // Start: every complaint not closed is looked at once (a threshold crossed while the app was closed escalates now).
  const open: string[] = [];
  for (const c of ctx.store.all('complaints').values()) if (c.status !== 'closed') open.push(c.id);
  inBackground(ctx.log, 'complaints: start-up escalation check', check(open, ctx.clock.now()));
}
