/**
 * A core started on a store whose messages are read after the open (lazyMessages.ts `defer`): the queue and a
 * conversation are answered while they are still being read, without making the store read them all at once; a call
 * that needs every message waits for the read (messagesGate.ts) and then sees every one; search and the message index
 * see the same messages as a core that read everything at open.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { messagesPending } from '../../electron/core/store/lazyMessages';
import { LINE_PIECE } from '../../electron/core/store/snapshotLayout';
import { coreSandbox } from './coreSandbox';

const { open, call } = coreSandbox('kefu-core-deferred-');
afterEach(() => void (LINE_PIECE.bytes = 8 << 20));

/**
 * A demo store with `extra` more messages in one old conversation, compacted so that they are all in a snapshot with
 * an index: enough of them that reading them takes many turns of the event loop, a sign-in's hashing included.
 */
async function demoFolder(extra = 0): Promise<string> {
  const { core, dataDir } = await open();
  const old = [...core.store.all('conversations').values()].find((c) => c.status === 'resolved')!;
  const at = old.createdAt;
  const changes = Array.from({ length: extra }, (_, i) => ({
    op: 'put' as const,
    coll: 'messages' as const,
    rec: { id: `m-extra-${i}`, conversationId: old.id, author: 'customer' as const, authorId: null, body: `早先的留言 earlier note ${i}`, at: at + i, internal: false },
  }));
  if (changes.length > 0) await core.store.commit(changes);
  await core.store.compact();
  await core.close();
  return dataDir;
}

describe('a core on messages still being read', () => {
  it('answers the queue and a conversation meanwhile, with its whole history; a call that needs every message waits', async () => {
    const dir = await demoFolder(20_000);
    const { core: eager } = await open(dir, undefined, { lazyMessages: false });
    const page = await call(eager, 'queue.page', { offset: 0, limit: 50 });
    const count = new Map<string, number>();
    for (const m of eager.store.all('messages').values()) count.set(m.conversationId, (count.get(m.conversationId) ?? 0) + 1);
    const busiest = (page.items as { id: string }[]).map((i) => i.id).sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0))[0];
    const want = (await call(eager, 'conversation.get', { id: busiest })).messages;
    expect(want.length).toBeGreaterThan(1);
    await eager.close();

    LINE_PIECE.bytes = 256; // the background read takes thousands of turns of the event loop
    const { core } = await open(dir);
    const messages = core.store.all('messages');
    await core.sessionOf('s1'); // signed in first: the calls below then go straight to the core, in order
    expect(messagesPending(messages)).toBe(true);
    // A call that needs every message (the customer's history counts them) waits for the read...
    const history = call(core, 'customer.history', { customerId: core.store.get('conversations', busiest)!.customerId });
    let answered = false;
    void history.then(() => (answered = true));
    // ...while the queue and a conversation are answered meanwhile, without making the store finish its read.
    const queue = await call(core, 'queue.page', { offset: 0, limit: 50 });
    expect(queue.items.map((i: { id: string }) => i.id)).toEqual(page.items.map((i: { id: string }) => i.id));
    const conversation = await call(core, 'conversation.get', { id: busiest });
    expect(conversation.messages).toEqual(want);
    expect(messagesPending(messages)).toBe(true);
    expect(answered).toBe(false);
    await history;
    expect(messagesPending(messages)).toBe(false);
    // Once read, the same conversation from the store's own index.
    expect((await call(core, 'conversation.get', { id: busiest })).messages).toEqual(want);
  });

  it('search, once ready, finds a message that was read in the background', async () => {
    const dir = await demoFolder();
    LINE_PIECE.bytes = 512;
    const { core } = await open(dir);
    expect(messagesPending(core.store.all('messages'))).toBe(true);
    await core.settled();
    const oldest = [...core.store.all('messages').values()].find((m) => m.author === 'customer' && m.body.length > 6)!;
    const words = oldest.body.slice(0, 6);
    const r = await call(core, 'search.query', { q: words, limit: 50, offset: 0 });
    expect(r.hits.some((h: { kind: string; id: string }) => h.kind === 'message' && h.id === oldest.id)).toBe(true);
  });
});

describe('working a conversation while the messages are still to be read', () => {
  it('a reply, tags, a category, a status change and a transfer are answered without finishing the read', async () => {
    const dir = await demoFolder();
    // As the desktop app and web mode open it: the read waits for the first queue page (none asked here).
    const { core } = await open(dir, undefined, { firstPageFirst: true, firstPageCapMs: 600_000 });
    const messages = core.store.all('messages');
    const agentId: string = (await call(core, 'session.get', {})).agent.id;
    const mine = [...core.store.all('conversations').values()].filter((c) => c.assigneeId === agentId && (c.status === 'open' || c.status === 'queued'));
    expect(mine.length).toBeGreaterThanOrEqual(5);
    const other = [...core.store.all('agents').values()].find((a) => a.id !== agentId && a.role === 'agent' && !a.disabled)!;
    expect(messagesPending(messages)).toBe(true);
    await call(core, 'conversation.reply', { id: mine[0].id, body: '您好，正在为您处理' });
    await call(core, 'conversation.setTags', { id: mine[1].id, tags: ['refund'] });
    await call(core, 'conversation.setCategory', { id: mine[2].id, category: 'account' });
    await call(core, 'conversation.setStatus', { id: mine[3].id, status: 'resolved' });
    await call(core, 'conversation.transfer', { id: mine[4].id, toAgentId: other.id, note: '请你跟进' });
    await new Promise((r) => setTimeout(r, 50)); // what the commits' listeners do next
    expect(messagesPending(messages)).toBe(true);
    expect(core.store.get('conversations', mine[3].id)!.status).toBe('resolved');
    expect(core.store.get('conversations', mine[4].id)!.assigneeId).toBe(other.id);
  });
});
