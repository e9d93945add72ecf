import type { Worker } from 'node:worker_threads';
import type { SearchProgress } from '../../../../shared/contract/search';
import { topic } from '../../../../shared/contract/events';
import type { Conversation, Customer, Message } from '../../../../shared/schema';
import type { CoreContext, HandlerSlice } from '../../context';
import type { Change } from '../../store/types';
import { eachMessageHead, messagesLoaded, messagesPending } from '../../store/lazyMessages';
import { arrange } from './arrange';
import { conversationSlot, conversationText, customerGroup, customerSlot, messageSlot } from './docs';
import type { Collected } from './engine';
import { searchHits } from './hits';
import { localLink, type EngineLink } from './link';
import { workerLink } from './workerLink';

/**
 * The start-up build works in slices of at most this many milliseconds; between slices the event loop serves
 * calls (a slice of a fixed document count took over a second on a loaded machine).
 */
const SLICE_MS = 12;
/** Progress events at most this often (real time), so a big build does not flood the change feed. */
const PROGRESS_EVERY_MS = 300;
/**
 * The most queued changes the idle slices leave for later while bulk work runs (SearchOptions.yieldWhile): ~400 000
 * changes are ~115 000 imported events, ~3 s of indexing for the next search to wait on at most.
 */
export const YIELD_MAX_BACKLOG = 400_000;
/** How often the idle slices look again whether the bulk work is over (real time). */
const YIELD_CHECK_MS = 100;
/** The start-up build waits when this many batches of texts are on their way to the index's thread and not yet indexed. */
const MAX_BEHIND = 8;
export const SEARCH_TOPIC = topic.search;

export interface SearchOptions {
  /**
   * Keep the index on a worker thread of its own (searchWorker.ts): tokenising and posting lists then run on the
   * other core, and this thread only reads the store and sends texts. Off (the default, see CoreOptions.searchWorker
   * for the trade): the index lives on this thread. If the thread dies, search starts again here.
   */
  worker?: boolean;
  /** Makes the index's thread (tests: one they can kill). */
  startWorker?: () => Worker;
  /**
   * True while bulk work runs that the index should not slow down (a spool import): the idle slices of an index on
   * this thread then wait (one on its own thread keeps indexing beside the import, on the other core),
   * up to YIELD_MAX_BACKLOG queued changes, and index once it is over. A search still indexes first whatever was
   * committed before it, so no answer misses anything; it only finds more to index.
   */
  yieldWhile?: () => boolean;
  /** The backlog past which the idle slices index even while yielding (default YIELD_MAX_BACKLOG; tests). */
  yieldMaxBacklog?: number;
}

/**
 * Search across messages, conversations and customers. The index is built at start in the background, in chunks
 * separated by setImmediate, so the app answers at once; commits are indexed as they happen; until the build is
 * done, searches run on what is indexed and report progress (the total is then a lower bound).
 */
