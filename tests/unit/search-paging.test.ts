import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { createEngine, type Slot } from '../../electron/core/services/search/engine';
import type { Output } from '../../shared/contract';
import { messageMatcher } from '../../shared/rules/segment';
import { coreSandbox } from './coreSandbox';

const sandbox = coreSandbox('kefu-search-paging-');
const { call } = sandbox;
type Answer = Output<'search.query'>;

async function untilReady(core: Core) {
  while (!(await call<Output<'search.status'>>(core, 'search.status', {})).ready) await new Promise((r) => setImmediate(r));
}
const search = (core: Core, q: string, filters = {}, offset = 0, limit = 30) => call<Answer>(core, 'search.query', { q, filters, offset, limit });

/** Every page of a query, following nextOffset; checks each page's own bookkeeping on the way. */
async function allPages(core: Core, q: string, filters = {}, limit = 30) {
  const pages: Answer[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const page: Answer = await search(core, q, filters, offset, limit);
    expect(page.offset).toBe(offset);
    expect(page.hits.length).toBeLessThanOrEqual(limit);
    if (page.nextOffset !== null) expect(page.hits).toHaveLength(limit);
    pages.push(page);
    offset = page.nextOffset;
    expect(pages.length).toBeLessThan(100);
  }
  return pages;
}
const keys = (pages: Answer[]) => pages.flatMap((p) => p.hits.map((h) => `${h.kind}:${h.id}`));

