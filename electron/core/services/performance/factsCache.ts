import type { AuditEvent, Complaint, Rating, Settings } from '../../../../shared/schema';
import { conversationFacts, STATUS_ACTIONS, type ConversationFacts } from '../../../../shared/rules/performance/facts';
import type { Store } from '../../store/types';
import { messagesLoaded } from '../../store/lazyMessages';
import type { MessageIndex } from '../messageIndex';

/** One conversation's facts with the span of instants they cover (a period outside it skips them at once). */
export interface CachedFacts {
  facts: ConversationFacts;
  first: number;
  last: number;
}

type StatusLine = Pick<AuditEvent, 'id' | 'at' | 'actorId' | 'action' | 'after'>;

/**
 * The per-conversation performance facts, computed on first use and kept until a commit touches what they are made
 * of (the conversation, its messages, its status audit lines, ratings or complaints; the SLA hours for all), so a
 * dashboard over 50 000 conversations recomputes only what changed. The indexes it needs (status lines, ratings and
 * complaints per conversation) follow the store the same way.
 */
export function createFactsCache(store: Store, messages: MessageIndex, settings: () => Settings) {
  const cache = new Map<string, CachedFacts>();
  const statusLines = new Map<string, StatusLine[]>();
  const ratingsOf = new Map<string, Map<string, Rating>>();
  const complaintsOf = new Map<string, Map<string, Complaint>>();
  /** Where each rating / complaint sits, for a deletion (which carries only the id). */
  const ratingConv = new Map<string, string>();
  const complaintConv = new Map<string, string>();
  let slaHours = JSON.stringify(settings().slaHours);

  const addLine = (a: AuditEvent) => {
    if (!a.targetId || !STATUS_ACTIONS.has(a.action)) return;
    const line: StatusLine = { id: a.id, at: a.at, actorId: a.actorId, action: a.action, after: a.after };
    const list = statusLines.get(a.targetId);
    if (!list) statusLines.set(a.targetId, [line]);
    else if (!list.some((l) => l.id === a.id)) list.push(line);
  };
  const putIn = <R extends { id: string; conversationId: string }>(by: Map<string, Map<string, R>>, where: Map<string, string>, r: R): string[] => {
    const touched = [r.conversationId];
    const was = where.get(r.id);
    if (was !== undefined && was !== r.conversationId) {
      by.get(was)?.delete(r.id);
      touched.push(was);
    }
    where.set(r.id, r.conversationId);
    let m = by.get(r.conversationId);
    if (!m) by.set(r.conversationId, (m = new Map()));
    m.set(r.id, r);
    return touched;
  };
  const dropFrom = <R>(by: Map<string, Map<string, R>>, where: Map<string, string>, id: string): string | undefined => {
    const conv = where.get(id);
    if (conv === undefined) return undefined;
    where.delete(id);
    by.get(conv)?.delete(id);
    return conv;
  };

  /**
   * Who follows the cache (the cached dashboards in report.ts): told which conversation's facts were dropped, with
   * the facts they had (undefined: none computed), or that every one was (null).
   */
  type Listener = (id: string | null, old: CachedFacts | undefined) => void;
  const listeners = new Set<Listener>();
  const drop = (id: string) => {
    const old = cache.get(id);
    cache.delete(id);
    for (const l of listeners) l(id, old);
  };
  const dropAll = () => {
    cache.clear();
    for (const l of listeners) l(null, undefined);
  };

  for (const a of store.all('audit').values()) addLine(a);
  for (const r of store.all('ratings').values()) putIn(ratingsOf, ratingConv, r);
  for (const k of store.all('complaints').values()) putIn(complaintsOf, complaintConv, k);

  store.onCommit((changes) => {
    for (const c of changes) {
      switch (c.coll) {
        case 'conversations':
          drop(c.op === 'put' ? c.rec.id : c.id);
          break;
        case 'messages':
          // A deleted message names no conversation (customer data deletion, rare): start over.
          if (c.op === 'put') drop(c.rec.conversationId);
          else dropAll();
          break;
        case 'audit':
          if (c.op === 'put' && c.rec.targetId && STATUS_ACTIONS.has(c.rec.action)) {
            addLine(c.rec);
            drop(c.rec.targetId);
          }
          break;
        case 'ratings':
          if (c.op === 'put') for (const id of putIn(ratingsOf, ratingConv, c.rec)) drop(id);
          else {
            const conv = dropFrom(ratingsOf, ratingConv, c.id);
            if (conv) drop(conv);
          }
          break;
        case 'complaints':
          if (c.op === 'put') for (const id of putIn(complaintsOf, complaintConv, c.rec)) drop(id);
          else {
            const conv = dropFrom(complaintsOf, complaintConv, c.id);
            if (conv) drop(conv);
          }
          break;
        case 'settings': {
          // SLA met or not depends on the targets: a change re-derives every conversation.
          const next = JSON.stringify(settings().slaHours);
          if (next !== slaHours) dropAll();
          slaHours = next;
          break;
        }
        default:
          break;
      }
    }
  });

  function factsOf(conversationId: string): CachedFacts | undefined {
    const hit = cache.get(conversationId);
    if (hit) return hit;
    const conversation = store.get('conversations', conversationId);
    if (!conversation) return undefined;
    const facts = conversationFacts({
      conversation,
      messages: messages.metasOf(conversationId),
      audit: statusLines.get(conversationId) ?? [],
      ratings: [...(ratingsOf.get(conversationId)?.values() ?? [])],
      complaints: [...(complaintsOf.get(conversationId)?.values() ?? [])],
      settings: settings(),
    });
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    const see = (t: number) => {
      if (t < first) first = t;
      if (t > last) last = t;
    };
    for (const r of facts.replies) see(r.at);
    for (const r of facts.resolutions) see(r.at);
    if (facts.rating) see(facts.rating.at);
    for (const k of facts.complaints) {
      see(k.at);
      if (k.upheldAt !== null) see(k.upheldAt);
    }
    const entry = { facts, first, last };
    cache.set(conversationId, entry);
    return entry;
  }

  /**
   * Computes the facts not cached yet in slices of a few milliseconds between other work (setImmediate), so the first
   * dashboard after a start finds them ready instead of deriving 50 000 conversations in one call. Only the
   * conversations there at the start: one arriving later (a spool import's) is derived when first asked for, since
   * the commits that follow it would drop facts computed ahead. Commits meanwhile just invalidate as usual.
   * Returns a stop function (the core's close) and a promise of the end (benchmarks wait for it).
   */
  function warmUp(sliceMs = 4): { stop: () => void; done: Promise<void> } {
    let stopped = false;
    const ids = [...store.all('conversations').keys()];
    let at = 0;
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const step = () => {
      if (stopped) return finish();
      const until = performance.now() + sliceMs;
      while (at < ids.length) {
        factsOf(ids[at++]);
        if (performance.now() >= until) break;
      }
      if (at >= ids.length) finish();
      else setImmediate(step);
    };
    // After the store has read its messages in the background (lazyMessages.ts): a step before would make it
    // finish that read at once, and the first queue page would wait for it.
    void messagesLoaded(store.all('messages')).then(() => setImmediate(step));
    return { stop: () => void (stopped = true), done };
  }

  return {
    factsOf,
    warmUp,
    onDrop(l: Listener): () => void {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    /** Every conversation's facts (computing the missing ones). */
    forEach(fn: (f: CachedFacts) => void): void {
      for (const id of store.all('conversations').keys()) {
        const f = cache.get(id) ?? factsOf(id);
        if (f) fn(f);
      }
    },
    ratingsOf: (conversationId: string): Rating[] => [...(ratingsOf.get(conversationId)?.values() ?? [])],
    complaintsOf: (conversationId: string): Complaint[] => [...(complaintsOf.get(conversationId)?.values() ?? [])],
    /** The agent of the latest audit line that resolved the conversation (null: none, or the system). */
    resolvedBy(conversationId: string): string | null {
      let best: StatusLine | null = null;
      for (const l of statusLines.get(conversationId) ?? []) {
        if (l.after === 'resolved' && l.actorId !== 'system' && (!best || l.at >= best.at)) best = l;
      }
      return best?.actorId ?? null;
    },
    /** Every rating of an agent (for "ratings I received"). */
    *ratingsBy(agentId: string): Generator<Rating> {
      for (const m of ratingsOf.values()) for (const r of m.values()) if (r.agentId === agentId) yield r;
    },
  };
}
export type FactsCache = ReturnType<typeof createFactsCache>;
