/**
 * Team mode through the core: two desktops (cores with their own stores) on one real PostgreSQL see one queue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { manualClock } from '../../electron/core/clock';
import { silentLog } from '../../electron/core/log';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { SANDBOX_NOW, withNamedSessions, type SandboxCore } from './coreSandbox';
import { startPostgres, type TestPostgres } from './pgHarness';

let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const opened: { core: Core; dir: string }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.core.close().catch(() => {});
    rmSync(o.dir, { recursive: true, force: true });
  }
  // Each test starts from an empty team database.
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  await c.query('truncate team_actions, team_messages, team_conversations, team_records');
  await c.end();
});

async function desktop(): Promise<SandboxCore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kefu-team-desk-'));
  // (Each desktop's folder is removed after the test; a test that restarts one reopens the same folder.)
  const core = await createCore({ dataDir: dir, clock: manualClock(SANDBOX_NOW), log: silentLog, spoolWatch: false, team: { url: server.url, poolSize: 2, retryMs: 300 } });
  opened.push({ core, dir });
  return withNamedSessions(core);
}

async function call<T>(core: Core, name: string, input: unknown, session = 's1'): Promise<T> {
  const r = await core.call(name, input, session);
  if (!r.ok) throw new Error(`${name}: ${r.error.kind} ${r.error.message}`);
  return r.value as T;
}

/** Waits until `check` holds (changes travel through PostgreSQL and the other desktop's listener). */
async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('team mode: two desktops on one database', () => {
  it('a conversation arriving on one desktop is in the other one’s store and queue; a reply travels back', async () => {
    const a = await desktop();
    const b = await desktop();
    const got = await call<{ conversationId: string }>(a, 'sim.customerMessage', { customerId: 'cu-0001', category: 'payment', body: '团队模式：付款失败了' });
    await a.team!.flush();
    const onB = () => [...b.store.all('messages').values()].filter((m) => m.conversationId === got.conversationId).map((m) => m.body);
    await eventually(() => onB().includes('团队模式：付款失败了'), 'the conversation and its message reach desktop B');
    // In desktop B's queue, like any conversation of its own.
    expect((await call<{ index: number }>(b, 'queue.indexOf', { id: got.conversationId })).index).toBeGreaterThanOrEqual(0);

    const reply = await call<{ id: string }>(b, 'conversation.reply', { id: got.conversationId, body: '您好，这边为您查看' });
    await b.team!.flush();
    await eventually(() => !!a.store.get('messages', reply.id), 'the reply reaches desktop A');
    expect(a.store.get('conversations', got.conversationId)!.lastMessageAt).toBe(b.store.get('conversations', got.conversationId)!.lastMessageAt);
    expect(a.team!.status()).toMatchObject({ online: true, waiting: 0, conflicts: [] });
  });

  it('two desktops changing the same conversation at once: the first stands on both, the other is told', async () => {
    const a = await desktop();
    const b = await desktop();
    const got = await call<{ conversationId: string }>(a, 'sim.customerMessage', { customerId: 'cu-0002', category: 'account', body: '账号登录不了' });
    await a.team!.flush();
    await eventually(() => !!b.store.get('conversations', got.conversationId), 'the conversation reaches desktop B');
    // Both change it before either can hear of the other's change (the database is away for a moment).
    await call(a, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    await call(b, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    const canned = { title: '退款说明', category: null, locale: 'zh-CN', shortcut: '', scope: 'team' };
    await server.pause();
    try {
      await call(a, 'conversation.setTags', { id: got.conversationId, tags: ['from-a'] });
      await call(b, 'conversation.setTags', { id: got.conversationId, tags: ['from-b'] });
      // A shared record other than a conversation, changed on both: the same rule, and the agent is told too.
      await call(a, 'canned.save', { ...canned, id: 'cr-01', body: '甲工作台的版本' }, 'lead');
      await call(b, 'canned.save', { ...canned, id: 'cr-01', body: '乙工作台的版本' }, 'lead');
    } finally {
      await server.resume();
    }
    await eventually(() => a.team!.status().online && b.team!.status().online, 'both desktops reconnect');
    await Promise.all([a.team!.flush(), b.team!.flush()]);
    const tagsOf = (d: Core) => d.store.get('conversations', got.conversationId)!.tags;
    await eventually(() => tagsOf(a).join() === tagsOf(b).join(), 'both desktops show the same tags');
    await eventually(() => a.store.get('cannedReplies', 'cr-01')?.body === b.store.get('cannedReplies', 'cr-01')?.body, 'both desktops show the same canned reply');
    const all = [...a.team!.status().conflicts, ...b.team!.status().conflicts];
    expect(all.map((c) => c.coll).sort()).toEqual(['cannedReplies', 'conversations']);
    expect(all.find((c) => c.coll === 'cannedReplies')).toMatchObject({ recordId: 'cr-01', conversationId: null, outcome: { status: 'conflict' } });
    const conflicts = all.filter((c) => c.coll === 'conversations');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ conversationId: got.conversationId, outcome: { status: 'conflict' } });
    // The header's call says so on that desktop.
    const views = await Promise.all([a, b].map((d) => call<{ enabled: boolean; conflicts: { conversationId: string }[] }>(d, 'team.status', {})));
    expect(views.every((v) => v.enabled)).toBe(true);
    expect(views.flatMap((v) => v.conflicts.map((c) => c.conversationId)).filter(Boolean)).toEqual([got.conversationId]);
    // The desktop that was told is the one whose tags did not stand.
    const loser = a.team!.status().conflicts.some((c) => c.coll === 'conversations') ? 'from-a' : 'from-b';
    expect(tagsOf(a)).toEqual([loser === 'from-a' ? 'from-b' : 'from-a']);
  });

  it('a desktop joining the team brings the work it held before; joining again, or another desktop with the same demo data, adds nothing twice', async () => {
    // Desktop A worked on its own before the team existed.
    const dirA = mkdtempSync(path.join(tmpdir(), 'kefu-team-desk-'));
    const solo = withNamedSessions(await createCore({ dataDir: dirA, clock: manualClock(SANDBOX_NOW), log: silentLog, spoolWatch: false }));
    const before = await call<{ conversationId: string }>(solo, 'sim.customerMessage', { customerId: 'cu-0007', category: 'payment', body: '加入团队前的会话' });
    const reply = await call<{ id: string }>(solo, 'conversation.reply', { id: before.conversationId, body: '加入团队前的回复' });
    await call(solo, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    const canned = await call<{ id: string }>(solo, 'canned.save', { title: '入队前模板', body: '加入团队前写的模板', category: null, locale: 'zh-CN', shortcut: '', scope: 'team' }, 'lead');
    const local = { conversations: [...solo.store.all('conversations').keys()], messages: solo.store.all('messages').size };
    await solo.raw.close();

    const lines: string[] = [];
    const open = async () => {
      const core = await createCore({ dataDir: dirA, clock: manualClock(SANDBOX_NOW), log: (_l, m) => lines.push(m), spoolWatch: false, team: { url: server.url, poolSize: 2, retryMs: 300 } });
      opened.push({ core, dir: dirA });
      return withNamedSessions(core);
    };
    const a = await open();
    await a.team!.flush();
    expect(lines.filter((l) => l.startsWith('team: joined team database'))).toHaveLength(1);
    const b = await desktop(); // a new desktop: its own demo data, the same records as A's first ones
    await b.team!.flush();
    await eventually(() => !!b.store.get('messages', reply.id) && !!b.store.get('cannedReplies', canned.id), 'what A held before reaches desktop B');
    expect(b.store.get('conversations', before.conversationId)?.customerId).toBe('cu-0007');
    expect([...b.store.all('messages').values()].filter((m) => m.conversationId === before.conversationId).map((m) => m.body).sort()).toEqual(['加入团队前的会话', '加入团队前的回复'].sort());
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    try {
      const count = async () => (await c.query<{ convs: string; msgs: string }>('select (select count(*) from team_conversations) as convs, (select count(*) from team_messages) as msgs')).rows[0];
      // Every conversation once: A's, and B's demo ones were A's demo ones (same ids: B added none of its own).
      expect(Number((await count()).convs)).toBe(new Set([...local.conversations, ...b.store.all('conversations').keys()]).size);
      expect(Number((await count()).convs)).toBe(local.conversations.length);
      expect(Number((await count()).msgs)).toBe(local.messages);
      // A restart of A: already joined, nothing uploaded again.
      await a.raw.close();
      const again = await open();
      await again.team!.flush();
      expect(lines.filter((l) => l.startsWith('team: joined team database'))).toHaveLength(1);
      expect(await count()).toEqual({ convs: String(local.conversations.length), msgs: String(local.messages) });
      expect(again.team!.status()).toMatchObject({ waiting: 0, conflicts: [], joining: null });
    } finally {
      await c.end();
    }
  });

  it('a desktop starting while the database is away opens on its own store, then joins when it is back', async () => {
    await server.pause();
    let a: SandboxCore;
    let got: { conversationId: string };
    try {
      a = await desktop(); // does not wait for, nor fail on, the team's database
      expect(a.team!.status().online).toBe(false);
      got = await call<{ conversationId: string }>(a, 'sim.customerMessage', { customerId: 'cu-0004', category: 'payment', body: '离线时来的消息' });
      expect(a.team!.status().waiting).toBeGreaterThan(0);
    } finally {
      await server.resume();
    }
    const b = await desktop();
    // It retries (every 5 s; 300 ms here): it connects, sends what waited, and the other desktop has it.
    await eventually(() => a.team!.status().online, 'desktop A joins the team');
    await a.team!.flush();
    await eventually(() => [...b.store.all('messages').values()].some((m) => m.conversationId === got.conversationId && m.body === '离线时来的消息'), 'its work reaches desktop B');
  });

  it('work acknowledged while the database was away survives a restart of the desktop and is sent once', async () => {
    const a = await desktop();
    const b = await desktop();
    const got = await call<{ conversationId: string }>(a, 'sim.customerMessage', { customerId: 'cu-0006', category: 'account', body: '重启前的会话' });
    await a.team!.flush();
    await eventually(() => !!b.store.get('conversations', got.conversationId), 'the conversation reaches desktop B');
    await server.pause();
    const dirA = opened.find((o) => o.core === a.raw)!.dir;
    let replyId: string;
    try {
      replyId = (await call<{ id: string }>(a, 'conversation.reply', { id: got.conversationId, body: '重启也不会丢' })).id;
      await a.raw.close(); // the desktop goes down with the reply acknowledged but not sent
    } finally {
      await server.resume();
    }
    const again = withNamedSessions(await createCore({ dataDir: dirA, clock: manualClock(SANDBOX_NOW), log: silentLog, spoolWatch: false, team: { url: server.url, poolSize: 2, retryMs: 300 } }));
    opened.push({ core: again.raw, dir: dirA }); // closed after the test (the folder is removed once, whichever entry is first)
    await eventually(() => again.team!.status().online, 'the restarted desktop connects');
    await again.team!.flush();
    await eventually(() => !!b.store.get('messages', replyId), 'the reply reaches desktop B');
    expect([...b.store.all('messages').values()].filter((m) => m.body === '重启也不会丢')).toHaveLength(1);
  });

  it('the team shares its profiles (a lead adds one on one desktop, it signs in on another), customers and canned replies', async () => {
    const a = await desktop();
    const b = await desktop();
    await call(a, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    const added = await call<{ id: string }>(a, 'profiles.add', { name: '新同事 周敏', role: 'agent', secret: '482913', languages: ['zh-CN', 'en'] }, 'lead');
    const canned = await call<{ id: string }>(a, 'canned.save', { title: '团队模板', body: '您好，团队统一回复', category: null, locale: 'zh-CN', shortcut: 'tdy', scope: 'team' }, 'lead');
    const got = await call<{ conversationId: string }>(a, 'sim.customerMessage', { customerId: 'cu-0005', category: 'payment', body: '共享客户' });
    await a.team!.flush();
    await eventually(() => !!b.store.get('agents', added.id) && !!b.store.get('credentials', added.id) && !!b.store.get('cannedReplies', canned.id), 'the profile and the canned reply reach desktop B');
    // The new colleague signs in on desktop B with the secret the lead set on desktop A.
    const signedIn = await b.raw.call('session.signIn', { agentId: added.id, secret: '482913' }, null);
    expect(signedIn.ok).toBe(true);
    expect(b.store.get('cannedReplies', canned.id)?.body).toBe('您好，团队统一回复');
    await eventually(() => !!b.store.get('conversations', got.conversationId), 'the conversation reaches desktop B');
    expect(b.store.get('customers', 'cu-0005')?.id).toBe('cu-0005');
    // Deleted on desktop B: gone on desktop A too.
    await call(b, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    await call(b, 'canned.delete', { id: canned.id }, 'lead');
    await b.team!.flush();
    await eventually(() => !a.store.get('cannedReplies', canned.id), 'the deletion reaches desktop A');
  });

  it('while the database is away the agent keeps working; on its return the work is sent exactly once', async () => {
    const a = await desktop();
    const b = await desktop();
    const got = await call<{ conversationId: string }>(a, 'sim.customerMessage', { customerId: 'cu-0003', category: 'video_upload', body: '视频一直上传失败' });
    await a.team!.flush();
    await eventually(() => !!b.store.get('conversations', got.conversationId), 'the conversation reaches desktop B');
    await server.pause();
    try {
      const reply = await call<{ id: string }>(a, 'conversation.reply', { id: got.conversationId, body: '请换个网络再试一次' });
      // More changes of the same conversation while away: each follows the one before it when sent (in chunks,
      // one transaction for the backlog), and none of them meets a conflict of its own making.
      await call(a, 'conversation.setTags', { id: got.conversationId, tags: ['网络'] });
      await call(a, 'conversation.setTags', { id: got.conversationId, tags: ['网络', '已回复'] });
      await a.team!.flush();
      expect(a.store.get('messages', reply.id)?.body).toBe('请换个网络再试一次'); // acknowledged on this desktop
      expect(a.team!.status().waiting).toBeGreaterThan(0); // "not yet synced"
      await server.resume();
      await eventually(() => a.team!.status().online, 'desktop A reconnects');
      await a.team!.flush();
      expect(a.team!.status().waiting).toBe(0);
      await eventually(() => !!b.store.get('messages', reply.id), 'the reply reaches desktop B');
      const copies = [...b.store.all('messages').values()].filter((m) => m.body === '请换个网络再试一次');
      expect(copies).toHaveLength(1);
      await eventually(() => b.store.get('conversations', got.conversationId)?.tags.join() === '网络,已回复', 'the last change stands on desktop B');
      expect(a.team!.status().conflicts).toEqual([]);
      expect(a.store.get('conversations', got.conversationId)?.tags).toEqual(['网络', '已回复']);
    } finally {
      await server.resume().catch(() => {});
    }
  });
});