export function createSearch(ctx: CoreContext, opts: SearchOptions = {}) {
  let engine: EngineLink = localLink();
  if (opts.worker) {
    try {
      engine = workerLink(opts.startWorker);
    } catch (e) {
      ctx.log('warn', `search: no thread for the index (${e instanceof Error ? e.message : String(e)}); indexing on the main thread`);
    }
  }
  /** Each indexed conversation's subject + tags, and each indexed customer's name: a change re-indexes only them. */
  const convText = new Map<string, string>();
  const customerName = new Map<string, string>();
  /** Message ids of each conversation, known at start (the build indexes them with their conversation). */
  const messagesOf = new Map<string, string[]>();
  let built = 0;
  let total = 0;
  let ready = false;
  let stopped = false;
  // whenReady()'s callers, told when the index is ready or stopped (they used to poll with setImmediate, which kept
  // a core at 100 % of one CPU for as long as they waited: the whole start-up build, or the first-page gate's hold).
  const readyWaiters: (() => void)[] = [];
  const wakeReadyWaiters = () => {
    for (const wake of readyWaiters.splice(0)) wake();
  };

  /** Indexes a whole conversation (its subject and tags, then its messages oldest first); returns the message count. */
  const indexBundle = (c: Conversation): number => {
    const ms: Message[] = [];
    for (const id of messagesOf.get(c.id) ?? []) {
      const m = ctx.store.get('messages', id);
      if (m && m.conversationId === c.id) ms.push(m);
    }
    messagesOf.delete(c.id);
    ms.sort((a, b) => a.at - b.at);
    const text = conversationText(c);
    convText.set(c.id, text);
    engine.add(c.id, [conversationSlot(c, text), ...ms.map(messageSlot)]);
    engine.setData(c.id, c);
    return ms.length;
  };
  const indexConversation = (c: Conversation) => {
    if (!engine.hasGroup(c.id)) return void indexBundle(c);
    // Filters read the live record's category, customer and agents (the record itself: no copy per put here; a
    // worker link sends just those fields).
    engine.setData(c.id, c);
    const text = conversationText(c);
    if (convText.get(c.id) === text) return; // a reply does not change it
    convText.set(c.id, text);
    engine.kill(c.id, { kind: 'c' });
    engine.add(c.id, [conversationSlot(c, text)]);
  };
  const indexCustomer = (c: Customer) => {
    if (customerName.get(c.id) === c.name) return;
    engine.kill(customerGroup(c.id));
    customerName.set(c.id, c.name);
    engine.add(customerGroup(c.id), [customerSlot(c)]);
  };

  /** Brings the index up to date with one committed change (in commit order). */
  const indexChange = (ch: Change) => {
    if (ch.coll === 'messages') {
      if (ch.op === 'put') {
        const m = ch.rec;
        if (engine.hasGroup(m.conversationId)) {
          // A conversation already indexed takes a new message as a small document of its own (no re-tokenising).
          engine.put(m.conversationId, messageSlot(m));
        } else {
          const list = messagesOf.get(m.conversationId) ?? [];
          if (!list.includes(m.id)) list.push(m.id);
          messagesOf.set(m.conversationId, list);
          const c = ctx.store.get('conversations', m.conversationId);
          if (c) indexBundle(c);
        }
      } else {
        // The record (and so its conversation) is gone: a rare event, so every document is looked at.
        const gone = ch.id;
        for (const list of messagesOf.values()) if (list.includes(gone)) list.splice(list.indexOf(gone), 1);
        engine.killEverywhere({ kind: 'm', id: gone });
      }
    } else if (ch.coll === 'conversations') {
      if (ch.op === 'put') indexConversation(ch.rec);
      else {
        engine.kill(ch.id);
        convText.delete(ch.id);
        messagesOf.delete(ch.id);
      }
    } else if (ch.coll === 'customers') {
      if (ch.op === 'put') indexCustomer(ch.rec);
      else {
        engine.kill(customerGroup(ch.id));
        customerName.delete(ch.id);
      }
    }
  };

  /**
   * Commits are indexed after the commit, not inside it: indexing cost ~40 µs per imported event on the commit path
   * (a third of a store commit), and a spool import commits thousands of records at a time. The listener only
   * queues the change lists (references to records the store holds anyway); idle slices index them in commit
   * order, and every search (and status) first indexes whatever is still queued, so an answer always covers every
   * commit made before it: a reply is found by the very next search. Applying a queued change later reads the
   * store as it is then, which the indexing code already allowed for (the start-up build works the same way).
   */
  const queued: (readonly Change[])[] = [];
  /** Position in queued[0] of the next change to index. */
  let queuedAt = 0;
  let queuedChanges = 0;
  /** Changes ever queued, and ever indexed: a search waits until the second reaches what the first was at its call. */
  let enqueuedTotal = 0;
  let indexedTotal = 0;
  let draining = false;
  const indexQueued = (deadline: number) => {
    // Not before the start-up build has taken the messages' heads (it waits for the store to have read them), and
    // never once stopped (the core is closing its store).
    if (!started || stopped) return;
    let n = 0;
    while (queued.length > 0) {
      const head = queued[0];
      while (queuedAt < head.length) {
        indexChange(head[queuedAt++]);
        queuedChanges--;
        indexedTotal++;
        if ((++n & 63) === 0 && performance.now() > deadline) return;
      }
      queued.shift();
      queuedAt = 0;
    }
  };
  /** Indexes everything queued, now (tests, benchmarks; with the index on its own thread, await applied() after). */
  const flush = () => {
    indexQueued(Infinity);
    engine.flush();
  };
  /**
   * Indexes what was committed before this call, in slices with the event loop running between them, then
   * resolves: a search after a 100 000-event import found ~200 000 changes queued (3–4 s of indexing), and indexing
   * them in one go held every other call (the queue, a reply) for that long. Changes committed meanwhile are left to
   * the idle slices, so a long import cannot keep a search waiting.
   */
  const caughtUp = async () => {
    if (!started) await messagesLoaded(ctx.store.all('messages'));
    const target = enqueuedTotal;
    while (indexedTotal < target && !stopped) {
      indexQueued(performance.now() + SLICE_MS);
      engine.flush();
      if (indexedTotal < target) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  const drain = () => {
    draining = false;
    if (stopped) return;
    if (!engine.threaded && queuedChanges <= (opts.yieldMaxBacklog ?? YIELD_MAX_BACKLOG) && opts.yieldWhile?.()) {
      // A bulk import gets the thread: what it commits is indexed after it (or by the next search, first).
      draining = true;
      setTimeout(drain, YIELD_CHECK_MS).unref();
      return;
    }
    indexQueued(performance.now() + SLICE_MS);
    engine.flush();
    if (queued.length > 0) schedule();
  };
  const schedule = () => {
    if (draining) return;
    draining = true;
    setImmediate(drain);
  };
  ctx.store.onCommit((changes) => {
    if (stopped || changes.length === 0) return;
    queued.push(changes);
    queuedChanges += changes.length;
    enqueuedTotal += changes.length;
    schedule();
  });

  // The start-up build: work from the ids present now; anything committed meanwhile is indexed by onCommit.
  let customerIds: string[] = [];
  let conversationIds: string[] = [];
  let lastEvent = 0;
  let cursor = 0;
  let steps = 0;
  /** Bumped by a restart: the old build's pending steps see it and stop. */
  let buildRun = 0;
  /** The start-up build has taken the messages' heads: queued changes may be indexed from then on. */
  let started = false;
  const startBuild = () => {
    const run = ++buildRun;
    started = true;
    messagesOf.clear();
    // Heads only: the store may keep the texts on disk until the steps below read them (lazyMessages.ts).
    eachMessageHead(ctx.store.all('messages'), (id, conversationId) => {
      let list = messagesOf.get(conversationId);
      if (!list) messagesOf.set(conversationId, (list = []));
      list.push(id);
    });
    customerIds = [...ctx.store.all('customers').keys()];
    // Oldest conversations first: a document's number then says how recent it is (answers list newest first).
    conversationIds = [...ctx.store.all('conversations').values()].sort((a, b) => a.createdAt - b.createdAt).map((c) => c.id);
    // Progress counts records: a conversation step indexes the conversation and its messages.
    total = customerIds.length + conversationIds.length + ctx.store.all('messages').size;
    built = 0;
    ready = false;
    cursor = 0;
    steps = customerIds.length + conversationIds.length;
    setImmediate(() => step(run));
  };
  const step = (run: number) => {
    if (stopped || run !== buildRun) return;
    // The index's thread is far behind (it tokenises, this thread only reads texts): let it catch up first.
    if (engine.behind > MAX_BEHIND) return void engine.applied().then(() => setImmediate(() => step(run)));
    const sliceEnd = performance.now() + SLICE_MS;
    for (let n = 0; cursor < steps; n++) {
      if (cursor < customerIds.length) {
        if ((n & 15) === 15 && performance.now() > sliceEnd) break;
        const c = ctx.store.get('customers', customerIds[cursor]);
        if (c && !customerName.has(c.id)) indexCustomer(c);
        built++;
      } else {
        if ((n & 3) === 3 && performance.now() > sliceEnd) break;
        const id = conversationIds[cursor - customerIds.length];
        const c = ctx.store.get('conversations', id);
        const waiting = messagesOf.get(id)?.length ?? 0;
        built += 1 + (c && !engine.hasGroup(id) ? indexBundle(c) : waiting);
      }
      cursor++;
    }
    engine.flush();
    if (cursor >= steps) {
      engine.trim();
      customerIds = [];
      conversationIds = [];
      messagesOf.clear();
      const link = engine;
      void link.applied().then(async () => {
        if (stopped || run !== buildRun) return;
        built = total;
        ready = true;
        wakeReadyWaiters();
        const st = await link.stats().catch(() => null);
        if (st) ctx.log('info', `search index ready: ${st.size} texts in ${st.docCount} documents, ${st.termCount} terms`);
        ctx.feed.publish([SEARCH_TOPIC]);
      });
      return;
    }
    if (Date.now() - lastEvent > PROGRESS_EVERY_MS) {
      lastEvent = Date.now();
      ctx.feed.publish([SEARCH_TOPIC]);
    }
    setImmediate(() => step(run));
  };

  /** The index's thread died: everything it held is gone, so search starts again on this thread, from the store. */
  const restartHere = (e: Error) => {
    if (stopped) return;
    ctx.log('error', `${e.message}; search starts again on the main thread`);
    engine = localLink();
    convText.clear();
    customerName.clear();
    // What was queued is in the store now: the new build reads it all.
    queued.length = 0;
    queuedAt = 0;
    queuedChanges = 0;
    indexedTotal = enqueuedTotal;
    startBuild();
    ctx.feed.publish([SEARCH_TOPIC]);
  };
  engine.onFail(restartHere);
  // The store may still be reading its messages in the background (lazyMessages.ts): the build starts once it is
  // done, instead of making it finish at once (the first queue page would wait for it).
  if (messagesPending(ctx.store.all('messages'))) {
    void messagesLoaded(ctx.store.all('messages')).then(() => {
      if (!stopped && !started) {
        startBuild();
        schedule();
      }
    });
  } else startBuild();

  const progress = (): SearchProgress => ({ indexed: Math.min(built, total), total, ready });

  const { textOf, hitsOf } = searchHits(ctx, convText);

  const handlers: HandlerSlice<'search.query' | 'search.status'> = {
    'search.query': async ({ q, filters, limit, offset }) => {
      await caughtUp();
      const started = performance.now();
      const req = { query: q, offset, limit, filters };
      let collected: Collected;
      try {
        collected = await engine.collect(req);
      } catch (e) {
        // The index's thread died under this query: search has started again on this thread (restartHere).
        if (stopped) throw e;
        collected = await engine.collect(req);
      }
      const r = arrange(q, collected, offset, limit, textOf);
      const out = hitsOf(r.hits, q);
      const p = progress();
      return {
        hits: out,
        total: r.total,
        totalExact: r.complete && p.ready,
        complete: r.complete,
        offset,
        nextOffset: r.hasMore ? offset + limit : null,
        progress: p,
        tookMs: Math.round((performance.now() - started) * 10) / 10,
      };
    },
    'search.status': async () => {
      // Not waiting for the index's thread: progress counts what was handed to it, `ready` what it has indexed.
      await caughtUp();
      return progress();
    },
  };

  return {
    handlers,
    progress,
    /** Resolves when the start-up build is done and every commit so far indexed (tests, benchmarks). */
    whenReady: () =>
      new Promise<void>((resolve) => {
        // Stopped: nothing more is indexed (the store may be closed by now: a close during the start-up build, with
        // the bot's warm-up waiting here, read a message from the closed snapshot and threw).
        const check = () => (stopped ? resolve() : ready ? (flush(), resolve()) : void readyWaiters.push(check));
        check();
      }).then(() => engine.applied()),
    /** Indexes every commit still queued (tests, benchmarks; searches do it themselves). */
    flush,
    /** Resolves when everything handed to the index is in it (on its own thread, it may still be indexing). */
    applied: () => engine.applied(),
    /** Changes committed and not yet indexed. */
    get queued() {
      return queuedChanges;
    },
    stop: () => {
      stopped = true;
      wakeReadyWaiters();
      return engine.close();
    },
  };
}
export type Search = ReturnType<typeof createSearch>;
