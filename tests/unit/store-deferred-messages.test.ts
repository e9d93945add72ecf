/**
 * The open jumps over the snapshot's messages when the snapshot's index says where they are (snapshotIndex.ts), and
 * reads them afterwards (lazyMessages.ts `defer`): in the background, or at once when the map is used first. Whatever
 * the order, the store must read exactly what an open that read everything reads; a journal replayed at open must
 * not make it read them; an index that does not fit its file must never cost data; a snapshot without one gets one.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { LazyMessages, messagesLoaded, messagesPending } from '../../electron/core/store/lazyMessages';
import { conversationLinesName, idHash } from '../../electron/core/store/conversationLines';
import { openStore } from '../../electron/core/store/openStore';
import { writeSnapshot } from '../../electron/core/store/snapshot';
import { readSnapshotIndex, snapshotIndexName } from '../../electron/core/store/snapshotIndex';
import { LINE_PIECE } from '../../electron/core/store/snapshotLayout';
import type { Store } from '../../electron/core/store/types';
import { SCHEMA_VERSION, type Message } from '../../shared/schema';
import { storeSandbox } from './storeSandbox';

const { tempDir, open, closeStore } = storeSandbox('kefu-deferred-msg-');
afterEach(() => void (LINE_PIECE.bytes = 8 << 20));

const msg = (i: number, body = `第 ${i} 条消息 message ${i}`): Message => ({
  id: `m-${i}`,
  conversationId: `c-${i % 4}`,
  author: i % 2 ? 'customer' : 'agent',
  authorId: i % 2 ? null : 'a-1',
  body,
  at: 1000 + i,
  internal: false,
});
const customer = (i: number) => ({ id: `u${i}`, name: `客户 ${i}`, tier: 'normal' as const, locale: 'zh-CN' as const, createdAt: 1 });
const entries = (s: Store) => [...s.all('messages').entries()];
const pending = (s: Store) => messagesPending(s.all('messages'));

/** A snapshot (with its index) of `n` messages, customers before and after them. */
async function snapshotOf(dir: string, n: number, extra: Partial<Message>[] = []): Promise<string> {
  const messages = [...Array.from({ length: n }, (_, i) => msg(i)), ...extra.map((e, i) => ({ ...msg(n + i), ...e }))];
  await writeSnapshot(dir, { version: SCHEMA_VERSION, gen: 0, seq: 0, collections: { customers: [customer(1)], messages, agents: [], reminders: [] } });
  return path.join(dir, 'snapshot-0.json');
}

/** What an open that reads every message at once gives. */
async function eagerEntries(dir: string): Promise<[string, Message][]> {
  const s = await openStore({ dir, log: () => {}, lazyMessages: false });
  try {
    return entries(s);
  } finally {
    await s.close();
  }
}

