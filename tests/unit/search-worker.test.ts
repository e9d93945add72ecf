/**
 * The search index on a thread of its own (services/search/searchWorker.ts): the changes it is sent (as flat cells,
 * ops.ts) must build exactly the index that applying them on the core's thread builds, a query must see every
 * change sent before it, and a thread that dies must not take search with it.
 */
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchFilters } from '../../shared/contract/search';
import { createEngine, type Slot, type SlotKind } from '../../electron/core/services/search/engine';
import { PostingsPool } from '../../electron/core/services/search/postings';
import type { GroupData } from '../../electron/core/services/search/filters';
import { localLink, type EngineLink } from '../../electron/core/services/search/link';
import { createIndexHost, type ToSearchWorker } from '../../electron/core/services/search/searchWorker';
import { startSearchWorker, workerLink } from '../../electron/core/services/search/workerLink';
import { createSearch } from '../../electron/core/services/search';
import type { CoreContext } from '../../electron/core/context';
import type { Change } from '../../electron/core/store/types';

/** A worker in this thread: each message goes through the real host (and structured clone) on a later turn. */
function inProcessWorker(): Worker & { messages: number } {
  const w = new EventEmitter() as EventEmitter & { messages: number; postMessage(m: unknown): void; terminate(): Promise<number>; unref(): void };
  const host = createIndexHost();
  w.messages = 0;
  w.postMessage = (m) => {
    w.messages++;
    const copy = structuredClone(m) as ToSearchWorker;
    setImmediate(() => w.emit('message', structuredClone(host(copy))));
  };
  w.terminate = async () => 0;
  w.unref = () => {};
  return w as unknown as Worker & { messages: number };
}

const WORDS = ['退款', '申请', '视频', '上传', '失败', 'refund', 'upload', 'failed', 'order', 'please', '账号', 'login'];
const CATEGORIES = ['account', 'payment', 'video_upload'] as const;
const QUERIES = [...WORDS, '退款 申请', 'refund order', '视频上传', 'upl', '款申', 'nothing'];
const FILTERS: SearchFilters[] = [{}, { category: 'payment' }, { agentId: 'a1' }, { customerId: 'k1' }, { from: 5, to: 40 }, { agentId: 'a2', category: 'account' }];

type Step =
  | { t: 'add'; group: number; texts: { words: number[]; author: number | null; kind: SlotKind }[] }
  | { t: 'put'; group: number; msg: number; words: number[] }
  | { t: 'kill'; group: number }
  | { t: 'killKind'; group: number; kind: SlotKind }
  | { t: 'killMsg'; msg: number }
  | { t: 'data'; group: number; category: number; owner: number | null };

const words = fc.array(fc.nat(WORDS.length - 1), { minLength: 1, maxLength: 4 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ t: fc.constant('add' as const), group: fc.nat(7), texts: fc.array(fc.record({ words, author: fc.option(fc.nat(2)), kind: fc.constantFrom<SlotKind>('m', 'c', 'u') }), { minLength: 1, maxLength: 40 }) }),
  fc.record({ t: fc.constant('put' as const), group: fc.nat(7), msg: fc.nat(60), words }),
  fc.record({ t: fc.constant('kill' as const), group: fc.nat(7) }),
  fc.record({ t: fc.constant('killKind' as const), group: fc.nat(7), kind: fc.constantFrom<SlotKind>('m', 'c') }),
  fc.record({ t: fc.constant('killMsg' as const), msg: fc.nat(60) }),
  fc.record({ t: fc.constant('data' as const), group: fc.nat(7), category: fc.nat(2), owner: fc.option(fc.nat(2)) }),
);

