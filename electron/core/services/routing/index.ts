import { CoreError, topic } from '../../../../shared/contract';
import type { Agent, Conversation, Customer, RoutingRecord } from '../../../../shared/schema';
import { availabilityOf, hasRoom, route, type Candidate } from '../../../../shared/rules/routing';
import { transferProblem } from '../../../../shared/rules/ownership';
import { isActive } from '../../../../shared/rules/transitions';
import type { CoreContext, HandlerSlice } from '../../context';
import type { Change, Store } from '../../store/types';
import { auditChange } from '../audit';
import type { PendingWrite, PendingWrites } from '../spool/batchStore';
import { LoadBook } from './loadBook';
import { inBackground } from '../../background';

/**
 * Routing a handed-over conversation (shared/rules/routing.ts) and keeping the team queue moving: a conversation
 * nobody could take waits (routing.state `waiting`) and is routed as soon as someone can take it. That is checked
 * only after a commit that can unblock one: a profile change (presence, capacity, skills), a settings change, or a
 * conversation leaving an agent's load (capacity freed), whichever service made it; at most once per commit (a
 * spool import batch is one commit), right after it (a microtask), never inside another service's commit.
 */
export function createRouting(ctx: CoreContext) {
  let scheduled = false;
  let closed = false;
  /** Set by the load book when a commit took a conversation off an agent's load; read by the listener below. */
  let freed = false;
  const book = new LoadBook(ctx.store, () => (freed = true));
  const waiting = new Set<string>();
  const track = (c: Conversation) => {
    if (c.routing?.state === 'waiting' && c.assigneeId === null && isActive(c.status)) waiting.add(c.id);
    else waiting.delete(c.id);
  };
  for (const c of ctx.store.all('conversations').values()) track(c);

  /**
   * One candidate object per agent record, reused while the record is the same object (the store replaces it on a
   * change): copying every agent's profile on each decision was a visible share of an import's routing time. Only
   * the load and the last assignment are refreshed; route() reads them at once and keeps none.
   */
  const candidateOf = new Map<string, { rec: Agent; cand: Candidate }>();
  const candidates = (store: Pick<Store, 'get' | 'all'>): Candidate[] => {
    const out: Candidate[] = [];
    for (const a of store.all('agents').values()) {
      let e = candidateOf.get(a.id);
      if (!e || e.rec !== a) candidateOf.set(a.id, (e = { rec: a, cand: { ...a, load: 0, lastAssignedAt: null } }));
      e.cand.load = book.loadOf(a.id, store);
      e.cand.lastAssignedAt = book.lastAssignedAt(a.id);
      out.push(e.cand);
    }
    return out;
  };

  /**
   * Whether anyone at all could be given a conversation now: an enabled non-trainee, not away, under capacity (the
   * owner rule lets a lead who owns the issue take it, so leads count). When nobody can, every waiting one stays.
   */
  const anyoneFree = () => candidates(ctx.store).some((a) => !a.disabled && a.role !== 'trainee' && availabilityOf(a.presence) !== 'away' && hasRoom(a));

  /**
   * The conversation routed now: assignee, "owner away" mark and the routing record with its reasons. `store` is
   * the one the caller reads (a spool import batch sees its own earlier hand-overs).
   */
  function routed(c: Conversation, customer: Customer, store: Pick<Store, 'get' | 'all'>, now: number): Conversation {
    const d = route(candidates(store), { category: c.category, locale: customer.locale, vip: customer.tier === 'vip', ownerId: c.ownerId, now }, ctx.settings().routing);
    const routing: RoutingRecord = { state: d.agentId ? 'assigned' : 'waiting', at: now, agentId: d.agentId, score: d.score, reasons: d.reasons, by: null };
    const next: Conversation = { ...c, assigneeId: d.agentId, ownerAway: c.ownerId !== null && d.ownerAway, routing, updatedAt: now };
    book.noteAssigned(next);
    return next;
  }

  /** Routes every waiting conversation someone can now take, oldest hand-over first, in one commit. */
  async function drain(): Promise<void> {
    scheduled = false;
    if (closed || waiting.size === 0 || !anyoneFree()) return;
    const now = ctx.clock.now();
    const list = [...waiting].map((id) => ctx.store.get('conversations', id)).filter((c): c is Conversation => !!c);
    list.sort((a, b) => (a.queuedAt ?? a.createdAt) - (b.queuedAt ?? b.createdAt) || (a.id < b.id ? -1 : 1));
    const changes: Change[] = [];
    const topics: ReturnType<typeof topic.conversation>[] = [];
    // Decisions read the records already routed in this round through this overlay, so loads add up (the load
    // book follows the overlay's write log).
    const overlay = new Map<string, Conversation>();
    const pendingWrites: PendingWrites = { key: {}, log: [] };
    const view: Pick<Store, 'get' | 'all'> & { pendingWrites: PendingWrites } = {
      get: ((coll: string, id: string) => (coll === 'conversations' && overlay.has(id) ? overlay.get(id) : ctx.store.get(coll as 'agents', id))) as Store['get'],
      all: ctx.store.all.bind(ctx.store),
      pendingWrites,
    };
    // A request nobody could take stays untakeable for the rest of the round (loads only grow in it): skip its like.
    const refused = new Set<string>();
    for (const c of list) {
      const customer = ctx.store.get('customers', c.customerId);
      if (!customer) continue;
      const like = `${c.category}\u0000${customer.locale}\u0000${customer.tier === 'vip'}\u0000${c.ownerId ?? ''}`;
      if (refused.has(like)) continue;
      const next = routed(c, customer, view, now);
      if (!next.assigneeId) {
        refused.add(like);
        continue;
      }
      (pendingWrites.log as PendingWrite[]).push({ coll: 'conversations', id: next.id, before: view.get('conversations', next.id), after: next });
      overlay.set(next.id, next);
      changes.push({ op: 'put', coll: 'conversations', rec: next });
      changes.push(auditChange(ctx, { actorId: 'system', action: 'conversation.routed', targetId: c.id, before: null, after: next.assigneeId }));
      topics.push(topic.conversation(c.id));
    }
    if (changes.length === 0) return;
    await ctx.store.commit(changes);
    ctx.feed.publish([topic.queue, ...topics]);
  }

  const schedule = () => {
    if (scheduled || closed || waiting.size === 0) return;
    scheduled = true;
    queueMicrotask(() => inBackground(ctx.log, 'routing: waiting conversations', drain()));
  };

  ctx.store.onCommit((changes) => {
    // Capacity freed is signalled by the load book (constructed above, so its listener has run for this commit).
    let trigger = freed;
    freed = false;
    for (const ch of changes) {
      if (ch.coll === 'conversations') {
        if (ch.op === 'put') track(ch.rec);
        else waiting.delete(ch.id);
      } else if (ch.coll === 'agents' || ch.coll === 'settings') trigger = true;
    }
    if (trigger) schedule();
  });
  // Anything left waiting from before a restart gets its chance now.
  schedule();

  const handlers: HandlerSlice<'routing.loads' | 'routing.reroute'> = {
    'routing.loads': () => {
      const agents = candidates(ctx.store).map((a) => ({
        id: a.id,
        name: a.name,
        role: a.role,
        presence: a.presence,
        availability: availabilityOf(a.presence),
        load: a.load,
        capacity: a.capacity,
        lastAssignedAt: a.lastAssignedAt,
        skills: a.skills,
        languages: a.languages,
        vipSkill: a.vipSkill === true,
      }));
      return { agents: agents.sort((x, y) => x.name.localeCompare(y.name)), waiting: waiting.size };
    },

    'routing.reroute': async ({ id, toAgentId, note }, actor) => {
      const before = ctx.store.get('conversations', id);
      if (!before) throw new CoreError('not_found', `No conversation ${id}`);
      if (!isActive(before.status)) throw new CoreError('conflict', `Conversation ${id} is not being worked (${before.status})`, undefined, { code: 'not_active' });
      const to = ctx.store.get('agents', toAgentId);
      if (!to || to.disabled) throw new CoreError('not_found', `No agent ${toAgentId}`);
      const problem = transferProblem(before, to);
      if (problem === 'not_live_agent') throw new CoreError('conflict', `${to.name} is a trainee; trainees do not take live conversations`, undefined, { code: 'trainee_owner', params: { name: to.name } });
      const now = ctx.clock.now();
      const routing: RoutingRecord = {
        state: 'manual',
        at: now,
        agentId: to.id,
        score: null,
        reasons: [
          { code: 'manual', params: { by: actor.agent.name } },
          { code: 'load', params: { load: book.loadOf(to.id, ctx.store), capacity: to.capacity } },
        ],
        by: actor.agent.id,
      };
      // Re-routing says who works it now; the dedicated owner stays (conversation.transfer hands that on).
      const after: Conversation = { ...before, assigneeId: to.id, ownerAway: before.ownerAway && before.ownerId !== to.id, routing, updatedAt: now };
      await ctx.store.commit([
        { op: 'put', coll: 'conversations', rec: after },
        auditChange(ctx, { actorId: actor.agent.id, action: 'conversation.rerouted', targetId: id, before: before.assigneeId, after: note ? { assigneeId: to.id, note } : to.id }),
      ]);
      ctx.feed.publish([topic.conversation(id), topic.queue, topic.customer(before.customerId)]);
      return after;
    },
  };

  return {
    routed,
    drain,
    handlers,
    stop: () => {
      closed = true;
    },
  };
}
export type Routing = ReturnType<typeof createRouting>;