describe('messages read after the open', () => {
  it('the open jumps over the messages; the first use of the map reads them all, the same as an open that read everything', async () => {
    const dir = tempDir();
    await snapshotOf(dir, 50);
    const want = await eagerEntries(dir);
    const s = await open(dir);
    expect(pending(s)).toBe(true);
    expect(s.get('customers', 'u1')?.name).toBe('客户 1'); // what comes after the messages in the file was read
    expect(s.get('messages', 'm-7')?.body).toBe(msg(7).body); // a read finishes the read first
    expect(pending(s)).toBe(false);
    expect(entries(s)).toEqual(want);
  });

  it('in the background, a piece at a time, the map ends up the same (each use reads what is left first)', async () => {
    const dir = tempDir();
    LINE_PIECE.bytes = 256; // many pieces
    await snapshotOf(dir, 80, [{ body: 'an escape \\ "quoted" 退款', authorId: 'u-"x"' }]); // one line the skim cannot read
    const want = await eagerEntries(dir);
    const s = await open(dir);
    const map = s.all('messages') as LazyMessages;
    expect(map.sizeWithoutReading).toBe(81);
    const loaded = messagesLoaded(map);
    // Nothing is read in the turn of whoever started the read (a service as the core starts, before the first page).
    expect(map.unreadLines).toBe(81);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(pending(s)).toBe(true); // part way
    await loaded;
    expect(pending(s)).toBe(false);
    expect(entries(s)).toEqual(want);
    expect(s.newProblems).toEqual([]);
  });

  it('a journal replayed at open does not make it read the messages; what the journal set wins over the snapshot', async () => {
    const dir = tempDir();
    await snapshotOf(dir, 30);
    const s = await open(dir);
    s.commit([{ op: 'put', coll: 'messages', rec: msg(3, '改过的 edited') }]); // replaces a snapshot line still unread
    s.commit([{ op: 'put', coll: 'messages', rec: msg(99) }]);
    expect(pending(s)).toBe(true); // a commit of a message is not a reason to read them all
    expect(s.get('messages', 'm-3')?.body).toBe('改过的 edited');
    expect(pending(s)).toBe(true); // nor is reading what was just set
    await messagesLoaded(s.all('messages'));
    expect(s.get('messages', 'm-3')?.body).toBe('改过的 edited'); // the snapshot's older line was skipped
    expect(s.all('messages').size).toBe(31);
    const want = entries(s);
    // Kill-like: no compaction folded the journal; the next open replays it over the deferred snapshot.
    await closeStore(s);
    const again = await open(dir);
    await messagesLoaded(again.all('messages'));
    expect(new Map(entries(again))).toEqual(new Map(want));
  });

  it('a deletion before the read is done reads them first, so the deleted message stays deleted', async () => {
    const dir = tempDir();
    await snapshotOf(dir, 10);
    const s = await open(dir);
    expect(pending(s)).toBe(true);
    s.commit([{ op: 'del', coll: 'messages', id: 'm-4' }]);
    await messagesLoaded(s.all('messages'));
    expect(s.get('messages', 'm-4')).toBeUndefined();
    expect(s.all('messages').size).toBe(9);
  });

  it('property: any index that does not describe its file costs nothing (read whole instead), and is rewritten to fit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant('garbage'),
          fc.constant('missing'),
          // One thing wrong at a time (so that each is surely tried), or several.
          fc.record({ field: fc.constantFrom('start', 'end', 'count', 'bytes', 'gen'), delta: fc.integer({ min: -40, max: 40 }).filter((d) => d !== 0) }),
          fc.record({ start: fc.integer({ min: -40, max: 40 }), end: fc.integer({ min: -40, max: 40 }), count: fc.integer({ min: -2, max: 2 }) }),
        ),
        async (damage) => {
          const dir = tempDir();
          const file = await snapshotOf(dir, 12);
          const want = await eagerEntries(dir);
          const indexFile = path.join(dir, snapshotIndexName(0));
          const good = readSnapshotIndex(file, 0)!;
          if (damage === 'garbage') writeFileSync(indexFile, '{"gen":0,"bytes":');
          else if (damage === 'missing') rmSync(indexFile);
          else {
            const d = 'field' in damage ? { start: 0, end: 0, count: 0, bytes: 0, gen: 0, [damage.field]: damage.delta } : { ...damage, bytes: 0, gen: 0 };
            const [start, end, count] = good.sections.messages;
            const sections = { ...good.sections, messages: [Math.max(0, start + d.start), Math.max(1, end + d.end), Math.max(0, count + d.count)] };
            writeFileSync(indexFile, JSON.stringify({ gen: Math.max(0, d.gen), bytes: good.bytes + d.bytes, sections }));
          }
          const s = await open(dir);
          expect(entries(s)).toEqual(want);
          expect(s.newProblems).toEqual([]);
          expect(existsSync(file)).toBe(true); // never mistaken for a damaged snapshot
          await closeStore(s);
          expect(readSnapshotIndex(file, 0)).toEqual(good);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('a snapshot without an index (an earlier version wrote it) is read whole once and gets one; the next open jumps', async () => {
    const dir = tempDir();
    const file = await snapshotOf(dir, 20);
    rmSync(path.join(dir, snapshotIndexName(0)));
    const first = await open(dir);
    expect(pending(first)).toBe(false);
    await closeStore(first);
    expect(JSON.parse(readFileSync(path.join(dir, snapshotIndexName(0)), 'utf8'))).toMatchObject({ gen: 0 });
    const second = await open(dir);
    expect(pending(second)).toBe(true);
    expect(second.all('messages').size).toBe(20);
    expect(existsSync(file)).toBe(true);
  });

  it('a message line damaged on disk is quarantined when the background read comes to it, the others are kept', async () => {
    const dir = tempDir();
    const file = await snapshotOf(dir, 15);
    const bytes = readFileSync(file);
    const at = bytes.indexOf('message 9"');
    bytes[at] = 'M'.charCodeAt(0); // same length, still JSON: only the checksum can tell
    writeFileSync(file, bytes);
    const s = await open(dir);
    expect(pending(s)).toBe(true);
    expect(s.newProblems).toEqual([]);
    await messagesLoaded(s.all('messages'));
    expect(s.get('messages', 'm-9')).toBeUndefined();
    expect(s.all('messages').size).toBe(14);
    expect(s.newProblems.map((p) => [p.kind, p.source])).toEqual([['invalid_record', 'messages/m-9']]);
    expect(s.newProblems[0].message).toMatch(/checksum/);
    const saved = JSON.parse(readFileSync(s.newProblems[0].quarantinedTo, 'utf8').trim());
    expect(saved).toMatchObject({ coll: 'messages', raw: { id: 'm-9', body: '第 9 条消息 Message 9' } });
  });

  it('property: a conversation opened while the read is part way gets exactly the messages the finished map has', async () => {
    const conversation = fc.constantFrom('c-1', 'c-2', 'c-"3"', 'c-中');
    const item = fc.record({ conversationId: conversation, at: fc.integer({ min: 0, max: 50 }), body: fc.constantFrom('好的', 'say "hi"', 'c-1', '"conversationId":"c-2"', 'x\\y') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), item), { maxLength: 5 }),
        fc.nat({ max: 6 }),
        fc.nat({ max: 3 }),
        fc.boolean(),
        async (items, later, turns, damagedAt, withLines) => {
          LINE_PIECE.bytes = 128;
          const dir = tempDir();
          const messages = items.map((x, i) => ({ ...msg(i, x.body), conversationId: x.conversationId, at: x.at }));
          await writeSnapshot(dir, { version: SCHEMA_VERSION, gen: 0, seq: 0, collections: { messages } });
          // Found through the snapshot's conversation lines, or (an earlier version's snapshot) by a pass over the bytes.
          if (!withLines) rmSync(path.join(dir, conversationLinesName(0)));
          if (damagedAt < messages.length && damagedAt < 2) {
            // A line damaged on disk: never shown, then quarantined by the read.
            const file = path.join(dir, 'snapshot-0.json');
            const bytes = readFileSync(file);
            // Its time's first digit changed: still a valid message, only the checksum can tell.
            const at = bytes.indexOf('"at":', bytes.indexOf(`"id":"m-${damagedAt}"`)) + 5;
            bytes[at] = bytes[at] === 0x39 ? 0x31 : bytes[at] + 1;
            writeFileSync(file, bytes);
          }
          const s = await open(dir);
          const map = s.all('messages') as LazyMessages;
          for (const [i, x] of later) s.commit([{ op: 'put', coll: 'messages', rec: { ...msg(i % 50, `后来 ${x.body}`), conversationId: x.conversationId, at: x.at } }]);
          const loaded = messagesLoaded(map);
          for (let t = 0; t < turns; t++) await new Promise((r) => setImmediate(r));
          const early = new Map<string, Message[] | null>();
          for (const c of ['c-1', 'c-2', 'c-"3"', 'c-中', 'c-none']) early.set(c, map.conversationWhileReading(c));
          const wasReading = pending(s);
          await loaded;
          for (const [c, got] of early) {
            if (!wasReading) expect(got).toBeNull();
            if (got === null) continue;
            const want = [...map.values()].filter((m) => m.conversationId === c);
            expect(got).toEqual(want);
          }
        },
      ),
      { numRuns: 80 },
    );
  }, 120_000);

  it('a conversation opened meanwhile is read from its own lines (the conversation lines); lines that do not fit cost a scan, never a message', async () => {
    const dir = tempDir();
    LINE_PIECE.bytes = 256;
    const file = await snapshotOf(dir, 120);
    const linesFile = path.join(dir, conversationLinesName(0));
    const good = readFileSync(linesFile);
    const want = (await eagerEntries(dir)).map(([, m]) => m).filter((m) => m.conversationId === 'c-1');
    // Where c-1's entries are (the layout in conversationLines.ts).
    const headerBytes = good.readUInt32LE(8);
    const { buckets } = JSON.parse(good.toString('utf8', 12, 12 + headerBytes)) as { buckets: number };
    const startsAt = 12 + headerBytes;
    const entriesAt = startsAt + 8 * buckets + 8;
    const firstOfC1 = good.readUInt32LE(startsAt + 4 * (idHash('c-1') & (buckets - 1)));
    const entryChanged = Buffer.from(good);
    entryChanged[entriesAt + 20 * firstOfC1] ^= 1; // an offset of one of c-1's lines: only its bucket's checksum can tell
    const tableChanged = Buffer.from(good);
    tableChanged[startsAt + 5] ^= 1; // where a bucket starts: only the table's checksum can tell
    const elsewhere = tempDir();
    await snapshotOf(elsewhere, 121);
    const another = readFileSync(path.join(elsewhere, conversationLinesName(0))); // another snapshot-0's
    // [what, the file, how many of the two look-ups scan]
    const cases: [string, Buffer | null, number][] = [
      ['the file written with the snapshot', good, 0],
      ['missing', null, 2],
      ['an entry of c-1 changed', entryChanged, 1],
      ['the bucket table changed', tableChanged, 2],
      ['cut short', good.subarray(0, good.length - 17), 2],
      ['another snapshot\'s', another, 2],
      ['garbage', Buffer.from('KFLINES2 not really'), 2],
    ];
    for (const [what, bytes, scans] of cases) {
      if (bytes) writeFileSync(linesFile, bytes);
      else rmSync(linesFile, { force: true });
      const s = await open(dir);
      const map = s.all('messages') as LazyMessages;
      const loaded = messagesLoaded(map);
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      expect(map.unreadLines, what).toBeGreaterThan(0); // part way
      expect(map.conversationWhileReading('c-1'), what).toEqual(want);
      expect(map.conversationWhileReading('c-none'), what).toEqual([]);
      expect(map.scans, what).toBe(scans);
      await loaded;
      await closeStore(s);
      expect(existsSync(file)).toBe(true);
    }
  });

  it('a compaction writes the new snapshot\'s conversation lines and removes the old ones with their snapshot', async () => {
    const dir = tempDir();
    await snapshotOf(dir, 30);
    const s = await open(dir);
    s.commit([{ op: 'put', coll: 'messages', rec: msg(200) }]);
    await s.compact();
    s.commit([{ op: 'put', coll: 'messages', rec: msg(201) }]);
    await s.compact();
    await closeStore(s);
    const names = readdirSync(dir).filter((n) => n.endsWith('.lines.bin')).sort();
    const snaps = readdirSync(dir).filter((n) => /^snapshot-\d+\.json$/.test(n)).sort();
    expect(names).toEqual(snaps.map((n) => n.replace('.json', '.lines.bin')));
    expect(names).not.toContain(conversationLinesName(0));
    const again = await open(dir);
    const map = again.all('messages') as LazyMessages;
    expect(map.conversationWhileReading('c-1')?.map((m) => m.id)).toEqual(['m-1', 'm-5', 'm-9', 'm-13', 'm-17', 'm-21', 'm-25', 'm-29', 'm-201']);
    expect(map.scans).toBe(0);
  });

  it('closing the store while the messages are still being read stops the read', async () => {
    const dir = tempDir();
    LINE_PIECE.bytes = 128;
    await snapshotOf(dir, 40);
    const s = await open(dir);
    const loaded = messagesLoaded(s.all('messages'));
    await closeStore(s);
    await loaded; // resolves, and nothing reads the closed file afterwards
    expect(pending(s)).toBe(false);
  });
});
