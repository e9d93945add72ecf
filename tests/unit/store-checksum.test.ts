/**
 * Checksums: bytes changed on disk inside still-valid JSON (a reply's text) are found, quarantined byte for byte
 * and reported; the rest of the data loads. Files without checksums (an earlier version's) still load.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLine, crc32, crc32Js, sealLine } from '../../electron/core/store/checksum';
import type { Store } from '../../electron/core/store/types';
import { storeSandbox } from './storeSandbox';

const { tempDir, open, closeStore } = storeSandbox('kefu-store-crc-');

const body = (n: number) => `第 ${n} 条回复：您好，退款已经处理 refund processed #${n}`;
const message = (n: number) => ({
  id: `m-${n}`,
  conversationId: 'c-1',
  author: 'agent' as const,
  authorId: 'a-1',
  body: body(n),
  at: n,
  internal: false,
});
const ids = (s: Store) => [...s.all('messages').keys()].sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => `m-${a + i}`);

/** Changes "refund" to "refunt" inside message n's body: same length, still valid JSON, different text. */
function flipBody(buf: Buffer, n: number): Buffer {
  const needle = Buffer.from(`refund processed #${n}"`);
  const at = buf.indexOf(needle);
  expect(at, `body of m-${n} not found`).toBeGreaterThan(0);
  expect(buf.indexOf(needle, at + 1)).toBe(-1);
  const out = Buffer.from(buf);
  out[at + 5] = 't'.charCodeAt(0);
  return out;
}

async function snapshotStore(dir: string, n: number): Promise<string> {
  const s = await open(dir);
  for (let i = 1; i <= n; i++) s.commit([{ op: 'put', coll: 'messages', rec: message(i) }]);
  await s.compact();
  await closeStore(s);
  return path.join(dir, 'snapshot-1.json');
}

