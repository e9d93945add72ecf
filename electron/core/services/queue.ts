import { topic } from '../../../shared/contract';
import type { QueueCounts, QueueRowItem } from '../../../shared/contract/queue';
import type { Agent, Conversation, QueueFilter } from '../../../shared/schema';
import { QueueFilter as QueueFilterSchema } from '../../../shared/schema/savedView';
import { matchesFilter, normaliseText } from '../../../shared/rules/queueFilter';
import { isActive } from '../../../shared/rules/transitions';
import { urgencyAt } from '../../../shared/rules/urgency';
import { dueClock, owedTier } from '../../../shared/rules/sla';
import type { CoreContext, HandlerSlice } from '../context';
import { calendarFallbackYears } from './calendarFlags';
import { entryOf, QueueIndex, type QueueEntry } from './queueIndex';

const DEFAULT_FILTER: QueueFilter = QueueFilterSchema.parse({});
const CACHE_SIZE = 8;

/**
 * The human queue: active conversations in the one documented order (shared/rules/priority.ts), kept on
 * precomputed keys and re-placed by binary search as conversations change. Callers get filtered pages and a
 * version number, never the whole queue; the `queue` topic tells renderers to refetch the pages they show.
 */
export function createQueue(ctx: CoreContext) {
  const index = new QueueIndex();
  let dirty = true;
  let version = 1;
  const cache = new Map<string, QueueEntry[]>();

  const customerName = (c: Conversation) => ctx.store.get('customers', c.customerId)?.name ?? c.customerId;
  /**
   * Each customer's conversations in the index: a customer's new name (the only customer field a row's entry holds,
   * in its filter text) re-places just those entries. A spool batch touches customers in every batch (new
   * conversations, profile updates), and a full rebuild per batch cost ~0.5 s of CPU at 50 000 conversations on the
   * next page request of every open window.
   */
  const activeOf = new Map<string, Set<string>>();
  /** The name each customer's entries were built with: a batch that changes only a tier re-places nothing. */
  const nameUsed = new Map<string, string>();
  const track = (c: Conversation, active: boolean, name?: string) => {
    let set = activeOf.get(c.customerId);
    if (active) {
      if (!set) activeOf.set(c.customerId, (set = new Set()));
      set.add(c.id);
      nameUsed.set(c.customerId, name ?? customerName(c));
    } else if (set) {
      set.delete(c.id);
      if (set.size === 0) activeOf.delete(c.customerId);
    }
  };
  /**
   * Whether activeOf and nameUsed hold the index's entries. Filled from the index when a commit first needs them, not
   * by the rebuild: at 50 000 conversations the per-customer sets cost ~60–90 ms of the start, before the first queue
   * page, and most commits (a sign-in, a draft) need neither.
   */
  let tracked = false;
  const ensureTracked = () => {
    if (tracked || dirty) return;
    for (const e of index.entries()) track(e.conversation, true, e.customerName);
    tracked = true;
  };
  // Filled once the first page is out, so that the agent's first reply does not pay for it either.
  void ctx.afterFirstPage.then(() => setImmediate(ensureTracked));
  const rebuild = () => {
    const entries: QueueEntry[] = [];
    activeOf.clear();
    nameUsed.clear();
    tracked = false;
    for (const c of ctx.store.all('conversations').values()) {
      if (!isActive(c.status)) continue;
      entries.push(entryOf(c, customerName(c)));
    }
    index.rebuild(entries);
    dirty = false;
  };
  const fresh = () => {
    if (dirty) rebuild();
    return index;
  };
  const bump = () => {
    version++;
    cache.clear();
  };

  ctx.store.onCommit((changes) => {
    if (!tracked && !dirty && changes.some((ch) => ch.coll === 'customers' || ch.coll === 'conversations')) ensureTracked();
    let touched = false;
    // Renamed customers first: a conversation of this same commit records the new name as it is placed.
    const renamed = new Set<string>();
    for (const ch of changes) {
      if (ch.coll === 'customers' && ch.op === 'put' && activeOf.has(ch.rec.id) && nameUsed.get(ch.rec.id) !== ch.rec.name) renamed.add(ch.rec.id);
    }
    for (const ch of changes) {
      if (ch.coll === 'agents') {
        touched = true; // owner names are read when a row is shown, not kept in the index: only cached pages go
      } else if (ch.coll === 'customers') {
        touched = true;
        if (ch.op === 'del') dirty = true; // a customer erased (data request): rare, rebuild
        // (a put was seen above: re-placed below only when the name changed)
      } else if (ch.coll === 'conversations' && !dirty) {
        touched = true;
        if (ch.op === 'del') {
          const was = ctx.store.get('conversations', ch.id);
          index.remove(ch.id);
          if (was) track(was, false);
        } else if (isActive(ch.rec.status)) {
          const name = customerName(ch.rec); // one look-up for the entry and the name it was built with
          index.upsert(entryOf(ch.rec, name, index.get(ch.rec.id)));
          track(ch.rec, true, name);
        } else {
          index.remove(ch.rec.id);
          track(ch.rec, false);
        }
      } else if (ch.coll === 'conversations') touched = true;
    }
    // After the conversations of this commit are placed: their customers' entries take the committed name.
    if (!dirty) {
      for (const customerId of renamed) {
        for (const id of activeOf.get(customerId) ?? []) {
          const c = ctx.store.get('conversations', id);
          if (c && isActive(c.status)) index.upsert(entryOf(c, customerName(c), index.get(c.id)));
          nameUsed.set(customerId, ctx.store.get('customers', customerId)?.name ?? customerId);
        }
      }
    }
    if (touched) bump();
  });
  // Time moves the order (running clocks pass paused ones) and the breached/at-risk filters.
  ctx.ticker.onTick(() => {
    bump();
    ctx.feed.publish([topic.queue]);
  });

  const ordered = (filter: QueueFilter, agent: Agent): QueueEntry[] => {
    // Keyed by version, not by the instant: the version moves on every queue change and on every tick, so a
    // scrolling renderer's page requests reuse one ordering instead of re-merging 50 000 entries per page.
    const now = ctx.clock.now();
    const key = `${version}|${agent.id}|${agent.role}|${JSON.stringify(filter)}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const atRisk = ctx.settings().atRiskMinutes;
    const needle = normaliseText(filter.text);
    const viewer = { agentId: agent.id, role: agent.role };
    const list = fresh().ordered(now, (e) => matchesFilter(e, filter, viewer, now, atRisk, needle));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, list);
    return list;
  };

  const toItem = (e: QueueEntry): QueueRowItem => {
    const c = e.conversation;
    const owner = c.ownerId ? ctx.store.get('agents', c.ownerId) : undefined;
    const assignee = c.assigneeId && c.assigneeId !== c.ownerId ? ctx.store.get('agents', c.assigneeId) : undefined;
    const settings = ctx.settings();
    const clock = dueClock(c);
    return {
      id: c.id,
      subject: c.subject,
      customerId: c.customerId,
      customerName: customerName(c),
      tier: owedTier(c),
      category: c.category,
      status: c.status,
      severity: c.severity,
      dueAt: c.dueAt,
      ownerId: c.ownerId,
      ownerName: owner?.name ?? null,
      lastMessageAt: c.lastMessageAt,
      pausedAt: c.dueAt !== null ? c.slaPausedAt : null,
      clockStartedAt: clock.startedAt,
      clock: clock.kind,
      pausedMs: c.category === 'complaint' ? c.resultPausedMs : c.slaPausedMs,
      escalated: c.escalatedAt !== null,
      ownerAway: c.ownerAway,
      assigneeName: assignee?.name ?? null,
      calendarFallback: c.category === 'complaint' && clock.startedAt !== null && calendarFallbackYears(clock.startedAt, settings.complaintWorkingDays).length > 0,
    };
  };

  /** Team-wide counts (window badge, banner); snoozed conversations count too: their clock still runs. */
  function counts(): QueueCounts {
    const now = ctx.clock.now();
    const settings = ctx.settings();
    let breached = 0;
    let atRisk = 0;
    const years = new Set<number>();
    for (const e of fresh().entries()) {
      const u = urgencyAt({ dueAt: e.dueAt, slaPausedAt: e.pausedAt }, now, settings.atRiskMinutes);
      if (u === 'breached') breached++;
      else if (u === 'at_risk') atRisk++;
      const c = e.conversation;
      if (c.category === 'complaint' && c.resultClockStartedAt !== null) for (const y of calendarFallbackYears(c.resultClockStartedAt, settings.complaintWorkingDays)) years.add(y);
    }
    return { breached, atRisk, total: index.size, uncoveredYears: [...years].sort() };
  }

  const handlers: HandlerSlice<'queue.page' | 'queue.indexOf' | 'queue.counts'> = {
    'queue.page': ({ offset, limit, filter }, actor) => {
      const all = ordered(filter ?? DEFAULT_FILTER, actor.agent);
      return {
        total: all.length,
        offset,
        items: all.slice(offset, offset + limit).map(toItem),
        now: ctx.clock.now(),
        version,
        atRiskMinutes: ctx.settings().atRiskMinutes,
      };
    },
    'queue.indexOf': ({ id, filter }, actor) => {
      const all = ordered(filter ?? DEFAULT_FILTER, actor.agent);
      const e = fresh().get(id);
      return { index: e ? all.indexOf(e) : -1, total: all.length, version };
    },
    'queue.counts': () => counts(),
  };

  return {
    handlers,
    counts,
    /** Active conversations (for the SLA watch and escalation sweeps): no store scan. */
    activeEntries: () => fresh().entries(),
    ordered: (filter: QueueFilter, agent: Agent) => ordered(filter, agent),
    get version() {
      return version;
    },
  };
}
export type Queue = ReturnType<typeof createQueue>;
