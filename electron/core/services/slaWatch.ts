import { shanghaiDate } from '../../../shared/rules/calendar';
import { timeLeft } from '../../../shared/rules/sla';
import { urgencyAt } from '../../../shared/rules/urgency';
import type { CoreContext } from '../context';
import type { Notices } from './notices';
import { LATE_AFTER_MS } from './reminders';
import type { QueueEntry } from './queueIndex';
import { isActive } from '../../../shared/rules/transitions';
import { inBackground } from '../background';

type Kind = 'at_risk' | 'breached';

/** How many conversations one recipient is told about one by one in a single tick; the rest are grouped. */
export const MAX_INDIVIDUAL_PER_TICK = 3;

/** What the watch reads of a queue entry (a queue index entry is one; a changed conversation makes a light one). */
type WatchEntry = Pick<QueueEntry, 'id' | 'dueAt' | 'pausedAt' | 'snoozedUntil' | 'conversation'>;

interface Crossing {
  entry: WatchEntry;
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
  const markKey = (kind: Kind, e: WatchEntry) => `n-${kind}-${e.id}-${e.conversation.slaClockStartedAt ?? e.dueAt}`;

  const recipientOf = (e: WatchEntry) => {
    const id = e.conversation.assigneeId ?? e.conversation.ownerId;
    return id ? { recipientId: id, recipientRole: null } : { recipientId: null, recipientRole: 'lead' as const };
  };
  const recipientKey = (e: WatchEntry) => e.conversation.assigneeId ?? e.conversation.ownerId ?? 'leads';
  const detailOf = (e: WatchEntry) => {
    const name = ctx.store.get('customers', e.conversation.customerId)?.name ?? e.conversation.customerId;
    return `${name} · ${e.conversation.subject}`.slice(0, 500);
  };
  /** A group's detail: the first subjects (the count travels as `count`, so the UI can say it in words). */
  const listOf = (items: Crossing[]) => {
    const shown = items.slice(0, 3).map((c) => c.entry.conversation.subject).join(' · ');
    return `${shown}${items.length > 3 ? ' …' : ''}`.slice(0, 500);
  };

  /** Whether `e` newly crossed a threshold at `now` (marking it as seen). */
  function crossing(e: WatchEntry, now: number, atRiskMinutes: number): Crossing | null {
    if (e.dueAt === null) return null;
    if (e.snoozedUntil !== null && e.snoozedUntil > now) return null; // out of the queue until its reminder
    const u = urgencyAt({ dueAt: e.dueAt, slaPausedAt: e.pausedAt }, now, atRiskMinutes);
    if (u !== 'breached' && u !== 'at_risk') return null;
    const key = markKey(u, e);
    if (seen.has(key)) return null;
    seen.add(key);
    if (u === 'breached') seen.add(markKey('at_risk', e)); // a breach supersedes the warning
    return { entry: e, kind: u, left: timeLeft({ dueAt: e.dueAt, slaPausedAt: e.pausedAt }, now) ?? 0 };
  }

  /**
   * When `e` next needs a look if nothing about it changes: the end of its snooze, its at-risk time or its due time,
   * whichever comes first after `now`; never for a paused clock, nothing owed, or a breach already reached.
   */
  function wakeOf(e: WatchEntry, now: number, atRiskMinutes: number): number {
    if (e.dueAt === null || e.pausedAt !== null) return Infinity;
    if (e.snoozedUntil !== null && e.snoozedUntil > now) return e.snoozedUntil;
    const atRiskAt = e.dueAt - atRiskMinutes * 60_000;
    return now < atRiskAt ? atRiskAt : now < e.dueAt ? e.dueAt : Infinity;
  }

