/**
 * A big import leaves the search index behind (it takes 12 ms slices between the import's batches). The next search
 * must still cover every commit made before it, but indexing ~200 000 queued changes takes seconds: it happens in
 * slices with the event loop running between them, so other calls (the queue, a reply) are not held meanwhile.
 */
import { describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import type { Message } from '../../shared/schema';
import { coreSandbox } from './coreSandbox';

const sandbox = coreSandbox('kefu-search-catchup-');

describe('search catching up with a big backlog', () => {
  it('answers with everything committed before it, without holding the other calls meanwhile', async () => {
    const { core } = await sandbox.open();
    await sandbox.call(core, 'search.status', {}); // (signs in; the start-up build runs)
    for (;;) {
      const p = await sandbox.call<Output<'search.status'>>(core, 'search.status', {});
      if (p.ready) break;
      await new Promise((r) => setImmediate(r));
    }
    const conversation = [...core.store.all('conversations').values()][0];
    // One commit of 4 000 messages, each new text: ~100 ms or more of indexing, queued all at once (no macrotask
    // runs between this commit and the calls below, so the idle slices index none of it).
    const messages: Message[] = Array.from({ length: 4000 }, (_, i) => ({
      id: `m-backlog-${i}`, conversationId: conversation.id, author: 'customer', authorId: conversation.customerId,
      body: `订单 ${880000 + i} 的退款进度 refund${i}`, at: conversation.createdAt + 1000 + i, internal: false,
    }));
    await core.store.commit(messages.map((rec) => ({ op: 'put', coll: 'messages', rec })));

    const order: string[] = [];
    const searched = sandbox.call<Output<'search.query'>>(core, 'search.query', { q: 'refund3999' }).then((r) => (order.push('search'), r));
    const other = sandbox.call(core, 'session.status', {}).then(() => order.push('status'));
    const [r] = await Promise.all([searched, other]);
    // The last message committed before the search is found...
    expect(r.hits.filter((h) => h.kind === 'message').map((h) => h.id)).toEqual(['m-backlog-3999']);
    // ...and the call made after the search did not wait for its indexing.
    expect(order).toEqual(['status', 'search']);
  });
});