/** Plays the steps into a link; returns the texts by slot id (for the phrase test). */
function play(link: EngineLink, steps: Step[]): Map<string, string> {
  const texts = new Map<string, string>();
  let n = 0;
  const text = (ws: number[]) => ws.map((w) => WORDS[w]).join(' ');
  for (const s of steps) {
    const group = `g${s.t === 'killMsg' ? 0 : s.group}`;
    if (s.t === 'add') {
      const slots: Slot[] = s.texts.map((t) => {
        const id = `${t.kind}${n++}`;
        texts.set(id, text(t.words));
        return { kind: t.kind, id, text: text(t.words), at: n, author: t.author === null ? null : `a${t.author}` };
      });
      link.add(group, slots);
    } else if (s.t === 'put') {
      texts.set(`m${s.msg}`, text(s.words));
      link.put(group, { kind: 'm', id: `m${s.msg}`, text: text(s.words), at: ++n });
    } else if (s.t === 'kill') link.kill(group);
    else if (s.t === 'killKind') link.kill(group, { kind: s.kind });
    else if (s.t === 'killMsg') link.killEverywhere({ kind: 'm', id: `m${s.msg}` });
    else {
      const data: GroupData = { category: CATEGORIES[s.category], customerId: `k${s.group % 3}`, ownerId: s.owner === null ? null : `a${s.owner}`, assigneeId: null };
      link.setData(group, data);
    }
  }
  return texts;
}

describe('the search index on a thread of its own', () => {
  it('builds, from the changes as sent, the same index as applying them here: every query and filter answers alike', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        const here = localLink(createEngine());
        const worker = inProcessWorker();
        const there = workerLink(() => worker);
        play(here, steps);
        play(there, steps);
        for (const q of QUERIES) {
          for (const filters of FILTERS) {
            const req = { query: q, offset: 0, limit: 1000, filters };
            expect(await there.collect(req), `${q} ${JSON.stringify(filters)}`).toEqual(await here.collect(req));
          }
        }
        for (let g = 0; g < 8; g++) expect(there.hasGroup(`g${g}`)).toBe(here.hasGroup(`g${g}`));
        expect(await there.stats()).toEqual(await here.stats());
      }),
      { numRuns: 60 },
    );
  });

  it('batches changes into few messages, and a query waits for every change sent before it', async () => {
    const worker = inProcessWorker();
    const link = workerLink(() => worker);
    for (let i = 0; i < 2000; i++) link.add(`g${i}`, [{ kind: 'm', id: `m${i}`, text: `refund order ${i}`, at: i }]);
    // 2 000 adds of one text (8 cells each) go in two messages, not 2 000.
    expect(worker.messages).toBeLessThanOrEqual(3);
    link.put('g1999', { kind: 'm', id: 'm1999', text: '视频上传失败', at: 5000 });
    const r = await link.collect({ query: '视频上传', offset: 0, limit: 10, filters: {} });
    expect(r.recent.map((h) => h.id)).toEqual(['m1999']);
    expect((await link.collect({ query: 'refund', offset: 0, limit: 10, filters: {} })).total).toBe(1999);
    await link.close();
  });

  it('runs on a real worker thread and answers as the core thread does; a dead thread fails what waits and says so', async () => {
    const here = localLink(createEngine());
    const w = startSearchWorker();
    const there = workerLink(() => w);
    const failures: string[] = [];
    there.onFail((e) => failures.push(e.message));
    const slots = (g: number): Slot[] => Array.from({ length: 40 }, (_, i) => ({ kind: 'm', id: `m${g}-${i}`, text: `${WORDS[(g + i) % WORDS.length]} ${WORDS[i % 5]} ${g}`, at: g * 100 + i, author: i % 3 === 0 ? 'a1' : null }));
    for (let g = 0; g < 300; g++) {
      here.add(`g${g}`, slots(g));
      there.add(`g${g}`, slots(g));
    }
    await there.applied();
    expect(there.behind).toBe(0);
    for (const q of QUERIES) expect(await there.collect({ query: q, offset: 0, limit: 500, filters: { agentId: 'a1' } })).toEqual(await here.collect({ query: q, offset: 0, limit: 500, filters: { agentId: 'a1' } }));
    // The thread dies (as a crash would end it) while a query waits behind a long batch of texts.
    for (let g = 300; g < 2300; g++) there.add(`g${g}`, slots(g));
    const waiting = there.collect({ query: 'refund', offset: 0, limit: 10, filters: {} });
    await w.terminate();
    await expect(waiting).rejects.toThrow(/search index thread exited/);
    expect(failures).toEqual([expect.stringMatching(/search index thread exited/)]);
    await expect(there.collect({ query: 'refund', offset: 0, limit: 10, filters: {} })).rejects.toThrow();
  });
});