describe('store checksums', () => {
  it('crc32: zlib and the fallback agree; a sealed line checks, a changed byte does not', () => {
    for (const t of ['', 'a', '客服 desk', '{"seq":1}']) expect(crc32(t)).toBe(crc32Js(t));
    expect(crc32('123456789')).toBe(0xcbf43926); // the CRC-32 check value
    const line = Buffer.from(sealLine(JSON.stringify({ seq: 1, changes: [{ body: '退款' }] })));
    expect(checkLine(line)).toBe('ok');
    const bad = Buffer.from(line);
    bad[20] ^= 1;
    expect(checkLine(bad)).toBe('mismatch');
    expect(checkLine(Buffer.from('{"seq":1,"changes":[]}'))).toBe('missing');
  });

  it('a message body changed inside a snapshot: only that record is quarantined, the file kept byte for byte', async () => {
    const dir = tempDir();
    const file = await snapshotStore(dir, 40);
    expect(JSON.parse(readFileSync(file, 'utf8')).check.alg).toBe('crc32');
    const damaged = flipBody(readFileSync(file), 17);
    writeFileSync(file, damaged);
    expect(() => JSON.parse(damaged.toString('utf8'))).not.toThrow(); // the kind of damage JSON cannot see

    const s = await open(dir);
    expect(ids(s)).toEqual(range(1, 40).filter((id) => id !== 'm-17'));
    expect(s.get('messages', 'm-16')?.body).toBe(body(16));
    expect(s.newProblems).toHaveLength(1);
    const p = s.newProblems[0];
    expect(p).toMatchObject({ kind: 'invalid_record', source: 'messages/m-17' });
    expect(p.message).toMatch(/checksum/);
    // The damaged record, readable, in the records file; the whole file as it was, byte for byte.
    const rec = JSON.parse(readFileSync(p.quarantinedTo, 'utf8').trim());
    expect(rec).toMatchObject({ coll: 'messages', source: 'snapshot-1.json', raw: { id: 'm-17', body: body(17).replace('refund', 'refunt') } });
    const copies = readdirSync(path.join(dir, 'quarantine')).filter((f) => f.endsWith('snapshot-1.json'));
    expect(copies).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'quarantine', copies[0]))).toEqual(damaged);
    await closeStore(s); // the compaction open started rewrites the snapshot without it

    const s2 = await open(dir);
    expect(s2.newProblems).toEqual([]);
    expect(s2.problems.map((x) => x.id)).toEqual([p.id]); // listed until dismissed
    expect(ids(s2)).toHaveLength(39);
  });

  it('a message body changed inside a journal line: that line is quarantined byte for byte, the lines after it replay', async () => {
    const dir = tempDir();
    const s = await open(dir);
    for (let i = 1; i <= 10; i++) s.commit([{ op: 'put', coll: 'messages', rec: message(i) }]);
    await closeStore(s);
    const file = path.join(dir, 'journal-0.ndjson');
    const damaged = flipBody(readFileSync(file), 4);
    writeFileSync(file, damaged);
    const lines = damaged.toString('utf8').split('\n');
    expect(() => JSON.parse(lines[4])).not.toThrow(); // line 5 (after the header) still parses

    const s2 = await open(dir);
    expect(ids(s2)).toEqual(range(1, 10).filter((id) => id !== 'm-4'));
    expect(s2.newProblems).toHaveLength(1);
    const p = s2.newProblems[0];
    expect(p.kind).toBe('torn_journal_line');
    expect(p.message).toMatch(/journal-0\.ndjson line 5 .*checksum mismatch/);
    expect(readFileSync(p.quarantinedTo)).toEqual(Buffer.from(lines[4]));
  });

  it('a damaged checksum field makes the line damaged, not unchecked', async () => {
    const dir = tempDir();
    const s = await open(dir);
    for (let i = 1; i <= 3; i++) s.commit([{ op: 'put', coll: 'messages', rec: message(i) }]);
    await closeStore(s);
    const file = path.join(dir, 'journal-0.ndjson');
    const text = readFileSync(file, 'utf8').split('\n');
    text[2] = text[2].replace('"crc":', '"crd":');
    writeFileSync(file, text.join('\n'));
    const s2 = await open(dir);
    expect(ids(s2)).toEqual(['m-1', 'm-3']);
    expect(s2.newProblems.map((p) => p.message)).toEqual([expect.stringMatching(/line 3 .*checksum missing/)]);
  });

  it('a damaged snapshot frame (seq) rejects the file: open falls back a generation and loses nothing', async () => {
    const dir = tempDir();
    const file = await snapshotStore(dir, 12);
    // seq 12 -> 19 would make open skip journal commits 13..19; the frame checksum sees it.
    writeFileSync(file, readFileSync(file, 'utf8').replace('"seq":12,', '"seq":19,'));
    const s2 = await open(dir);
    expect(s2.newProblems.map((p) => p.kind)).toEqual(['corrupt_file']);
    expect(s2.newProblems[0].message).toMatch(/checksum mismatch in the frame/);
    expect(ids(s2)).toEqual(range(1, 12)); // from journal-0, the generation kept as the snapshot's fallback
  });

  it('files without checksums (an earlier version) load; the next compaction writes checksums', async () => {
    const dir = tempDir();
    // What the previous version wrote: a snapshot and journal lines without any checksum.
    writeFileSync(
      path.join(dir, 'snapshot-1.json'),
      JSON.stringify({ version: 3, gen: 1, seq: 2, collections: { messages: [message(1), message(2)] } }),
    );
    writeFileSync(
      path.join(dir, 'journal-1.ndjson'),
      [
        JSON.stringify({ journal: 1, version: 3, gen: 1 }),
        JSON.stringify({ seq: 3, changes: [{ op: 'put', coll: 'messages', rec: message(3) }] }),
        '',
      ].join('\n'),
    );
    const s = await open(dir);
    expect(s.newProblems).toEqual([]);
    expect(ids(s)).toEqual(range(1, 3));
    s.commit([{ op: 'put', coll: 'messages', rec: message(4) }]);
    await s.compact();
    await closeStore(s);
    const newest = readdirSync(dir).filter((f) => /^snapshot-\d+\.json$/.test(f)).sort().pop()!;
    expect(JSON.parse(readFileSync(path.join(dir, newest), 'utf8')).check).toBeDefined();
    const newestJournal = readdirSync(dir).filter((f) => f.startsWith('journal-')).sort().pop()!;
    expect(newestJournal).not.toBe('journal-1.ndjson');
    const journal = readFileSync(path.join(dir, newestJournal), 'utf8').trim().split('\n');
    for (const l of journal) expect(checkLine(Buffer.from(l))).toBe('ok');
    const s2 = await open(dir);
    expect(s2.newProblems).toEqual([]);
    expect(ids(s2)).toEqual(range(1, 4));
  });

  it('a snapshot is one JSON document with one record per line (readers of the whole file still work)', async () => {
    const dir = tempDir();
    const file = await snapshotStore(dir, 5);
    const text = readFileSync(file, 'utf8');
    const whole = JSON.parse(text) as { collections: { messages: { id: string }[] } };
    expect(whole.collections.messages.map((m) => m.id)).toEqual(range(1, 5));
    const lines = text.split('\n');
    for (let i = 1; i <= 5; i++) expect(lines.filter((l) => l.includes(`"id":"m-${i}"`))).toHaveLength(1);
    expect(lines[0]).toMatch(/^\{"version":\d+,"gen":1,"seq":\d+,"collections":\{$/);
  });

  it('a record line that is not JSON any more: only that record is quarantined (as its text), the rest loads', async () => {
    const dir = tempDir();
    const file = await snapshotStore(dir, 20);
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"id":"m-9"'));
    lines[at] = lines[at].slice(0, 30) + lines[at].slice(40); // bytes lost mid-record: the line no longer parses
    writeFileSync(file, lines.join('\n'));
    expect(() => JSON.parse(lines.join('\n'))).toThrow();

    const s = await open(dir);
    expect(ids(s)).toEqual(range(1, 20).filter((id) => id !== 'm-9'));
    expect(s.newProblems).toHaveLength(1);
    expect(s.newProblems[0]).toMatchObject({ kind: 'invalid_record' });
    expect(readFileSync(s.newProblems[0].quarantinedTo, 'utf8')).toContain('m-9');
  });

  it('a snapshot cut off mid-collection is unreadable as a whole (open falls back a generation)', async () => {
    const dir = tempDir();
    const file = await snapshotStore(dir, 20);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.indexOf('"id":"m-12"')));
    const s = await open(dir);
    // Generation 0 (the journal folded into snapshot-1) is still there: nothing is lost.
    expect(ids(s)).toEqual(range(1, 20));
    expect(s.newProblems.map((p) => p.kind)).toContain('corrupt_file');
  });
});
