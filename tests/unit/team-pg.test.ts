/**
 * Team mode against a real PostgreSQL (tests/unit/pgHarness.ts): the schema's migrations, atomic writes across
 * desktops (processes of their own), changes reaching every desktop, and the offline outbox's exactly-once replay.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateTeamDb } from '../../electron/core/team/migrate';
import { TEAM_MIGRATIONS } from '../../electron/core/team/migrations';
import { applyTeamAction, applyTeamActions, type TeamAction } from '../../electron/core/team/teamActions';
import { listenTeamChanges, type ListenState, type TeamChange } from '../../electron/core/team/teamChanges';
import { createTeamConversations } from '../../electron/core/team/teamConversations';
import { openTeamDb, teamDbFromEnv, type TeamDb } from '../../electron/core/team/teamDb';
import { TeamOutbox } from '../../electron/core/team/teamOutbox';
import { readTeamChanges } from '../../electron/core/team/teamPull';
import { TeamVersions } from '../../electron/core/team/teamVersions';
import type { Store } from '../../electron/core/store/types';
import { startPostgres, type TestPostgres } from './pgHarness';
import { testConversation, testReply } from './teamRecords';
import { bundledChild } from './bundledChild';

/** The child, bundled once (a tsx start per spawn cost ~1 s more; see bundledChild.ts). */
const CHILD_JS = await bundledChild('tests/fixtures/teamDesktopChild.ts');

let server: TestPostgres;
let db: TeamDb;
const ROOT = path.resolve(import.meta.dirname, '../..');

beforeAll(async () => {
  server = await startPostgres();
  db = await openTeamDb({ url: server.url });
});
afterAll(async () => {
  await db?.close();
  await server?.stop();
});
beforeEach(async () => {
  await db.pool.query('truncate team_actions, team_messages, team_conversations, team_records');
});

/** Runs a desktop process (tests/fixtures/teamDesktopChild.ts) and resolves with its stdout. */
function desktop(args: string[], onLine?: (line: string, kill: () => void) => void): Promise<{ out: string; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD_JS, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (onLine && out.endsWith('\n')) onLine(out.trim(), () => child.kill('SIGKILL'));
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (code !== 0 && signal === null ? reject(new Error(`desktop exited ${code}: ${err}`)) : resolve({ out, code, signal })));
  });
}

