/**
 * While the spool imports, the search index's idle slices wait (the import gets the thread; search/index.ts
 * `yieldWhile`), up to a backlog; a search made meanwhile still indexes first everything committed before it.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { createSearch } from '../../electron/core/services/search';
import { startSearchWorker } from '../../electron/core/services/search/workerLink';
import type { Change } from '../../electron/core/store/types';
import type { Output } from '../../shared/contract';
import { call, line, msg, newConv, scan, spoolSandbox, write } from './spool-helpers';

function fakeStore() {
  const records = {
    customers: new Map<string, unknown>([['k1', { id: 'k1', name: '王小明', createdAt: 1 }]]),
    conversations: new Map<string, unknown>([['c1', { id: 'c1', customerId: 'k1', subject: '视频上传失败', tags: [], category: 'video_upload', createdAt: 1, ownerId: null, assigneeId: null, lastMessageAt: 1 }]]),
    messages: new Map<string, unknown>(),
  };
  const listeners: ((changes: readonly Change[]) => void)[] = [];
  let n = 0;
  return {
    store: {
      get: (coll: keyof typeof records, id: string) => records[coll]?.get(id),
      all: (coll: keyof typeof records) => records[coll] ?? new Map(),
      onCommit: (l: (changes: readonly Change[]) => void) => (listeners.push(l), () => {}),
    },
    /** Commits `count` messages of c1, each with a word of its own (`word<n>`). */
    commit(count: number): string[] {
      const changes: Change[] = [];
      const words: string[] = [];
      for (let i = 0; i < count; i++, n++) {
        const rec = { id: `m${n}`, conversationId: 'c1', body: `refund word${n}`, at: 100 + n, author: 'customer', authorId: 'k1' };
        records.messages.set(rec.id, rec);
        changes.push({ op: 'put', coll: 'messages', rec } as Change);
        words.push(`word${n}`);
      }
      for (const l of listeners) l(changes);
      return words;
    },
  };
}

/** Lets the event loop turn `n` times (the idle slices run on setImmediate). */
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('the search index while the spool imports', () => {
  it('leaves what an import commits for after it, yet a search meanwhile finds it', async () => {
    const f = fakeStore();
    let importing = false;
    const ctx = { store: f.store, feed: { publish: () => {} }, log: () => {} } as unknown as CoreContext;
    const search = createSearch(ctx, { yieldWhile: () => importing, yieldMaxBacklog: 50 });
    await search.whenReady();
    const query = async (q: string) => (await search.handlers['search.query']({ q, filters: {}, limit: 100, offset: 0 }, {} as never, {} as never)).hits.map((h) => h.id);

    // Not importing: the idle slices index a commit at once.
    f.commit(3);
    await turns(5);
    expect(search.queued).toBe(0);

    importing = true;
    const words = f.commit(10);
    await turns(20);
    expect(search.queued).toBe(10); // left for later
    expect(await query(words[9])).toEqual(['m12']); // but a search indexes it first
    expect(search.queued).toBe(0);

    // Past the backlog limit the slices index even during the import.
    f.commit(60);
    await vi.waitFor(() => expect(search.queued).toBe(0), { timeout: 5_000, interval: 20 });
    expect(importing).toBe(true);

    f.commit(10);
    importing = false;
    await vi.waitFor(() => expect(search.queued).toBe(0), { timeout: 5_000, interval: 20 });
    expect(await query('word82')).toEqual(['m82']);
    await search.stop();
  });
});

describe('the search index on its own thread while the spool imports', () => {
  it('keeps indexing beside the import (the other core does the work)', async () => {
    const f = fakeStore();
    const ctx = { store: f.store, feed: { publish: () => {} }, log: () => {} } as unknown as CoreContext;
    const search = createSearch(ctx, { worker: true, startWorker: () => startSearchWorker(), yieldWhile: () => true });
    await search.whenReady();
    f.commit(10);
    await vi.waitFor(() => expect(search.queued).toBe(0), { timeout: 5_000, interval: 20 });
    await search.stop();
  });
});

describe('a core importing from its spool', () => {
  const sb = spoolSandbox('kefu-search-yield-');
  it('indexes what the import committed once the import is over, and a search after it finds it', async () => {
    const { core, spool } = await sb.open(undefined, { batchLines: 1 });
    await core.settled();
    await vi.waitFor(() => expect(core.searchBacklog).toBe(0), { timeout: 10_000, interval: 20 });
    // One line per batch: between two batches the event loop turns, where the idle slices would index.
    const backlogs: number[] = [];
    core.subscribe((e) => {
      if (e.topics.some((t) => t.startsWith('conversation:'))) backlogs.push(core.searchBacklog);
    });
    write(spool, '0001.jsonl', [newConv('P-Y1', 'p-y1', { category: 'payment', body: '付款失败' }), msg('P-Y1', 'refund quokka'), msg('P-Y1', 'still waiting'), msg('P-Y1', 'hello?')].map(line).join(''));
    await scan(core);
    expect(backlogs).toHaveLength(4);
    // Each batch's changes wait behind the earlier ones: the backlog only grows during the import.
    for (let i = 1; i < backlogs.length; i++) expect(backlogs[i]).toBeGreaterThan(backlogs[i - 1]);
    await vi.waitFor(() => expect(core.searchBacklog).toBe(0), { timeout: 10_000, interval: 20 });
    const r = await call<Output<'search.query'>>(core, 'search.query', { q: 'quokka', filters: {} }, '__spool_lead');
    expect(r.hits.filter((h) => h.kind === 'message')).toHaveLength(1);
  });
});
