import type { SearchFilters, SearchHit, SearchProgress } from '../../../../shared/contract/search';
import { highlight, messageMatcher, phraseMatcher } from '../../../../shared/rules/segment';
import type { Conversation, Message } from '../../../../shared/schema';
import type { CoreContext, HandlerSlice } from '../../context';
import { conversationBundleDoc, conversationText, customerDoc, docId, messageDoc, parseDocId } from './docs';
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
  /** Message ids of each conversation in arrival order: a conversation hit is checked message by message. */
  const messagesOf = new Map<string, string[]>();
  let built = 0;
  let total = 0;
  let ready = false;
  let stopped = false;

  const listOf = (conversationId: string) => {
    let list = messagesOf.get(conversationId);
    if (!list) messagesOf.set(conversationId, (list = []));
    return list;
  };
  /** Indexes a whole conversation in one document; returns how many messages it took in. */
  const indexBundle = (c: Conversation): number => {
    const bodies: string[] = [];
    for (const id of messagesOf.get(c.id) ?? []) {
      const m = ctx.store.get('messages', id);
      if (m) bodies.push(m.body);
    }
    convText.set(c.id, conversationText(c));
    engine.put(conversationBundleDoc(c, bodies));
    return bodies.length;
  };
  const indexConversation = (c: Conversation) => {
    if (!engine.has(docId.conversation(c.id))) return void indexBundle(c);
    const text = conversationText(c);
    if (convText.get(c.id) === text) return; // a reply does not change it
    convText.set(c.id, text);
    engine.put({ id: docId.conversationText(c.id), text });
  };

  ctx.store.onCommit((changes) => {
    for (const ch of changes) {
      if (ch.coll === 'messages') {
        if (ch.op === 'put') {
          const list = listOf(ch.rec.conversationId);
          if (!list.includes(ch.rec.id)) list.push(ch.rec.id);
          // A conversation already indexed takes the new message as a small document of its own (no re-tokenising).
          if (engine.has(docId.conversation(ch.rec.conversationId))) engine.put(messageDoc(ch.rec));
          else {
            const c = ctx.store.get('conversations', ch.rec.conversationId);
            if (c) indexBundle(c);
          }
        } else {
          // The conversation's document may keep the removed message's tokens: hits are checked on live messages.
          engine.remove(docId.message(ch.id));
          for (const list of messagesOf.values()) if (list.includes(ch.id)) list.splice(list.indexOf(ch.id), 1);
        }
      } else if (ch.coll === 'conversations') {
        if (ch.op === 'put') indexConversation(ch.rec);
        else {
          for (const id of messagesOf.get(ch.id) ?? []) engine.remove(docId.message(id));
          engine.remove(docId.conversation(ch.id));
          engine.remove(docId.conversationText(ch.id));
          convText.delete(ch.id);
        }
      } else if (ch.coll === 'customers') ch.op === 'put' ? engine.put(customerDoc(ch.rec)) : engine.remove(docId.customer(ch.id));
    }
  });

  // The start-up build: work from the ids present now; anything committed meanwhile is indexed by onCommit.
  for (const m of ctx.store.all('messages').values()) listOf(m.conversationId).push(m.id);
  const customerIds = [...ctx.store.all('customers').keys()];
  const conversationIds = [...ctx.store.all('conversations').keys()];
  // Progress counts records: a conversation step indexes the conversation and its messages.
  total = customerIds.length + conversationIds.length + ctx.store.all('messages').size;
  let lastEvent = 0;
  let cursor = 0;
  const steps = customerIds.length + conversationIds.length;
  const step = () => {
    if (stopped) return;
    const sliceEnd = performance.now() + SLICE_MS;
    for (let n = 0; cursor < steps; n++) {
      if (cursor < customerIds.length) {
        if ((n & 15) === 15 && performance.now() > sliceEnd) break;
        const id = customerIds[cursor];
        const c = ctx.store.get('customers', id);
        if (c && !engine.has(docId.customer(id))) engine.put(customerDoc(c));
        built++;
      } else {
        if (performance.now() > sliceEnd) break;
        const id = conversationIds[cursor - customerIds.length];
        const c = ctx.store.get('conversations', id);
        built += 1 + (c && !engine.has(docId.conversation(id)) ? indexBundle(c) : (messagesOf.get(id)?.length ?? 0));
      }
      cursor++;
    }
    if (cursor >= steps) {
      built = total;
      ready = true;
      customerIds.length = 0;
      conversationIds.length = 0;
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

  const progress = (): SearchProgress => ({ indexed: Math.min(built, total), total, ready });

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

  /**
   * Filters read live records, so a category edit is reflected without re-indexing. The conversation-level part
   * runs inside the index (`accept`); dates and authors are per message, checked when a conversation is expanded.
   */
  const filtersOf = (f: SearchFilters) => {
    const inRange = (at: number) => (f.from === undefined || at >= f.from) && (f.to === undefined || at <= f.to);
    const convOk = (c: Conversation | undefined) =>
      !!c && (!f.category || c.category === f.category) && (!f.customerId || c.customerId === f.customerId);
    const agentOf = (c: Conversation) => c.ownerId === f.agentId || c.assigneeId === f.agentId;
    const any = !!(f.category || f.customerId || f.agentId || f.from !== undefined || f.to !== undefined);
    const accept = !any
      ? undefined
      : (id: string): boolean => {
          const { kind, recordId } = parseDocId(id);
          if (kind === 'customer') {
            // A customer has no category, agent or date of its own: only the customer filter applies to it.
            if (f.category || f.agentId || f.from !== undefined || f.to !== undefined) return false;
            return !f.customerId || recordId === f.customerId;
          }
          const c = ctx.store.get('conversations', kind === 'message' ? (ctx.store.get('messages', recordId)?.conversationId ?? '') : recordId);
          // No message of a conversation is older than the conversation.
          return convOk(c) && (f.to === undefined || c!.createdAt <= f.to);
        };
    return {
      accept,
      message: (m: Message, c: Conversation) => inRange(m.at) && (!f.agentId || m.authorId === f.agentId || agentOf(c)),
      conversation: (c: Conversation) => inRange(c.createdAt) && (!f.agentId || agentOf(c)),
    };
  };

  /**
   * One matched document → its hits: a conversation's subject/tags and each of its messages that match the query
   * on their own (newest first), each conversation once however many of its documents matched.
   */
  const expander = (q: string, filters: ReturnType<typeof filtersOf>) => {
    const matches = messageMatcher(q);
    const isPhrase = phraseMatcher(q);
    const seen = new Set<string>();
    return (id: string): { id: string; phrase: boolean }[] => {
      const { kind, recordId } = parseDocId(id);
      if (kind === 'customer') {
        const name = ctx.store.get('customers', recordId)?.name;
        return name === undefined ? [] : [{ id, phrase: isPhrase(name) }];
      }
      const convId = kind === 'message' ? ctx.store.get('messages', recordId)?.conversationId : recordId;
      if (convId === undefined || seen.has(convId)) return [];
      seen.add(convId);
      const c = ctx.store.get('conversations', convId);
      if (!c) return [];
      const out: { id: string; phrase: boolean }[] = [];
      const text = convText.get(convId) ?? conversationText(c);
      if (filters.conversation(c) && matches(text)) out.push({ id: docId.conversation(convId), phrase: isPhrase(text) });
      const ids = messagesOf.get(convId) ?? [];
      for (let i = ids.length - 1; i >= 0; i--) {
        const m = ctx.store.get('messages', ids[i]);
        if (m && filters.message(m, c) && matches(m.body)) out.push({ id: docId.message(m.id), phrase: isPhrase(m.body) });
      }
      return out;
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
      const f = filtersOf(filters);
      const { hits, total: matched, complete } = engine.search(q, { accept: f.accept, textOf, limit, expand: expander(q, f) });
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