  /**
   * The watch index: each active conversation's next wake time in a min-heap (lazy: an entry whose time no longer
   * matches `wakeAt` is skipped when popped). A tick looks only at conversations whose wake time has come and at
   * those committed since the last tick, not at every active conversation (a scan of 50 000 took ~0.6 s per tick
   * during a spool import). A settings commit (the at-risk window) or a start makes the next tick scan everything.
   */
  const heap: { at: number; id: string }[] = [];
  const wakeAt = new Map<string, number>();
  const changed = new Set<string>();
  let scanAll = true;
  const push = (at: number, id: string) => {
    heap.push({ at, id });
    for (let i = heap.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (heap[up].at <= heap[i].at) break;
      [heap[up], heap[i]] = [heap[i], heap[up]];
      i = up;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l].at < heap[m].at) m = l;
        if (r < heap.length && heap[r].at < heap[m].at) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  const watch = (e: WatchEntry, now: number, atRiskMinutes: number) => {
    const at = wakeOf(e, now, atRiskMinutes);
    if (at === Infinity) wakeAt.delete(e.id);
    else if (wakeAt.get(e.id) !== at) {
      wakeAt.set(e.id, at);
      push(at, e.id);
    }
  };
  /**
   * The active entry of a conversation, with the fields the queue index's entry would have (null: not in the
   * queue). Not the index's full entry: its sort key and lower-cased search text cost more than the whole look
   * (a spool import changes ~1 000 conversations per batch).
   */
  const entryById = (id: string): WatchEntry | null => {
    const c = ctx.store.get('conversations', id);
    return c && isActive(c.status) ? { id: c.id, dueAt: c.dueAt, pausedAt: c.slaPausedAt, snoozedUntil: c.snoozedUntil, conversation: c } : null;
  };
  ctx.store.onCommit((changes) => {
    for (const ch of changes) {
      if (ch.coll === 'conversations') changed.add(ch.op === 'put' ? ch.rec.id : ch.id);
      else if (ch.coll === 'settings') scanAll = true;
    }
  });

  /** Conversations that newly crossed a threshold at `now` (marking them as seen). */
  function crossings(now: number): Crossing[] {
    const atRiskMinutes = ctx.settings().atRiskMinutes;
    const out: Crossing[] = [];
    const look = (e: WatchEntry) => {
      const c = crossing(e, now, atRiskMinutes);
      if (c) out.push(c);
      watch(e, now, atRiskMinutes);
    };
    if (scanAll) {
      scanAll = false;
      changed.clear();
      heap.length = 0;
      wakeAt.clear();
      for (const e of entries()) look(e);
      return out;
    }
    const due = new Set(changed);
    changed.clear();
    while (heap.length > 0 && heap[0].at <= now) {
      const { at, id } = pop();
      if (wakeAt.get(id) === at) due.add(id);
    }
    for (const id of due) {
      wakeAt.delete(id);
      const e = entryById(id);
      if (e) look(e);
    }
    // Superseded heap items are skipped when popped; when they outnumber the live ones, drop them all at once.
    if (heap.length > 2 * wakeAt.size + 1024) {
      heap.length = 0;
      for (const [id, at] of wakeAt) push(at, id);
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

  async function startUp(now: number): Promise<void> {
    const groups = byRecipientAndKind(crossings(now));
    const day = shanghaiDate(now);
    for (const [k, items] of groups) {
      const [kind, who] = k.split('|') as [Kind, string];
      await notices.raise({
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

  // The start-up check waits for the first page (~0.1–0.2 s at 50 000 active conversations), and looks at the state
  // as of the start; a tick before it ran waits for it, so the check still sees every conversation first.
  const openedAt = ctx.clock.now();
  const started = ctx.afterFirstPage.then(() => startUp(openedAt));

  async function tick(now: number): Promise<void> {
    await started.catch(() => undefined); // its failure is logged below
    const found = crossings(now);
    if (!found.length) return;
    for (const [k, items] of byRecipientAndKind(found)) {
      const [kind, who] = k.split('|') as [Kind, string];
      const individual = items.length > MAX_INDIVIDUAL_PER_TICK + 1 ? items.slice(0, MAX_INDIVIDUAL_PER_TICK) : items;
      for (const c of individual) {
        await notices.raise({ id: markKey(kind, c.entry), kind, conversationId: c.entry.id, ...recipientOf(c.entry), detail: detailOf(c.entry) });
      }
      const rest = items.slice(individual.length);
      if (rest.length) {
        await notices.raise({ id: `n-${kind}-group-${who}-${now}`, kind, conversationId: rest[0].entry.id, ...recipientOf(rest[0].entry), detail: listOf(rest), count: rest.length });
      }
    }
    ctx.log('info', `sla: ${found.length} conversations crossed a threshold`);
  }

  inBackground(ctx.log, 'sla: start-up check', started);
  const off = ctx.ticker.onTick(tick);
  return { tick, stop: off };
}
