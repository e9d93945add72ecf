import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { coreSandbox } from './coreSandbox';
import type { Output } from '../../shared/contract';
import { createEngine } from '../../electron/core/services/search/engine';

const NOW = Date.parse('2026-11-24T09:00:00+08:00');

const sandbox = coreSandbox('kefu-search-');
const { call } = sandbox;
/** The search index on its own thread (the app's default) or on the core's (the unit tests' default). */
let searchWorker = false;
const open = async () => (await sandbox.open(undefined, undefined, { searchWorker })).core;
async function untilReady(core: Core) {
  for (;;) {
    const p = await call<Output<'search.status'>>(core, 'search.status', {});
    if (p.ready) return p;
    await new Promise((r) => setImmediate(r));
  }
}
const search = (core: Core, q: string, filters = {}) => call<Output<'search.query'>>(core, 'search.query', { q, filters });
/** Message hits only (a new conversation's subject repeats its first message, so it is a hit too). */
const msgs = async (core: Core, q: string, filters = {}) => ({ hits: (await search(core, q, filters)).hits.filter((h) => h.kind === 'message') });
const marked = (h: Output<'search.query'>['hits'][number]) => h.marks.map(([s, e]) => h.snippet.slice(s, e));


describe.each([
  { where: "on the core's thread", worker: false },
  { where: 'on a thread of its own', worker: true },
])('search, the index $where', ({ worker }) => {
  beforeEach(() => {
    searchWorker = worker;
  });

  it('builds in the background, reports progress, then finds zh and en across messages, conversations and customers', async () => {
    const core = await open();
    const start = await call<Output<'search.status'>>(core, 'search.status', {});
    expect(start.total).toBeGreaterThan(1000);
    // Progress while building. The first call signs in (scrypt on the thread pool) and the build runs meanwhile: on a
    // loaded machine it can finish first (CI once saw it ready), so only the count is checked here.
    expect(start.indexed).toBeLessThanOrEqual(start.total);
    const done = await untilReady(core);
    expect(done.indexed).toBe(done.total);

    const zh = await search(core, '视频上传');
    expect(zh.total).toBeGreaterThan(0);
    expect(zh.hits[0].kind).not.toBe('customer');
    expect(marked(zh.hits[0]).join('')).toContain('视频上传');

    const customer = await search(core, '王小明');
    expect(customer.hits.find((h) => h.kind === 'customer')).toMatchObject({ customerName: '王小明', conversationId: expect.any(String) });
    expect((await search(core, '😀')).hits).toEqual([]);
  });

  it('indexes new messages as they arrive and finds a substring inside a word', async () => {
    const core = await open();
    await untilReady(core);
    const { conversationId } = await call(core, 'sim.customerMessage', { customerId: 'cu-0003', category: 'payment', body: '我要提交退款申请，订单号 XK2026' });
    const hits = (await search(core, '款申')).hits.filter((h) => h.conversationId === conversationId && h.kind === 'message');
    expect(hits).toHaveLength(1);
    expect(marked(hits[0])).toEqual(['款申']);
    expect((await search(core, 'xk2026')).hits.map((h) => h.conversationId)).toContain(conversationId);
  });

  it('ranks the exact phrase above scattered words, and applies filters', async () => {
    const core = await open();
    await untilReady(core);
    const a = (await call(core, 'sim.customerMessage', { customerId: 'cu-0003', category: 'account', body: 'zorblax quintessence appeal' })).conversationId;
    const b = (await call(core, 'sim.customerMessage', { customerId: 'cu-0004', category: 'payment', body: 'quintessence of my zorblax and more zorblax quintessence words' })).conversationId;
    void b;
    const r = await search(core, 'zorblax quintessence');
    expect(r.hits.filter((h) => h.kind === 'message')).toHaveLength(2);
    // b has both words more often, but a has them as the phrase... and so does b ("zorblax quintessence words").
    const c = (await call(core, 'sim.customerMessage', { customerId: 'cu-0005', category: 'payment', body: 'quintessence then zorblax, twice: quintessence zorblax zorblax' })).conversationId;
    const ranked = (await search(core, 'zorblax quintessence')).hits.filter((h) => h.kind === 'message');
    expect(ranked.at(-1)!.conversationId).toBe(c);
    expect(ranked.at(-1)!.phrase).toBe(false);
    expect(ranked.slice(0, 2).every((h) => h.phrase)).toBe(true);

    expect((await msgs(core, 'zorblax', { category: 'account' })).hits.map((h) => h.conversationId)).toEqual([a]);
    expect((await msgs(core, 'zorblax', { customerId: 'cu-0005' })).hits.map((h) => h.conversationId)).toEqual([c]);
    expect((await msgs(core, 'zorblax', { from: NOW + 1 })).hits).toEqual([]);
    // a category edit is reflected at once (filters read live records)
    await call(core, 'conversation.setCategory', { id: c, category: 'account' });
    expect((await msgs(core, 'zorblax', { category: 'account' })).hits.map((h) => h.conversationId).sort()).toEqual([a, c].sort());
    await call(core, 'conversation.reply', { id: c, body: 'zorblax answered' });
    expect((await msgs(core, 'zorblax answered', { agentId: 'a-lina' })).hits.map((h) => h.conversationId)).toEqual([c]);
    expect((await msgs(core, 'zorblax answered', { agentId: 'a-james' })).hits).toEqual([]);
  });

  it('finds a reply in a conversation already indexed, only in the message that has every word, with per-message dates', async () => {
    const core = await open();
    await untilReady(core);
    const a = (await call(core, 'sim.customerMessage', { customerId: 'cu-0003', category: 'account', body: 'quibblefish 蓝鲸直播' })).conversationId;
    await call(core, 'clock.advance', { ms: 3600_000 });
    await call(core, 'conversation.reply', { id: a, body: 'wobbleton 上传完成' });
    const reply = (await msgs(core, 'wobbleton')).hits;
    expect(reply.map((h) => h.conversationId)).toEqual([a]);
    expect(marked(reply[0])).toEqual(['wobbleton']);
    // the conversation has both words, but no one message does
    expect((await search(core, 'quibblefish wobbleton')).hits.filter((h) => h.conversationId === a)).toEqual([]);
    expect((await search(core, '蓝鲸上传')).hits.filter((h) => h.conversationId === a)).toEqual([]);
    // the date range applies to each message, not to the conversation
    expect((await msgs(core, 'quibblefish', { from: NOW + 1000 })).hits).toEqual([]);
    expect((await msgs(core, 'wobbleton', { from: NOW + 1000 })).hits.map((h) => h.conversationId)).toEqual([a]);
    // a tag added later makes the conversation a hit
    await call(core, 'conversation.setTags', { id: a, tags: ['glimmerqueen'] });
    expect((await search(core, 'glimmerqueen')).hits).toMatchObject([{ kind: 'conversation', conversationId: a }]);
  });

});

