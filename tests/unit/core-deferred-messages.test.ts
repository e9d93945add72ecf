/**
 * A core started on a store whose messages are read after the open (lazyMessages.ts `defer`): the queue and a
 * conversation are answered while they are still being read, without making the store read them all at once; a call
 * that needs every message waits for the read (messagesGate.ts) and then sees every one; search and the message index
 * see the same messages as a core that read everything at open.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { messagesLoaded, messagesPending } from '../../electron/core/store/lazyMessages';
import { LINE_PIECE } from '../../electron/core/store/snapshotLayout';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
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

/**
 * The rest of a desk's everyday calls right after a start: reminders, canned replies, saved views, a lead's re-route,
 * the complaints view, a new profile. Each is listed in messagesGate.ts only because, with the read held as the hosts
 * hold it, none of them (nor what its commit's listeners do next) makes the store finish its read.
 */
describe('the desk\'s other calls while the messages are still to be read', () => {
  it('an agent\'s reminders, canned replies and saved views, and a lead\'s re-route, complaints and new profile', async () => {
    const dir = await demoFolder();
    const { core } = await open(dir, undefined, { firstPageFirst: true, firstPageCapMs: 600_000 });
    const messages = core.store.all('messages');
    const agentId: string = (await call(core, 'session.get', {})).agent.id;
    const mine = [...core.store.all('conversations').values()].filter((c) => c.assigneeId === agentId && (c.status === 'open' || c.status === 'queued'));
    expect(messagesPending(messages)).toBe(true);

    const reminder = await call(core, 'reminders.create', { conversationId: mine[0].id, when: { preset: 'in_1_hour' }, note: '回访' });
    await call(core, 'reminders.snooze', { id: reminder.id, when: { preset: 'tomorrow_9' } });
    await call(core, 'reminders.complete', { id: reminder.id });
    const second = await call(core, 'reminders.create', { conversationId: mine[1].id, when: { preset: 'in_3_days' } });
    await call(core, 'reminders.delete', { id: second.id });
    const canned = await call(core, 'canned.save', { title: '退款说明', body: '退款将在 3 个工作日内到账。', category: 'payment', locale: 'zh-CN', shortcut: 'tk3', scope: 'personal' });
    await call(core, 'canned.use', { id: canned.id });
    const view = await call(core, 'views.save', { name: '我的支付', filter: { scope: 'mine', categories: ['payment'] } });
    await call(core, 'views.delete', { id: view.id });

    await call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    const other = [...core.store.all('agents').values()].find((a) => a.id !== agentId && a.role === 'agent' && !a.disabled)!;
    await call(core, 'routing.reroute', { id: mine[2].id, toAgentId: other.id, note: '按语言改派' }, 'lead');
    const complaints = await call(core, 'complaints.list', {}, 'lead');
    expect(complaints.items.length).toBeGreaterThan(0);
    await call(core, 'complaints.get', { id: complaints.items[0].id }, 'lead');
    await call(core, 'reminders.teamOverdue', {}, 'lead');
    await call(core, 'profiles.add', { name: '新同事', role: 'agent', secret: '246810', languages: ['zh-CN'] }, 'lead');
    // The training screens: a trainee's home, a lead's scenarios and the team's progress.
    await call(core, 'training.scenarios', {}, 'lead');
    await call(core, 'training.progress', {}, 'lead');
    await call(core, 'session.signIn', { agentId: 'a-liuyang' }, 'trainee');
    await call(core, 'training.home', {}, 'trainee');

    await new Promise((r) => setTimeout(r, 50)); // what the commits' listeners do next
    expect(messagesPending(messages)).toBe(true);
    expect(core.store.get('conversations', mine[2].id)!.assigneeId).toBe(other.id);
    expect(core.store.get('reminders', reminder.id)!.status).toBe('done');
  });
});

describe('closing a core while its messages are still being read and indexed', () => {
  it('the index reads nothing once the core is closing, whatever it still had queued', async () => {
    const dir = await demoFolder(20_000);
    LINE_PIECE.bytes = 4096; // the background read and the index build take many turns of the event loop
    // warmBot: the bot's warm-up waits for the index (search.whenReady), as in the app: that wait used to index what
    // was still queued after the index had stopped, and once the store was closed first (seen at 50 000 × 20: "the
    // snapshot file is closed", uncaught, on a close right after start).
    const { core } = await open(dir, undefined, { warmBot: true });
    // The read done, the index build under way (20 000 more messages take many slices): changes queue behind it.
    await messagesLoaded(core.store.all('messages'));
    const every = [...core.store.all('conversations').values()];
    void core.store.commit(every.map((c) => ({ op: 'put' as const, coll: 'conversations' as const, rec: { ...c, tags: ['last'] } })));
    // Message reads from the moment the close starts (its first steps before the index's stop take no turn of the
    // event loop, so the index's idle slices cannot legitimately run in between).
    let readsWhileClosing = 0;
    const get = core.store.get.bind(core.store);
    (core.store as { get: typeof get }).get = ((coll: string, id: string) => {
      if (coll === 'messages') readsWhileClosing++;
      return get(coll as never, id);
    }) as typeof get;
    await core.close();
    await new Promise((r) => setTimeout(r, 300)); // anything the index still had scheduled runs now
    expect(readsWhileClosing).toBe(0);
  });
});
