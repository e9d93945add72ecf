import { shanghaiDate } from '../../../shared/rules/calendar';
import { timeLeft } from '../../../shared/rules/sla';
import { urgencyAt } from '../../../shared/rules/urgency';
import type { CoreContext } from '../context';
import type { Notices } from './notices';
import { LATE_AFTER_MS } from './reminders';
import type { QueueEntry } from './queueIndex';

type Kind = 'at_risk' | 'breached';

/** How many conversations one recipient is told about one by one in a single tick; the rest are grouped. */
export const MAX_INDIVIDUAL_PER_TICK = 3;

interface Crossing {
  entry: QueueEntry;
  kind: Kind;
  left: number;
}

/**
 * Warnings before and at breach: on every tick, conversations that crossed the at-risk window or their due time
 * raise a notice (in-app + desktop), once per conversation per threshold per clock (the notice id is
 * `n-<kind>-<conversation>-<clock start>`, so restarts and pauses never repeat it).
 *
 * Flood policy:
 * - Start-up: conversations already past a threshold when the core starts are marked silently; each recipient gets
 *   one summary notice per kind per day ("already breached: …", `late`), present before any window loads, so the
 *   renderer does not turn them into desktop notifications.
 * - A tick where one recipient crosses more than MAX_INDIVIDUAL_PER_TICK conversations of one kind (a clock jump,
 *   a machine waking up): the most urgent ones are notified one by one and the rest in one grouped notice.
 * Recipient: the assignee, else the owner, else every lead (unassigned work is the leads' to watch).
 */
export function createSlaWatch(ctx: CoreContext, notices: Notices, entries: () => Iterable<QueueEntry>) {
  const seen = new Set<string>();
  const markKey = (kind: Kind, e: QueueEntry) => `n-${kind}-${e.id}-${e.conversation.slaClockStartedAt ?? e.dueAt}`;

  const recipientOf = (e: QueueEntry) => {
    const id = e.conversation.assigneeId ?? e.conversation.ownerId;
    return id ? { recipientId: id, recipientRole: null } : { recipientId: null, recipientRole: 'lead' as const };
  };
  const recipientKey = (e: QueueEntry) => e.conversation.assigneeId ?? e.conversation.ownerId ?? 'leads';
  const detailOf = (e: QueueEntry) => {
    const name = ctx.store.get('customers', e.conversation.customerId)?.name ?? e.conversation.customerId;
    return `${name} · ${e.conversation.subject}`.slice(0, 500);
  };
  /** A group's detail: the first subjects (the count travels as `count`, so the UI can say it in words). */
  const listOf = (items: Crossing[]) => {
    const shown = items.slice(0, 3).map((c) => c.entry.conversation.subject).join(' · ');
    return `${shown}${items.length > 3 ? ' …' : ''}`.slice(0, 500);
  };

  /** Conversations that newly crossed a threshold at `now` (marking them as seen). */
  function crossings(now: number): Crossing[] {
    const atRiskMinutes = ctx.settings().atRiskMinutes;
    const out: Crossing[] = [];
    for (const e of entries()) {
      if (e.dueAt === null) continue;
      if (e.snoozedUntil !== null && e.snoozedUntil > now) continue; // out of the queue until its reminder
      const u = urgencyAt({ dueAt: e.dueAt, slaPausedAt: e.pausedAt }, now, atRiskMinutes);
      if (u !== 'breached' && u !== 'at_risk') continue;
      const key = markKey(u, e);
      if (seen.has(key)) continue;
      seen.add(key);
      if (u === 'breached') seen.add(markKey('at_risk', e)); // a breach supersedes the warning
      out.push({ entry: e, kind: u, left: timeLeft({ dueAt: e.dueAt, slaPausedAt: e.pausedAt }, now) ?? 0 });
    }
    return out;
  }

  const byRecipientAndKind = (list: Crossing[]) => {
    const groups = new Map<string, Crossing[]>();
    for (const c of list) {
      const k = `${c.kind}|${recipientKey(c.entry)}`;
      const g = groups.get(k);
      if (g) g.push(c);
      else groups.set(k, [c]);
    }
    for (const g of groups.values()) g.sort((a, b) => a.left - b.left || (a.entry.id < b.entry.id ? -1 : 1));
    return groups;
  };

  /**
   * `late` means "fell due while the app was not running", as for reminders: the store existed before this start
   * (a store seeded just now was never closed with anything pending) and a threshold in the group was crossed more
   * than one tick before start-up (a tick would have raised it had the app been running).
   */
  const existedBefore = !ctx.store.isNew;
  const crossedAt = (c: Crossing) => (c.kind === 'breached' ? c.entry.dueAt! : c.entry.dueAt! - ctx.settings().atRiskMinutes * 60_000);

  function startUp(now: number): void {
    const groups = byRecipientAndKind(crossings(now));
    const day = shanghaiDate(now);
    for (const [k, items] of groups) {
      const [kind, who] = k.split('|') as [Kind, string];
      notices.raise({
        id: `n-${kind}-summary-${who}-${day}`,
        kind,
        conversationId: items[0].entry.id,
        ...recipientOf(items[0].entry),
        detail: listOf(items),
        count: items.length,
        late: existedBefore && items.some((c) => crossedAt(c) < now - LATE_AFTER_MS),
      });
    }
    let total = 0;
    for (const g of groups.values()) total += g.length;
    if (total) ctx.log('info', `sla: ${total} conversations already past a threshold at start-up; ${groups.size} summary notices, no desktop burst`);
  }

  function tick(now: number): void {
    const found = crossings(now);
    if (!found.length) return;
    for (const [k, items] of byRecipientAndKind(found)) {
      const [kind, who] = k.split('|') as [Kind, string];
      const individual = items.length > MAX_INDIVIDUAL_PER_TICK + 1 ? items.slice(0, MAX_INDIVIDUAL_PER_TICK) : items;
      for (const c of individual) {
        notices.raise({ id: markKey(kind, c.entry), kind, conversationId: c.entry.id, ...recipientOf(c.entry), detail: detailOf(c.entry) });
      }
      const rest = items.slice(individual.length);
      if (rest.length) {
        notices.raise({ id: `n-${kind}-group-${who}-${now}`, kind, conversationId: rest[0].entry.id, ...recipientOf(rest[0].entry), detail: listOf(rest), count: rest.length });
      }
    }
    ctx.log('info', `sla: ${found.length} conversations crossed a threshold`);
  }

  startUp(ctx.clock.now());
  const off = ctx.ticker.onTick(tick);
  return { tick, stop: off };
}
