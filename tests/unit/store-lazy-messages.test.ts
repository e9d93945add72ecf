/**
 * Messages left on disk (store/lazyMessages.ts): a store opened with the snapshot's messages on disk reads the same
 * messages as one that parsed them all at open, whatever their text; their conversation and time are known without
 * reading them; a message that fails its schema when read is quarantined (not lost, not served); and a message stays
 * readable after compactions have removed the snapshot file it was opened from.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { eachMessageHead, LazyMessages, messageHeadOf, messageMetaOf } from '../../electron/core/store/lazyMessages';
import { skimMessage } from '../../electron/core/store/messageSkim';
import { openStore } from '../../electron/core/store/openStore';
import { listStoreFiles, snapshotName, writeSnapshot } from '../../electron/core/store/snapshot';
import { LINE_PIECE } from '../../electron/core/store/snapshotLayout';
import type { Change, Store } from '../../electron/core/store/types';
import { SCHEMA_VERSION, type Message } from '../../shared/schema';
import { storeSandbox } from './storeSandbox';

const { tempDir, open, closeStore } = storeSandbox('kefu-lazy-msg-');
afterEach(() => void (LINE_PIECE.bytes = 8 << 20));

const openWith = async (dir: string, lazyMessages: boolean) => openStore({ dir, log: () => {}, lazyMessages });
const sorted = (s: Store) => [...s.all('messages').entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const onDisk = (s: Store) => {
  const m = s.all('messages');
  return m instanceof LazyMessages ? m.onDisk : 0;
};

const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constantFrom('视频上传失败了怎么办？', 'say "hi" \\ back\\', 'line\nbreak\ttab', '😀 emoji 退款', '"id":"x","at":5}', '\\"conversationId\\":\\"c-evil\\"'),
);
const id = fc.oneof(
  fc.stringMatching(/^m-[a-z0-9]{1,12}$/),
  fc.constantFrom('m-"quoted"', 'm-\\back', 'm-中文', 'm-😀'),
);
const message = fc.record({
  id,
  conversationId: fc.constantFrom('c-1', 'c-2', 'c-é', 'c-"3"'),
  author: fc.constantFrom('customer', 'agent', 'bot', 'system'),
  authorId: fc.option(fc.constantFrom('a-1', 'u-1'), { nil: null }),
  body: text,
  at: fc.integer({ min: 0, max: 2 ** 45 }),
  internal: fc.boolean(),
  faqId: fc.option(fc.constantFrom('faq-1', 'faq-2'), { nil: undefined }),
});

describe('messages left on disk', () => {
  it('skims id, conversation and time from the bytes, and gives up (null) on escapes rather than guess', () => {
    const m = { id: 'm-1', conversationId: 'c-中', author: 'agent', authorId: null, body: '"at":7, "id":"x"', at: 42, internal: false };
    expect(skimMessage(Buffer.from(JSON.stringify(m)))).toEqual({ id: 'm-1', conversationId: 'c-中', at: 42, author: 1, authorId: null, internal: false });
    expect(skimMessage(Buffer.from(JSON.stringify({ ...m, author: 'system', authorId: 'u-"x"' })))).toBeNull();
    expect(skimMessage(Buffer.from(JSON.stringify({ ...m, author: 'bot', authorId: 'u-1', internal: true })))).toMatchObject({ author: 2, authorId: 'u-1', internal: true });
    expect(skimMessage(Buffer.from(JSON.stringify({ ...m, author: 'robot' })))).toBeNull();
    const { internal: _, ...noFlag } = m;
    expect(skimMessage(Buffer.from(JSON.stringify(noFlag)))).toMatchObject({ internal: false }); // the schema's default
    expect(skimMessage(Buffer.from(JSON.stringify({ ...m, id: 'm-"1"' })))).toBeNull();
    expect(skimMessage(Buffer.from(JSON.stringify({ ...m, at: 1.5 })))).toBeNull();
    expect(skimMessage(Buffer.from(JSON.stringify({ ...m, at: -1 })))).toBeNull();
    expect(skimMessage(Buffer.from(JSON.stringify({ body: 'x', at: 3 })))).toBeNull();
  });

  it('property: opened with messages on disk, a store reads exactly what a store that parsed everything reads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(message, { minLength: 1, maxLength: 60, selector: (m) => m.id }),
        fc.array(fc.tuple(fc.nat(), fc.boolean(), text), { maxLength: 10 }),
        fc.constantFrom(64, 1 << 20),
        async (messages, later, piece) => {
          LINE_PIECE.bytes = piece; // tiny pieces: lines cross them, and offsets must still be right
          const dir = tempDir();
          await writeSnapshot(dir, { version: SCHEMA_VERSION, gen: 0, seq: 0, collections: { messages } });
          // After the snapshot: some messages replaced, some deleted (journaled, so held in memory at the next open).
          const s = await openWith(dir, false);
          for (const [i, del, body] of later) {
            const m = messages[i % messages.length];
            await s.commit([del ? { op: 'del', coll: 'messages', id: m.id } : { op: 'put', coll: 'messages', rec: { ...(m as Message), body } }]);
          }
          await s.close();

          // One after the other: an open that replayed a journal compacts, and close waits for it.
          const lazy = await openWith(dir, true);
          LINE_PIECE.bytes = 8 << 20;
          const seen = {
            onDisk: onDisk(lazy),
            heads: [] as [string, string, number][],
            headOf: new Map<string, unknown>(),
            metaOf: new Map<string, unknown>(),
            entries: sorted(lazy),
            gets: new Map<string, unknown>(),
            problems: lazy.newProblems,
          };
          // Heads first: reading a message must not be what makes its head right.
          eachMessageHead(lazy.all('messages'), (mid, conversationId, at) => seen.heads.push([mid, conversationId, at]));
          for (const [mid] of seen.heads) seen.headOf.set(mid, messageHeadOf(lazy.all('messages'), mid));
          for (const [mid] of seen.heads) seen.metaOf.set(mid, { ...messageMetaOf(lazy.all('messages'), mid) });
          for (const [mid] of seen.entries) seen.gets.set(mid, lazy.get('messages', mid));
          await lazy.close();
          const eager = await openWith(dir, false);
          const want = sorted(eager);
          await eager.close();

          const skimmable = messages.filter((m) => skimMessage(Buffer.from(JSON.stringify(m))) !== null).length;
          expect(seen.onDisk).toBeGreaterThanOrEqual(skimmable - later.length);
          expect(seen.entries).toEqual(want);
          expect(seen.heads.length).toBe(want.length);
          for (const [mid, conversationId, at] of seen.heads) {
            const m = new Map(want).get(mid);
            expect([conversationId, at]).toEqual([m?.conversationId, m?.at]);
            expect(seen.headOf.get(mid)).toEqual({ conversationId, at });
            const meta = seen.metaOf.get(mid) as Record<string, unknown>;
            expect({ id: meta.id, author: meta.author, authorId: meta.authorId, internal: meta.internal, at: meta.at }).toEqual({
              id: m?.id,
              author: m?.author,
              authorId: m?.authorId,
              internal: m?.internal,
              at: m?.at,
            });
          }
          for (const [mid, m] of want) expect(seen.gets.get(mid)).toEqual(m);
          expect(seen.problems).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);

  it('keeps the snapshot order (what ties in the message index fall back on) and leaves the texts on disk', async () => {
    const dir = tempDir();
    const s = await open(dir);
    const ms = Array.from({ length: 30 }, (_, i) => ({ id: `m-${(i * 7) % 30}`, conversationId: `c-${i % 3}`, author: 'customer' as const, authorId: null, body: `第 ${i} 条`, at: 1000 - i, internal: false }));
    s.commit(ms.map((rec): Change => ({ op: 'put', coll: 'messages', rec })));
    await s.compact();
    await closeStore(s);
    const lazy = await open(dir);
    expect(onDisk(lazy)).toBe(30);
    expect([...lazy.all('messages').keys()]).toEqual(ms.map((m) => m.id));
    expect([...lazy.all('messages').values()].map((m) => m.body)).toEqual(ms.map((m) => m.body));
    expect(onDisk(lazy)).toBe(30); // reading does not pull them into memory
  });

  it('a message that fails its schema when read is quarantined with a problem, never served, and the next compaction drops it', async () => {
    const dir = tempDir();
    const good = { id: 'm-good', conversationId: 'c-1', author: 'agent', authorId: 'a-1', body: '好的', at: 5, internal: false };
    // Its checksum holds (written so, by a buggy earlier version, say): only the schema can tell.
    const bad = { ...good, id: 'm-bad', body: '' };
    await writeSnapshot(dir, { version: SCHEMA_VERSION, gen: 0, seq: 0, collections: { messages: [good, bad] } });
    const s = await open(dir);
    expect(s.newProblems).toEqual([]);
    expect(s.all('messages').has('m-bad')).toBe(true);
    expect(s.get('messages', 'm-bad')).toBeUndefined();
    expect(s.all('messages').has('m-bad')).toBe(false);
    expect(s.get('messages', 'm-good')?.body).toBe('好的');
    const problem = s.problems.find((p) => p.source === 'messages/m-bad');
    expect(problem).toMatchObject({ kind: 'invalid_record' });
    const saved = JSON.parse(readFileSync(problem!.quarantinedTo, 'utf8').trim());
    expect(saved).toMatchObject({ coll: 'messages', raw: { id: 'm-bad', body: '' } });
    await s.compact();
    await closeStore(s);

    const again = await openWith(dir, false); // everything parsed and validated: the bad one is no longer there
    try {
      expect([...again.all('messages').keys()]).toEqual(['m-good']);
      expect(again.newProblems).toEqual([]);
      expect(again.problems.map((p) => p.source)).toEqual(['messages/m-bad']); // still listed for the lead
    } finally {
      await again.close();
    }
  });

  it('a message stays readable after compactions removed the snapshot it was opened from', async () => {
    const dir = tempDir();
    const s = await open(dir);
    s.commit([{ op: 'put', coll: 'messages', rec: { id: 'm-1', conversationId: 'c-1', author: 'customer', authorId: null, body: '还在吗', at: 1, internal: false } }]);
    await s.compact();
    await closeStore(s);
    const [gen] = listStoreFiles(dir).snapshots;
    const reopened = await open(dir);
    expect(onDisk(reopened)).toBe(1);
    for (let i = 2; i <= 4; i++) {
      reopened.commit([{ op: 'put', coll: 'messages', rec: { id: `m-${i}`, conversationId: 'c-1', author: 'agent', authorId: 'a-1', body: `回复 ${i}`, at: i, internal: false } }]);
      await reopened.compact();
    }
    expect(existsSync(path.join(dir, snapshotName(gen)))).toBe(false);
    expect(reopened.get('messages', 'm-1')?.body).toBe('还在吗');
  });
});
