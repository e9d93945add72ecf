import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateStore } from '../../electron/core/store/migrations';
import { openStore } from '../../electron/core/store/openStore';
import type { Store } from '../../electron/core/store/types';
import { storeSandbox } from './storeSandbox';
import { SCHEMA_VERSION } from '../../shared/schema';

const { logs, tempDir, open, closeStore } = storeSandbox('kefu-store-mig-');

// What a version-1 build wrote: customers had `vip: boolean`, conversations had `tier`.
const v1Customer = (id: string, vip: boolean) => ({ id, name: `客户 ${id}`, vip, locale: 'zh-CN', createdAt: 1 });
const v1Conversation = (id: string, tier: 'normal' | 'vip') => ({
  id,
  customerId: 'u1',
  category: 'account',
  status: 'queued',
  tier,
  subject: '登录不了',
  createdAt: 1,
  queuedAt: 1,
  dueAt: 2,
  ownerId: null,
  assigneeId: null,
  tags: [],
  contactCount: 1,
  updatedAt: 1,
  lastMessageAt: 1,
});

function writeV1Store(dir: string) {
  const snapshot = {
    version: 1,
    gen: 0,
    collections: {
      customers: [v1Customer('u1', true), v1Customer('u2', false)],
      conversations: [v1Conversation('c1', 'vip'), v1Conversation('c2', 'normal')],
      messages: [{ id: 'm1', conversationId: 'c1', author: 'customer', authorId: 'u1', body: '你好', at: 1 }],
    },
  };
  writeFileSync(path.join(dir, 'snapshot-0.json'), JSON.stringify(snapshot));
  // A version-1 journal left behind too: its records are migrated the same way.
  const journal =
    JSON.stringify({ journal: 1, version: 1, gen: 0 }) +
    '\n' +
    JSON.stringify({ seq: 1, changes: [{ op: 'put', coll: 'customers', rec: v1Customer('u3', true) }] }) +
    '\n';
  writeFileSync(path.join(dir, 'journal-0.ndjson'), journal);
}