describe('search when its thread dies', () => {
  it('starts again on the core thread from the store, and finds what was committed before and after', async () => {
    const records = {
      customers: new Map<string, unknown>([['k1', { id: 'k1', name: '王小明', createdAt: 1 }]]),
      conversations: new Map<string, unknown>(
        Array.from({ length: 50 }, (_, i) => [`c${i}`, { id: `c${i}`, customerId: 'k1', subject: `视频上传失败 ${i}`, tags: [], category: 'video_upload', createdAt: i, ownerId: null, assigneeId: null, lastMessageAt: i }]),
      ),
      messages: new Map<string, unknown>(Array.from({ length: 50 }, (_, i) => [`m${i}`, { id: `m${i}`, conversationId: `c${i}`, body: `refund order ${i}`, at: 100 + i, author: 'customer', authorId: null }])),
    };
    const listeners: ((changes: readonly Change[]) => void)[] = [];
    const store = {
      get: (coll: keyof typeof records, id: string) => records[coll]?.get(id),
      all: (coll: keyof typeof records) => records[coll] ?? new Map(),
      onCommit: (l: (changes: readonly Change[]) => void) => (listeners.push(l), () => {}),
    };
    const logged: string[] = [];
    const published: string[][] = [];
    const ctx = { store, feed: { publish: (t: string[]) => published.push(t) }, log: (_l: string, m: string) => logged.push(m) } as unknown as CoreContext;
    let thread: Worker | null = null;
    const search = createSearch(ctx, { worker: true, startWorker: () => (thread = startSearchWorker()) });
    await search.whenReady();
    const query = async (q: string) => {
      const r = await search.handlers['search.query']({ q, filters: {}, limit: 100, offset: 0 }, {} as never, {} as never);
      return r.hits.map((h) => h.id).sort();
    };
    expect((await query('refund')).length).toBe(50);

    await thread!.terminate();
    // A message committed after the thread died: the rebuild from the store finds it with the rest.
    records.messages.set('m-new', { id: 'm-new', conversationId: 'c3', body: 'refund again please', at: 999, author: 'customer', authorId: null });
    for (const l of listeners) l([{ op: 'put', coll: 'messages', rec: records.messages.get('m-new') } as Change]);
    await search.whenReady();
    expect(await query('refund')).toHaveLength(51);
    expect(await query('again please')).toEqual(['m-new']);
    expect(logged.some((m) => /search index thread exited.*starts again on the main thread/.test(m))).toBe(true);
    await search.stop();
  });
});

describe("the index's thread gives back what repacks let go", () => {
  it('counts the blocks a repack lets go', () => {
    const pool = new PostingsPool();
    pool.alloc(200 * 1024); // the first, small block
    pool.alloc(30 * 2 ** 20); // a second block
    pool.alloc(30 * 2 ** 20); // and a third
    expect(pool.released).toBe(0);
    pool.repack([]); // every list gone: only the first block stays
    expect(pool.released).toBeGreaterThanOrEqual(60 * 2 ** 20);
  });

  it('asks for one full collection once enough was let go and the thread is idle, not before', async () => {
    let collections = 0;
    let released = 0;
    const engine = Object.assign(createEngine(), {});
    Object.defineProperty(engine, 'releasedBytes', { get: () => released });
    const host = createIndexHost(() => collections++, 32 * 2 ** 20, engine);
    let seq = 0;
    const send = (cells: (string | number | null)[]) => host({ t: 'ops', seq: ++seq, cells });
    send([1, 'g1', 1, 'm', 'm1', 'refund', 1, null]);
    released = 16 * 2 ** 20; // not enough yet
    send([7]);
    await new Promise((r) => setTimeout(r, 400));
    expect(collections).toBe(0);
    released = 40 * 2 ** 20;
    send([7]);
    // Still busy (a message every 100 ms for 0.6 s): the collection waits for a quiet moment.
    for (let k = 0; k < 6; k++) {
      send([1, `g2-${k}`, 1, 'm', `m2-${k}`, 'refund', 2, null]);
      await new Promise((r) => setTimeout(r, 100));
      expect(collections).toBe(0);
    }
    await new Promise((r) => setTimeout(r, 400));
    expect(collections).toBe(1);
    send([1, 'g3', 1, 'm', 'm3', 'refund', 3, null]); // nothing more let go: no second collection
    await new Promise((r) => setTimeout(r, 400));
    expect(collections).toBe(1);
    expect((await Promise.resolve(host({ t: 'collect', id: 1, req: { query: 'refund', offset: 0, limit: 10, filters: {} } }))).t).toBe('collected');
  });
});