describe('search paging', () => {
  it('pages through every hit of a query: no repeats, no gaps, and an exact total (a lower bound while indexing)', async () => {
    // The index is built once the store has read its messages, which a window's core holds until its first page (or
    // a call that needs them): on a compacted store (messages read after the open) with the hold on, the first search
    // is answered before the build's first slice, however fast the machine. (On a store read whole at open, a warm
    // test worker built the demo index before the test's first call.)
    const first = await sandbox.open();
    await first.core.store.compact();
    await first.core.close();
    const core = (await sandbox.open(first.dataDir, undefined, { firstPageFirst: true, firstPageCapMs: 600_000 })).core;
    // Before the index is built the total cannot be exact, and says so.
    const early = await search(core, '退款');
    expect(early.totalExact).toBe(false);
    await untilReady(core);

    const made: string[] = [];
    for (let i = 0; i < 70; i++) {
      const r = await call<{ conversationId: string; messageId: string }>(core, 'sim.customerMessage', {
        customerId: `cu-000${1 + (i % 9)}`,
        category: i % 2 ? 'payment' : 'account',
        subject: `ticket ${i}`,
        body: `flurbington number ${i} 第${i}号工单`,
      });
      made.push(r.messageId);
    }
    const pages = await allPages(core, 'flurbington');
    expect(pages.length).toBe(3); // 70 hits, 30 a page
    const seen = keys(pages);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(made.map((id) => `message:${id}`).sort());
    for (const p of pages) expect(p).toMatchObject({ total: 70, totalExact: true, complete: true });
    // the newest first
    expect(pages[0].hits[0].id).toBe(made.at(-1));

    // with a filter, and in smaller pages
    const payment = await allPages(core, 'flurbington', { category: 'payment' }, 7);
    expect(keys(payment)).toHaveLength(35);
    expect(new Set(keys(payment)).size).toBe(35);
    expect(payment[0]).toMatchObject({ total: 35, totalExact: true });
    // past the end: an empty page, nothing more
    expect(await search(core, 'flurbington', {}, 70)).toMatchObject({ hits: [], nextOffset: null, total: 70 });
  });

  it('finds two words that sit in one message, not a conversation that has them in two different messages', async () => {
    const core = (await sandbox.open()).core;
    await untilReady(core);
    const split = (await call(core, 'sim.customerMessage', { customerId: 'cu-0003', category: 'account', body: 'snorkelwhip 蓝鲸直播' })).conversationId;
    await call(core, 'conversation.reply', { id: split, body: 'gadzookery 上传完成' });
    const both = (await call(core, 'sim.customerMessage', { customerId: 'cu-0004', category: 'payment', body: '昨天 gadzookery 以后，snorkelwhip 又坏了 直播上传' })).conversationId;
    for (const q of ['snorkelwhip gadzookery', 'gadzookery snorkelwhip', '直播 上传', '鲸直 完成']) {
      const r = await search(core, q);
      expect(r.complete, q).toBe(true);
      expect(r.hits.filter((h) => h.conversationId === split), q).toEqual([]);
    }
    const r = await search(core, 'snorkelwhip gadzookery');
    // the message, and its new conversation (whose subject repeats the first message)
    expect(r).toMatchObject({ total: 2, totalExact: true, complete: true, nextOffset: null });
    expect(r.hits.map((h) => [h.kind, h.conversationId, h.phrase]).sort()).toEqual([
      ['conversation', both, false],
      ['message', both, false],
    ]);
    expect((await search(core, '直播 上传')).hits.map((h) => h.conversationId)).toContain(both);
  });

  it('a word that is nowhere: zero hits, and a complete answer', async () => {
    const core = (await sandbox.open()).core;
    await untilReady(core);
    for (const q of ['qxzvbnmkl', '退款 qxzvbnmkl', '龘靐', '退款龘']) {
      expect(await search(core, q), q).toMatchObject({ hits: [], total: 0, totalExact: true, complete: true, nextOffset: null });
    }
  });

  it('engine: the pages of a random corpus are exactly the texts that match, word for word, in any page size', () => {
    let s = 42;
    const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const vocab = ['退款', '申请', '视频', '上传', '失败', 'refund', 'upload', 'failed', 'order', 'please', '账号', 'login', '审核', 'vip'];
    const e = createEngine();
    const texts = new Map<string, string>();
    const all: { id: string; text: string; at: number; author: string | null }[] = [];
    for (let g = 0; g < 200; g++) {
      const n = 1 + Math.floor(rnd() * 45); // some groups span two documents (32 texts each)
      const slots: Slot[] = [];
      for (let i = 0; i < n; i++) {
        const text = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => vocab[Math.floor(rnd() * vocab.length)]).join(rnd() < 0.5 ? ' ' : '');
        const id = `g${g}m${i}`;
        const author = ['a1', 'a2', null][Math.floor(rnd() * 3)];
        texts.set(id, text);
        all.push({ id, text, at: g * 100 + i, author });
        slots.push({ kind: 'm', id, text, at: g * 100 + i, author });
      }
      e.add(`g${g}`, slots);
    }
    // Messages arriving later: each a document of one text in its group, as a reply or an import adds them.
    for (let g = 0; g < 200; g += 3) {
      const text = Array.from({ length: 2 }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' ');
      const id = `g${g}late`;
      const author = rnd() < 0.5 ? 'a1' : null;
      texts.set(id, text);
      all.push({ id, text, at: g * 100 + 50, author });
      e.add(`g${g}`, [{ kind: 'm', id, text, at: g * 100 + 50, author }]);
    }
    // a killed text is never a hit
    e.kill('g7', (_, id) => id === 'g7m0');
    const alive = all.filter((t) => t.id !== 'g7m0');
    const textOf = (_: string, id: string) => texts.get(id);
    for (const q of ['退款', '款申', 'refund', 'refund upload', '视频 login', 're', '退', 'order 审核', 'vip 账号 please', '上传失败']) {
      const match = messageMatcher(q);
      const expected = alive.filter((t) => match(t.text)).map((t) => t.id).sort();
      for (const limit of [1, 7, 100]) {
        const got: string[] = [];
        let total = -1;
        for (let offset = 0; ; offset += limit) {
          const r = e.search(q, { textOf, limit, offset });
          expect(r.complete).toBe(true);
          total = r.total;
          got.push(...r.hits.map((h) => h.id));
          if (!r.hasMore) break;
        }
        expect(got.length, `${q} / ${limit}`).toBe(new Set(got).size);
        expect(got.sort(), `${q} / ${limit}`).toEqual(expected);
        expect(total, q).toBe(expected.length);
      }
      // filters are masks too: the agent's messages, a date range (its ends cut through groups' texts, so each
      // text's own time decides)
      const ranges = [[5000, 12_345], [5_017, 12_320], [31, 31], [1_240, 1_250]];
      for (let k = 0; k < 12; k++) {
        const a = Math.floor(rnd() * 20_000);
        ranges.push([a, a + Math.floor(rnd() * 3_000)]);
      }
      for (const [from, to] of ranges) {
        const mine = e.search(q, { textOf, limit: 10_000, filter: { author: 'a1', from, to, doc: () => 'author' } });
        const wanted = alive.filter((t) => match(t.text) && t.author === 'a1' && t.at >= from && t.at <= to).map((t) => t.id);
        expect(mine.hits.map((h) => h.id).sort(), `${q} ${from}-${to}`).toEqual(wanted.sort());
        expect(mine.total).toBe(wanted.length);
        const dated = e.search(q, { textOf, limit: 10_000, filter: { from, to } });
        expect(dated.hits.map((h) => h.id).sort(), `${q} ${from}-${to}`).toEqual(alive.filter((t) => match(t.text) && t.at >= from && t.at <= to).map((t) => t.id).sort());
      }
    }
  });
});