describe('search engine', () => {
  it('engine: a Chinese exact phrase outranks the same characters out of order', () => {
    const e = createEngine();
    const texts = new Map([
      ['1', '申请退款后，退款的申请还没处理'],
      ['2', '我要提交退款申请'],
      ['3', '退款申请'],
    ]);
    for (const [id, text] of texts) e.add(`g${id}`, [{ kind: 'm', id, text, at: Number(id) }]);
    const textOf = (_: string, id: string) => texts.get(id);
    const r = e.search('退款申请', { textOf, limit: 10 });
    // both words, but not as the phrase: found, and ranked last
    expect(r.hits.map((h) => h.id).slice(0, 2).sort()).toEqual(['2', '3']);
    expect(r.hits[2]).toMatchObject({ id: '1', phrase: false });
    expect(e.search('款申', { textOf, limit: 10 }).hits.map((h) => h.id).sort()).toEqual(['2', '3']);
    e.kill('g3');
    expect(e.search('退款申请', { textOf, limit: 10 }).hits.map((h) => h.id)).not.toContain('3');
  });

  it('engine: every word must be in one text of a document, newest first, 32 texts to a document', () => {
    const e = createEngine();
    const texts = new Map<string, string>();
    const slots = Array.from({ length: 40 }, (_, i) => {
      const text = i % 2 ? `refund ${i}` : `order ${i}`;
      texts.set(`m${i}`, text);
      return { kind: 'm' as const, id: `m${i}`, text, at: i };
    });
    e.add('c1', slots);
    const textOf = (_: string, id: string) => texts.get(id);
    const r = e.search('refund', { textOf, limit: 100 });
    expect(r).toMatchObject({ total: 20, complete: true, hasMore: false });
    expect(r.hits.map((h) => h.id)).toEqual(Array.from({ length: 20 }, (_, i) => `m${39 - 2 * i}`));
    // "refund" and "order" are both in the group, never in one text
    expect(e.search('refund order', { textOf, limit: 10 })).toMatchObject({ hits: [], total: 0, complete: true });
    expect(e.search('refund 7', { textOf, limit: 10 }).hits.map((h) => h.id)).toEqual(['m7']);
  });
});