describe('the team database schema', () => {
  it('is migrated once: desktops opening it later (or at the same time) find it done; a newer one is refused', async () => {
    const versions = await db.pool.query<{ version: number }>('select version from team_schema_migrations order by version');
    expect(versions.rows.map((r) => r.version)).toEqual(TEAM_MIGRATIONS.map((m) => m.version));
    // Five desktops starting together: each step is applied once (the advisory lock), nobody fails.
    const others = await Promise.all([1, 2, 3, 4, 5].map(() => openTeamDb({ url: server.url, poolSize: 1 })));
    await Promise.all(others.map((o) => o.close()));
    expect(await migrateTeamDb(db.pool)).toEqual({ applied: [], version: TEAM_MIGRATIONS.length });
    // A step this app does not know: the database is newer than the app, which must not write to it.
    await db.pool.query("insert into team_schema_migrations (version, name) values (999, 'from a newer app')");
    try {
      await expect(openTeamDb({ url: server.url, poolSize: 1 })).rejects.toThrow(/newer than this app knows/);
    } finally {
      await db.pool.query('delete from team_schema_migrations where version = 999');
    }
  });

  it('a new database opened by ten desktops at the same moment is migrated once, and all ten open', async () => {
    await db.pool.query('create database kefu_fresh');
    const url = server.url.replace(/\/kefu_team$/, '/kefu_fresh');
    const desks = await Promise.all(Array.from({ length: 10 }, () => openTeamDb({ url, poolSize: 1 })));
    try {
      const rows = await desks[0].pool.query<{ version: number }>('select version from team_schema_migrations order by version');
      expect(rows.rows.map((r) => r.version)).toEqual(TEAM_MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all(desks.map((d) => d.close()));
    }
  });

  it('reads records back through the same schemas as the local store (a bad row is said, not used)', async () => {
    const team = createTeamConversations(db.pool);
    await team.put(testConversation('c-1'));
    expect((await team.get('c-1'))?.record.subject).toBe('付款失败 c-1');
    await db.pool.query(`update team_conversations set record = record || '{"status":"lost"}' where id = 'c-1'`);
    await expect(team.get('c-1')).rejects.toThrow(/c-1 fails its schema: status/);
  });
});

describe('pointing a desktop at the team database', () => {
  it('reads the connection from the environment, and says clearly what is wrong with it', () => {
    expect(teamDbFromEnv({})).toBeNull();
    expect(teamDbFromEnv({ KEFU_TEAM_DATABASE_URL: 'postgres://k:s@db.lan/kefu', KEFU_TEAM_DATABASE_TLS: 'verify' })).toMatchObject({ url: 'postgres://k:s@db.lan/kefu', tls: 'verify' });
    expect(() => teamDbFromEnv({ KEFU_TEAM_DATABASE_URL: 'mysql://db.lan/kefu' })).toThrow(/KEFU_TEAM_DATABASE_URL.*url: a postgres:\/\/ connection string/);
    expect(() => teamDbFromEnv({ KEFU_TEAM_DATABASE_URL: 'postgres://db.lan/kefu', KEFU_TEAM_DATABASE_TLS: 'yes' })).toThrow(/tls/);
  });
});

describe('atomic writes across desktops', () => {
  it('two desktops changing the same version: one wins, the other is told and sees the winner (no lost update)', async () => {
    const team = createTeamConversations(db.pool);
    await team.put(testConversation('c-2'));
    const seen = (await team.get('c-2'))!;
    const [a, b] = await Promise.all([
      team.update({ ...seen.record, assigneeId: 'a-lina' }, seen.version),
      team.update({ ...seen.record, tags: ['vip-follow-up'] }, seen.version),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = a.ok ? b : a;
    const now = (await team.get('c-2'))!;
    expect(!loser.ok && loser.current).toEqual(now);
    expect(now.version).toBe(seen.version + 1);
  });

  it.each([2, 5])('%i desktops (processes) taking work together never take the same conversation', async (n) => {
    const team = createTeamConversations(db.pool);
    const ids = Array.from({ length: 120 }, (_, i) => `q-${String(i).padStart(3, '0')}`);
    for (const id of ids) await team.put(testConversation(id, { queuedAt: 1_795_000_000_000 + Number(id.slice(2)) }));
    const runs = await Promise.all(Array.from({ length: n }, (_, i) => desktop(['claim', server.url, `a-desk-${i}`])));
    const claims = runs.map((r) => (JSON.parse(r.out) as { claimed: string[] }).claimed);
    const all = claims.flat();
    expect(all.length).toBe(ids.length); // every one taken ...
    expect(new Set(all).size).toBe(ids.length); // ... once
    // And each is held by the desktop that was told it took it.
    const rows = await db.pool.query<{ id: string; assignee_id: string }>('select id, assignee_id from team_conversations');
    const holder = new Map(rows.rows.map((r) => [r.id, r.assignee_id]));
    claims.forEach((list, i) => list.forEach((id) => expect(holder.get(id)).toBe(`a-desk-${i}`)));
  });

  it('a desktop killed mid-transaction leaves nothing half written, and what it had locked is free again', async () => {
    const team = createTeamConversations(db.pool);
    await team.put(testConversation('c-locked'));
    let held = '';
    const run = await desktop(['hold', server.url], (line, kill) => {
      held = line;
      kill();
    });
    expect(run.signal).toBe('SIGKILL');
    expect(held).toBe('holding c-locked');
    // PostgreSQL rolls the dead session's transaction back once it notices the closed socket.
    const deadline = Date.now() + 10_000;
    let got: Awaited<ReturnType<typeof team.takeNext>> = null;
    while (!got && Date.now() < deadline) got = await team.takeNext('a-lina', 1);
    expect(got?.record.id).toBe('c-locked');
    expect(got?.record.assigneeId).toBe('a-lina');
    const half = await db.pool.query("select count(*)::int as n from team_conversations where id like 'half-%'");
    expect(half.rows[0].n).toBe(0);
  });
});

describe('changes reach every desktop', () => {
  it('a committed write is announced to the other desktops; a rolled-back one is not', async () => {
    const got: TeamChange[] = [];
    const listener = listenTeamChanges({ url: server.url }, (c) => got.push(c));
    await listener.ready;
    try {
      const team = createTeamConversations(db.pool);
      const client = await db.pool.connect();
      await client.query('begin');
      await createTeamConversations(client).put(testConversation('c-rolled-back'));
      await client.query('rollback');
      client.release();
      const v = await team.put(testConversation('c-3'));
      const deadline = Date.now() + 5_000;
      while (!got.some((c) => c.id === 'c-3') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(got).toContainEqual({ coll: 'conversations', id: 'c-3', version: v });
      expect(got.some((c) => c.id === 'c-rolled-back')).toBe(false);
    } finally {
      await listener.close();
    }
  });

  it('when its connection is cut, the listener says so, reconnects and hears later changes', async () => {
    const got: TeamChange[] = [];
    const states: ListenState[] = [];
    const listener = listenTeamChanges({ url: server.url }, (c) => got.push(c), { onState: (s) => states.push(s), retryMs: 20 });
    await listener.ready;
    try {
      // The server ends the listening session (a restart, a network cut).
      await db.pool.query("select pg_terminate_backend(pid) from pg_stat_activity where query like 'listen %' and pid <> pg_backend_pid()");
      const deadline = Date.now() + 10_000;
      while (states.filter((s) => s === 'listening').length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(states).toEqual(['listening', 'reconnecting', 'listening']);
      const v = await createTeamConversations(db.pool).put(testConversation('c-4'));
      while (!got.some((c) => c.id === 'c-4') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(got).toContainEqual({ coll: 'conversations', id: 'c-4', version: v });
    } finally {
      await listener.close();
    }
  });
});

describe('reading the team into a desktop', () => {
  it('leaves a record alone while this desktop’s own write of it is on the way, and takes the team’s copy once that write gave way', async () => {
    const team = createTeamConversations(db.pool);
    await team.put(testConversation('c-echo', { tags: ['team'] }));
    const local = new Map([['c-echo', testConversation('c-echo', { tags: ['newer, on this desktop'] })]]);
    const store = { get: (coll: string, id: string) => (coll === 'conversations' ? local.get(id) : undefined), all: () => new Map() } as unknown as Store;
    const versions = new TeamVersions([]);
    // This desktop changed it (based on nothing it read yet): its write waits to be sent.
    const [write] = versions.actionsOf([{ op: 'put', coll: 'conversations', rec: local.get('c-echo')! }], (p) => `${p}1`, 1);
    const read = () => readTeamChanges(db.pool, store, versions, { conversations: ['c-echo'], messages: [], records: [] });
    expect(await read()).toEqual([]); // the team's copy would overwrite the newer local one: left alone
    // The write met the team's copy (a conflict): now the team's copy is read and comes in.
    expect(versions.settled(write, { status: 'conflict', version: 1 })).toBe(true);
    const back = await read();
    expect(back.map((c) => (c.op === 'put' ? (c.rec as { tags: string[] }).tags : null))).toEqual([['team']]);
  });
});

describe('the offline outbox', () => {
  it('keeps the agent working while the database is away, then replays each action exactly once, conflicts by rule', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kefu-team-outbox-'));
    const file = path.join(dir, 'team-outbox.jsonl');
    const team = createTeamConversations(db.pool);
    await team.put(testConversation('c-mine', { assigneeId: 'a-lina' }));
    await team.put(testConversation('c-moved', { assigneeId: 'a-lina' }));
    await team.put(testConversation('c-free'));
    const free = (await team.get('c-free'))!;
    const desk = await openTeamDb({ url: server.url, poolSize: 1 });
    const apply = (chunk: TeamAction[]) => applyTeamActions(desk.pool, 'desk-1', chunk);
    try {
      await server.pause(); // the database goes away
      const outbox = new TeamOutbox(file);
      const actions: TeamAction[] = [
        { id: 'act-1', kind: 'reply', conversationId: 'c-mine', agentId: 'a-lina', message: testReply('m-1', 'c-mine', 'a-lina'), at: 1_795_000_100_000 },
        { id: 'act-2', kind: 'reply', conversationId: 'c-moved', agentId: 'a-lina', message: testReply('m-2', 'c-moved', 'a-lina'), at: 1_795_000_100_001 },
        { id: 'act-3', kind: 'assign', conversationId: 'c-free', agentId: 'a-lina', expectedVersion: free.version, at: 1_795_000_100_002 },
      ];
      for (const a of actions) outbox.enqueue(a); // acknowledged locally, "not yet synced"
      const offline = await outbox.replay(apply);
      expect(offline.settled).toEqual([]);
      expect(offline.waiting).toBe(3);
      expect(offline.error).not.toBeNull();

      await server.resume();
      // Meanwhile, on other desktops: c-moved was given to someone else, c-free taken by another agent.
      await team.update({ ...(await team.get('c-moved'))!.record, assigneeId: 'a-wang' }, (await team.get('c-moved'))!.version);
      expect((await team.takeNext('a-zhou', 2))?.record.id).toBe('c-free');
      // A crash after act-1 reached the database but before the outbox noted it: replayed, it is recognised.
      await apply([actions[0]]);

      const reopened = new TeamOutbox(file); // the desktop restarted: the outbox is read back from disk
      expect(reopened.pending().map((a) => a.id)).toEqual(['act-1', 'act-2', 'act-3']);
      // The backlog goes in one transaction (a chunk), each action still claimed by its own id.
      const back = await reopened.replay(apply, { max: 10 });
      expect(back.error).toBeNull();
      expect(back.settled.map((s) => [s.action.id, s.outcome, s.duplicate])).toEqual([
        ['act-1', { status: 'applied' }, true],
        ['act-2', { status: 'reassigned', assigneeId: 'a-wang' }, false],
        ['act-3', { status: 'taken', assigneeId: 'a-zhou' }, false],
      ]);
      // Exactly once: one copy of each reply; nothing acknowledged was lost; the take did not override a-zhou.
      expect((await team.messagesOf('c-mine')).map((m) => m.id)).toEqual(['m-1']);
      expect((await team.messagesOf('c-moved')).map((m) => m.id)).toEqual(['m-2']);
      expect((await team.get('c-free'))?.record.assigneeId).toBe('a-zhou');
      // Replaying again changes nothing; the settled outbox starts afresh.
      expect((await new TeamOutbox(file).replay(apply)).settled).toEqual([]);
      expect(readFileSync(file, 'utf8')).toBe('');
    } finally {
      await desk.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends a backlog in chunks, one transaction each: a chunk the database refuses is retried one by one, in order, and nothing of it is half written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kefu-team-outbox-'));
    const team = createTeamConversations(db.pool);
    await team.put(testConversation('c-chunk', { assigneeId: 'a-lina' }));
    const transactions: number[] = [];
    const apply = (chunk: TeamAction[]) => (transactions.push(chunk.length), applyTeamActions(db.pool, 'desk-1', chunk));
    try {
      const outbox = new TeamOutbox(path.join(dir, 'team-outbox.jsonl'));
      const replies: TeamAction[] = Array.from({ length: 5 }, (_, i) => ({ id: `act-r${i}`, kind: 'reply', conversationId: 'c-chunk', agentId: 'a-lina', message: testReply(`m-r${i}`, 'c-chunk', 'a-lina', 1_795_000_100_000 + i), at: 1_795_000_100_000 + i }));
      // A canned reply its collection's schema refuses: the database side throws, rolling its whole chunk back.
      const refused: TeamAction = { id: 'act-bad', kind: 'publishRecord', coll: 'cannedReplies', record: { id: 'cr-bad', title: 42 }, expectedVersion: null, follows: false, at: 1_795_000_100_010 };
      const after: TeamAction = { id: 'act-after', kind: 'reply', conversationId: 'c-chunk', agentId: 'a-lina', message: testReply('m-after', 'c-chunk', 'a-lina', 1_795_000_100_011), at: 1_795_000_100_011 };
      outbox.enqueueAll([...replies.slice(0, 3), refused, ...replies.slice(3), after]);

      const r = await outbox.replay(apply, { max: 4 });
      // Chunk [r0 r1 r2 bad] failed and rolled back; alone, r0..r2 apply (not duplicates: nothing of the chunk was
      // kept) and the refused one stops the replay; what follows it waits, in order.
      expect(transactions).toEqual([4, 1, 1, 1, 1]);
      expect(r.settled.map((s) => [s.action.id, s.outcome.status, s.duplicate])).toEqual([
        ['act-r0', 'applied', false],
        ['act-r1', 'applied', false],
        ['act-r2', 'applied', false],
      ]);
      expect(r.error).toMatch(/title|expected/i);
      expect(outbox.pending().map((a) => a.id)).toEqual(['act-bad', 'act-r3', 'act-r4', 'act-after']);
      expect((await team.messagesOf('c-chunk')).map((m) => m.id)).toEqual(['m-r0', 'm-r1', 'm-r2']);
      expect((await db.pool.query("select 1 from team_actions where id = 'act-bad'")).rowCount).toBe(0);

      // Without the refused action (set aside by hand here), the rest goes in one chunk, each applied once.
      const fixed = new TeamOutbox(path.join(dir, 'team-outbox-2.jsonl'));
      fixed.enqueueAll([...replies, after]);
      transactions.length = 0;
      const again = await fixed.replay(apply, { max: 10 });
      expect(transactions).toEqual([6]);
      expect(again.settled.map((s) => [s.action.id, s.duplicate])).toEqual([
        ['act-r0', true], ['act-r1', true], ['act-r2', true], ['act-r3', false], ['act-r4', false], ['act-after', false],
      ]);
      expect((await team.messagesOf('c-chunk')).map((m) => m.id)).toEqual(['m-r0', 'm-r1', 'm-r2', 'm-r3', 'm-r4', 'm-after']);
      expect((await team.get('c-chunk'))?.version).toBe(1 + 6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a chunk\'s messages together: each kept once, a message sent before its conversation kept, one without a conversation missing', async () => {
    const team = createTeamConversations(db.pool);
    await team.put(testConversation('c-there'));
    const message = (id: string, conversationId: string, i: number): TeamAction => ({ id: `act-${id}`, kind: 'message', message: { ...testReply(id, conversationId, 'a-lina', 1_795_000_100_000 + i), author: 'customer', authorId: 'u-1' }, at: 1_795_000_100_000 + i });
    const chunk: TeamAction[] = [
      message('m-1', 'c-there', 1),
      // Its conversation comes later in the same chunk (the desktop's commit listed the message first).
      message('m-2', 'c-new', 2),
      { id: 'act-pub', kind: 'publish', conversation: testConversation('c-new'), expectedVersion: null, follows: false, at: 1_795_000_100_003 },
      message('m-3', 'c-nowhere', 4),
      message('m-4', 'c-there', 5),
    ];
    const first = await applyTeamActions(db.pool, 'desk-1', chunk);
    expect(first.map((a) => a.outcome.status)).toEqual(['applied', 'applied', 'applied', 'missing', 'applied']);
    expect(first.every((a) => !a.duplicate)).toBe(true);
    expect((await team.messagesOf('c-there')).map((m) => m.id)).toEqual(['m-1', 'm-4']);
    expect((await team.messagesOf('c-new')).map((m) => m.id)).toEqual(['m-2']);
    // Replayed (a lost acknowledgement): nothing is written again, every outcome is the first one.
    const again = await applyTeamActions(db.pool, 'desk-1', chunk);
    expect(again.map((a) => [a.outcome.status, a.duplicate])).toEqual(first.map((a) => [a.outcome.status, true]));
    // The same message sent again under a new action id (a second desktop uploading it): kept once, applied.
    const other = await applyTeamActions(db.pool, 'desk-2', [{ ...message('m-1', 'c-there', 1), id: 'act-other' }]);
    expect(other[0].outcome.status).toBe('applied');
    expect((await db.pool.query('select count(*)::int as n from team_messages')).rows[0].n).toBe(3);
  });

  it('writes a chunk\'s records together, each by compare-and-set: a stale one gives way, a missing one is said, the rest apply', async () => {
    const team = createTeamConversations(db.pool);
    for (const id of ['c-a', 'c-b', 'c-stale']) await team.put(testConversation(id));
    await db.pool.query(`update team_conversations set version = 3 where id = 'c-stale'`); // another desktop moved it on
    const canned = (id: string, title: string) => ({ id, title, body: '您好', category: null, locale: 'zh-CN', shortcut: '', scope: 'team', ownerId: null, usageCount: 0, createdAt: 1_795_000_000_000 });
    const at = 1_795_000_100_000;
    const publish = (id: string, expectedVersion: number | null, subject: string): TeamAction => ({ id: `act-${id}-${subject}`, kind: 'publish', conversation: testConversation(id, { subject }), expectedVersion, follows: false, at });
    const chunk: TeamAction[] = [
      publish('c-a', 1, 'a changed'),
      { id: 'act-cr-new', kind: 'publishRecord', coll: 'cannedReplies', record: canned('cr-1', 'new'), expectedVersion: null, follows: false, at },
      publish('c-stale', 1, 'stale change'),
      publish('c-made', null, 'made here'),
      publish('c-gone', 4, 'never in the team'),
      // The same conversation twice in one call: the second is written on the version the first made.
      publish('c-a', 2, 'a changed again'),
      publish('c-b', 1, 'b changed'),
      { id: 'act-cr-upd', kind: 'publishRecord', coll: 'cannedReplies', record: canned('cr-1', 'renamed'), expectedVersion: 1, follows: false, at },
    ];
    const r = await applyTeamActions(db.pool, 'desk-1', chunk);
    expect(r.map((a) => a.outcome)).toEqual([
      { status: 'applied', version: 2 },
      { status: 'applied', version: 1 },
      { status: 'conflict', version: 3 },
      { status: 'applied', version: 1 },
      { status: 'missing' },
      { status: 'applied', version: 3 },
      { status: 'applied', version: 2 },
      { status: 'applied', version: 2 },
    ]);
    expect((await team.get('c-a'))?.record.subject).toBe('a changed again');
    expect((await team.get('c-stale'))?.record.subject).toBe('付款失败 c-stale'); // the other desktop's stands
    expect((await team.get('c-made'))?.version).toBe(1);
    expect(await team.get('c-gone')).toBeNull();
    const cr = await db.pool.query<{ version: string; title: string }>(`select version, record->>'title' as title from team_records where coll = 'cannedReplies' and id = 'cr-1'`);
    expect(cr.rows).toEqual([{ version: '2', title: 'renamed' }]);
  });

  it('a connection cut in the middle of an action fails that action (it stays in the outbox), not the app', async () => {
    const team = createTeamConversations(db.pool);
    await team.put(testConversation('c-cut', { assigneeId: 'a-lina' }));
    const desk = await openTeamDb({ url: `${server.url}?application_name=kefu-cut`, poolSize: 1 });
    const holder = await db.pool.connect();
    try {
      // Another desktop holds the row: the action waits inside its transaction, on its own connection.
      await holder.query('begin');
      await holder.query("select 1 from team_conversations where id = 'c-cut' for update");
      const action: TeamAction = { id: 'act-cut', kind: 'reply', conversationId: 'c-cut', agentId: 'a-lina', message: testReply('m-cut', 'c-cut', 'a-lina'), at: 1_795_000_100_000 };
      const pending = applyTeamAction(desk.pool, 'desk-1', action);
      // Handled from the start: it may fail while the loop below is still awaiting the kill it asked for, and a
      // rejection nobody is listening for yet is an unhandled error to the test runner.
      pending.catch(() => {});
      const deadline = Date.now() + 5_000;
      for (;;) {
        const waiting = await db.pool.query("select pid from pg_stat_activity where application_name = 'kefu-cut' and wait_event_type = 'Lock'");
        if (waiting.rows.length > 0) {
          await db.pool.query('select pg_terminate_backend($1)', [waiting.rows[0].pid]);
          break;
        }
        if (Date.now() > deadline) throw new Error('the action never waited for the row');
        await new Promise((r) => setTimeout(r, 20));
      }
      await expect(pending).rejects.toThrow(/terminat/i);
      await holder.query('rollback');
      // Nothing of it was written; replayed, it applies once.
      expect(await team.messagesOf('c-cut')).toEqual([]);
      expect((await applyTeamAction(desk.pool, 'desk-1', action)).outcome).toEqual({ status: 'applied' });
      expect((await team.messagesOf('c-cut')).map((m) => m.id)).toEqual(['m-cut']);
    } finally {
      holder.release();
      await desk.close();
    }
  });

  it('sets aside an outbox line that does not read back (a torn write), keeping the rest', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kefu-team-outbox-'));
    try {
      const file = path.join(dir, 'team-outbox.jsonl');
      const outbox = new TeamOutbox(file);
      outbox.enqueue({ id: 'act-ok', kind: 'assign', conversationId: 'c-x', agentId: 'a-lina', expectedVersion: 1, at: 1 });
      const torn = '{"action":{"id":"act-torn","kind":"rep';
      const fd = readFileSync(file, 'utf8') + torn;
      rmSync(file);
      writeFileSync(file, fd);
      const back = new TeamOutbox(file);
      expect(back.pending().map((a) => a.id)).toEqual(['act-ok']);
      expect(back.badLines).toEqual([torn]);
      expect(readFileSync(`${file}.bad`, 'utf8')).toBe(`${torn}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