describe('store migrations', () => {
  it('has an unbroken chain up to SCHEMA_VERSION', () => {
    let v = 1;
    for (const m of MIGRATIONS) {
      expect(m.from).toBe(v);
      v = m.to;
    }
    expect(v).toBe(SCHEMA_VERSION);
  });

  it('1→2 maps vip to tier and tier to tierAtArrival, leaving junk for validation', () => {
    const data = MIGRATIONS[0].migrate({
      version: 1,
      collections: { customers: [v1Customer('u1', true), v1Customer('u2', false), 'junk'], conversations: [v1Conversation('c1', 'vip')] },
    });
    expect(data.version).toBe(2);
    expect(data.collections.customers[0]).toMatchObject({ id: 'u1', tier: 'vip' });
    expect(data.collections.customers[0]).not.toHaveProperty('vip');
    expect(data.collections.customers[1]).toMatchObject({ id: 'u2', tier: 'normal' });
    expect(data.collections.customers[2]).toBe('junk');
    expect(data.collections.conversations[0]).toMatchObject({ tierAtArrival: 'vip' });
    expect(data.collections.conversations[0]).not.toHaveProperty('tier');
  });

  it('2→3 reads both SLA clocks from the thread: oldest unanswered message, result clock from the hand-over', () => {
    const H = 3600_000;
    const T = Date.parse('2026-11-24T09:00:00+08:00');
    const v2 = (id: string, category: string, status: string, slaClockStartedAt: number | null) => ({
      ...v1Conversation(id, 'normal'), tier: undefined, tierAtArrival: 'normal', category, status, queuedAt: T, dueAt: 0,
      slaClockStartedAt, slaPausedAt: null, slaPausedMs: 0,
    });
    const msg = (id: string, conversationId: string, author: string, at: number, internal = false) => ({ id, conversationId, author, authorId: 'x', body: 'b', at, internal });
    const { data, steps } = migrateStore({
      version: 2,
      collections: {
        conversations: [
          v2('chased', 'payment', 'open', T + 20 * H), // v2 restarted the clock at the chasing message
          v2('answered', 'complaint', 'open', T), // v2's complaint clock was the result clock
          v2('done', 'account', 'resolved', null),
          'junk',
        ],
        messages: [
          msg('m1', 'chased', 'customer', T), msg('m2', 'chased', 'agent', T + H, true), msg('m3', 'chased', 'customer', T + 20 * H),
          msg('m4', 'answered', 'customer', T), msg('m5', 'answered', 'agent', T + H),
        ],
      },
    });
    expect(steps).toEqual(['2→3', '3→4', '4→5']); // 3→4 (training) and 4→5 (transcript ids) change nothing here
    const [chased, answered, done, junk] = data.collections.conversations as Record<string, unknown>[];
    // The internal note answered nothing: owed since the hand-over, due T + 24 h (not T + 44 h).
    expect(chased).toMatchObject({ slaClockStartedAt: T, responseTier: 'normal', resultClockStartedAt: T, dueAt: T + 24 * H });
    // The complaint was answered: no response owed, its result still due 7 working days from the hand-over.
    expect(answered).toMatchObject({ slaClockStartedAt: null, resultClockStartedAt: T, dueAt: Date.parse('2026-12-04T00:00:00+08:00') });
    expect(done).toMatchObject({ slaClockStartedAt: null, resultClockStartedAt: null, dueAt: null });
    expect(junk).toBe('junk');
  });

  it('opens a hand-written version-1 store, migrated, and it opens again fine', async () => {
    const dir = tempDir();
    writeV1Store(dir);
    const s = await open(dir);
    expect(s.isNew).toBe(false);
    expect(s.problems).toEqual([]);
    expect(s.get('customers', 'u1')?.tier).toBe('vip');
    expect(s.get('customers', 'u2')?.tier).toBe('normal');
    expect(s.get('customers', 'u3')?.tier).toBe('vip'); // from the v1 journal
    expect(s.get('customers', 'u1')).not.toHaveProperty('vip');
    expect(s.get('conversations', 'c1')?.tierAtArrival).toBe('vip');
    expect(s.get('conversations', 'c2')?.tierAtArrival).toBe('normal');
    expect(s.get('conversations', 'c1')?.severity).toBe('normal'); // default filled
    expect(s.get('messages', 'm1')?.internal).toBe(false);
    expect(logs.some((l) => l.includes('migrated snapshot-0.json from schema 1→2, 2→3'))).toBe(true);
    s.commit([{ op: 'put', coll: 'customers', rec: { ...s.get('customers', 'u2')!, tier: 'vip' } }]);
    const before = { customers: [...s.all('customers').values()], conversations: [...s.all('conversations').values()] };
    await closeStore(s); // the after-open compaction rewrites the data as version 2

    // The version-1 snapshot stays as the fallback generation; the newest one is version 2.
    const snaps = readdirSync(dir).filter((f) => /^snapshot-\d+\.json$/.test(f)).sort();
    expect(snaps).toHaveLength(2);
    expect(snaps[0]).toBe('snapshot-0.json');
    // Only the snapshot the compaction wrote has an index (the version-1 one is never read lazily).
    expect(readdirSync(dir).filter((f) => f.endsWith('.index.json'))).toEqual([snaps[1].replace('.json', '.index.json')]);
    const onDisk = JSON.parse(readFileSync(path.join(dir, snaps[1]), 'utf8'));
    expect(onDisk.version).toBe(SCHEMA_VERSION);
    expect(onDisk.collections.customers.every((c: object) => 'tier' in c && !('vip' in c))).toBe(true);

    logs.length = 0;
    const s2 = await open(dir);
    expect(s2.problems).toEqual([]);
    expect(logs.some((l) => l.includes('migrated'))).toBe(false);
    expect({ customers: [...s2.all('customers').values()], conversations: [...s2.all('conversations').values()] }).toEqual(before);
  });

  it('refuses data written by a newer version instead of guessing', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'snapshot-0.json'), JSON.stringify({ version: SCHEMA_VERSION + 1, gen: 0, collections: {} }));
    await expect(openStore({ dir, log: () => {} })).rejects.toThrow(/newer/);
    // ...and leaves it exactly where it was.
    expect(readdirSync(dir)).toEqual(['snapshot-0.json']);
  });
});
