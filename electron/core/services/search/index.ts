import type { SearchFilters, SearchHit, SearchProgress } from '../../../../shared/contract/search';
import { highlight } from '../../../../shared/rules/segment';
import type { Conversation } from '../../../../shared/schema';
import type { CoreContext, HandlerSlice } from '../../context';
import { conversationDoc, conversationText, customerDoc, docId, messageDoc, parseDocId } from './docs';
import { createEngine } from './engine';

/**
 * The start-up build works in slices of at most this many milliseconds; between slices the event loop serves
 * calls (a slice of a fixed document count took over a second on a loaded machine).
 */
const SLICE_MS = 12;
/** Progress events at most this often (real time), so a big build does not flood the change feed. */
const PROGRESS_EVERY_MS = 300;
export const SEARCH_TOPIC = 'search';

/**
 * Search across messages, conversations and customers. The index is built at start in the background, in chunks
 * separated by setImmediate, so the app answers at once; commits are indexed as they happen; until the build is
 * done, searches run on what is indexed and report progress.
 */
export function createSearch(ctx: CoreContext) {
  const engine = createEngine();
  const convText = new Map<string, string>();
  let built = 0;
  let total = 0;
  let ready = false;
  let stopped = false;

  const indexConversation = (c: Conversation) => {
    const text = conversationText(c);
    if (convText.get(c.id) === text && engine.has(docId.conversation(c.id))) return; // a reply does not change it
    convText.set(c.id, text);
    engine.put(conversationDoc(c));
  };

  ctx.store.onCommit((changes) => {
    for (const ch of changes) {
      if (ch.coll === 'messages') ch.op === 'put' ? engine.put(messageDoc(ch.rec)) : engine.remove(docId.message(ch.id));
      else if (ch.coll === 'conversations') {
        if (ch.op === 'put') indexConversation(ch.rec);
        else (engine.remove(docId.conversation(ch.id)), convText.delete(ch.id));
      } else if (ch.coll === 'customers') ch.op === 'put' ? engine.put(customerDoc(ch.rec)) : engine.remove(docId.customer(ch.id));
    }
  });

  // The start-up build: work from the ids present now; anything committed meanwhile is indexed by onCommit.
  const pending: (() => void)[] = [];
  for (const id of ctx.store.all('customers').keys()) pending.push(() => {
    const c = ctx.store.get('customers', id);
    if (c && !engine.has(docId.customer(id))) engine.put(customerDoc(c));
  });
  for (const id of ctx.store.all('conversations').keys()) pending.push(() => {
    const c = ctx.store.get('conversations', id);
    if (c && !engine.has(docId.conversation(id))) indexConversation(c);
  });
  const messageIds = [...ctx.store.all('messages').keys()];
  total = pending.length + messageIds.length;
  let lastEvent = 0;
  let cursor = 0;
  const step = () => {
    if (stopped) return;
    const sliceEnd = performance.now() + SLICE_MS;
    for (let n = 0; cursor < total; cursor++, n++) {
      if ((n & 15) === 15 && performance.now() > sliceEnd) break;
      if (cursor < pending.length) pending[cursor]();
      else {
        const id = messageIds[cursor - pending.length];
        const m = ctx.store.get('messages', id);
        if (m && !engine.has(docId.message(id))) engine.put(messageDoc(m));
      }
    }
    built = cursor;
    if (cursor >= total) {
      ready = true;
      pending.length = 0;
      messageIds.length = 0;
      ctx.log('info', `search index ready: ${engine.size} documents`);
      ctx.feed.publish([SEARCH_TOPIC]);
      return;
    }
    if (Date.now() - lastEvent > PROGRESS_EVERY_MS) {
      lastEvent = Date.now();
      ctx.feed.publish([SEARCH_TOPIC]);
    }
    setImmediate(step);
  };
  setImmediate(step);

  const progress = (): SearchProgress => ({ indexed: built, total, ready });

  const textOf = (id: string): string | undefined => {
    const { kind, recordId } = parseDocId(id);
    if (kind === 'message') return ctx.store.get('messages', recordId)?.body;
    if (kind === 'conversation') return convText.get(recordId);
    return ctx.store.get('customers', recordId)?.name;
  };

  /** The newest conversation of a customer (a customer hit opens it). */
  const newestOf = (customerId: string): Conversation | undefined => {
    let best: Conversation | undefined;
    for (const c of ctx.store.all('conversations').values()) if (c.customerId === customerId && (!best || c.createdAt > best.createdAt)) best = c;
    return best;
  };

  /** Filters read live records, so a category edit is reflected without re-indexing. */
  const acceptor = (f: SearchFilters) => {
    if (!f.category && !f.customerId && !f.agentId && f.from === undefined && f.to === undefined) return undefined;
    const inRange = (at: number) => (f.from === undefined || at >= f.from) && (f.to === undefined || at <= f.to);
    const convOk = (c: Conversation | undefined) =>
      !!c && (!f.category || c.category === f.category) && (!f.customerId || c.customerId === f.customerId);
    const agentOf = (c: Conversation) => c.ownerId === f.agentId || c.assigneeId === f.agentId;
    return (id: string): boolean => {
      const { kind, recordId } = parseDocId(id);
      if (kind === 'message') {
        const m = ctx.store.get('messages', recordId);
        if (!m || !inRange(m.at)) return false;
        const c = ctx.store.get('conversations', m.conversationId);
        return convOk(c) && (!f.agentId || m.authorId === f.agentId || agentOf(c!));
      }
      if (kind === 'conversation') {
        const c = ctx.store.get('conversations', recordId);
        return convOk(c) && inRange(c!.createdAt) && (!f.agentId || agentOf(c!));
      }
      // A customer has no category, agent or date of its own: only the customer filter applies to it.
      if (f.category || f.agentId || f.from !== undefined || f.to !== undefined) return false;
      return !f.customerId || recordId === f.customerId;
    };
  };

  const toHit = (id: string, phrase: boolean, q: string): SearchHit | null => {
    const { kind, recordId } = parseDocId(id);
    const text = textOf(id);
    if (text === undefined) return null;
    const h = highlight(text, q);
    if (kind === 'customer') {
      const cu = ctx.store.get('customers', recordId);
      if (!cu) return null;
      const newest = newestOf(cu.id);
      return { kind, id: recordId, conversationId: newest?.id ?? null, customerId: cu.id, customerName: cu.name, title: cu.name, snippet: h.text, marks: h.marks, at: newest?.lastMessageAt ?? cu.createdAt, author: null, category: null, phrase };
    }
    const m = kind === 'message' ? ctx.store.get('messages', recordId) : undefined;
    const c = ctx.store.get('conversations', m ? m.conversationId : recordId);
    if (!c) return null;
    const cu = ctx.store.get('customers', c.customerId);
    return {
      kind, id: recordId, conversationId: c.id, customerId: c.customerId, customerName: cu?.name ?? c.customerId, title: c.subject,
      snippet: h.text, marks: h.marks, at: m ? m.at : c.createdAt, author: m ? m.author : null, category: c.category, phrase,
    };
  };

  const handlers: HandlerSlice<'search.query' | 'search.status'> = {
    'search.query': ({ q, filters, limit }) => {
      const started = performance.now();
      const { hits, total: matched, complete } = engine.search(q, { accept: acceptor(filters), textOf, limit });
      const out: SearchHit[] = [];
      for (const h of hits) {
        const hit = toHit(h.id, h.phrase, q);
        if (hit) out.push(hit);
      }
      return { hits: out, total: matched, complete, progress: progress(), tookMs: Math.round((performance.now() - started) * 10) / 10 };
    },
    'search.status': () => progress(),
  };

  return {
    handlers,
    progress,
    /** Resolves when the start-up build is done (tests, benchmarks). */
    whenReady: () => new Promise<void>((resolve) => {
      const check = () => (ready || stopped ? resolve() : setImmediate(check));
      check();
    }),
    stop: () => void (stopped = true),
  };
}
export type Search = ReturnType<typeof createSearch>;
