/**
 * Compaction folds the journals into the snapshot as a stream (compactWorker.ts foldStreaming): records nobody
 * changed are copied as bytes, so the worker never holds a second copy of the store. It must write exactly the
 * snapshot the in-memory fold writes (the one open's reading defines), whatever the commits did: updates in place,
 * new records, deletes, records put again after their delete, and patches (of a record put since, or held only by
 * the snapshot: applied when its line is copied). And a snapshot it cannot stream (a damaged record)
 * still compacts, through the in-memory fold.
 */
import fc from 'fast-check';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTIONS, SCHEMA_VERSION } from '../../shared/schema';
import { foldInMemory, foldStreaming, foldToSnapshot, type CompactJob } from '../../electron/core/store/compactWorker';
import { commitLine, JournalWriter } from '../../electron/core/store/journal';
import { patchOf } from '../../electron/core/store/journalPatch';
import { snapshotName, writeSnapshot } from '../../electron/core/store/snapshot';
import { readSnapshot } from '../../electron/core/store/snapshotRead';
import { testConversation, testReply } from './teamRecords';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'kefu-compact-stream-'));
  dirs.push(d);
  return d;
};

type Coll = 'conversations' | 'messages';
interface Op {
  /** A patch (conversations the store holds: journalPatch.ts) changes the subject and tags; elsewhere it is a put. */
  op: 'put' | 'del' | 'patch';
  coll: Coll;
  n: number;
  /** Makes each put's content differ. */
  v: number;
}
const record = (coll: Coll, n: number, v: number) =>
  coll === 'conversations' ? testConversation(`c-${n}`, { subject: `付款失败 ${n} v${v}`, tags: v % 2 ? ['vip'] : [] }) : { ...testReply(`m-${n}`, `c-${n % 5}`, 'a-1'), body: `您好 ${n} — "v${v}" \\ ✓` };

/** A store folder: a snapshot of `initial` records, then journals of `ops`, split into `journals` files. */
function makeStore(initial: number[], ops: Op[], journals: number): { dir: string; job: CompactJob } {
  const dir = tempDir();
  const collections: Record<string, unknown[]> = Object.fromEntries(COLLECTIONS.map((c) => [c, []]));
  for (const n of initial) {
    collections.conversations.push(record('conversations', n, 0));
    collections.messages.push(record('messages', n, 0));
  }
  void writeSnapshot(dir, { version: SCHEMA_VERSION, gen: 1, seq: 3, collections });
  const gens: number[] = [];
  const per = Math.max(1, Math.ceil(ops.length / journals));
  let seq = 3;
  /** The conversations as the commits so far leave them (what a patch is made against). */
  const held = new Map<string, object>(initial.map((n) => [`c-${n}`, record('conversations', n, 0)]));
  const changeOf = (o: Op) => {
    const id = `${o.coll === 'conversations' ? 'c' : 'm'}-${o.n}`;
    if (o.op === 'del') {
      if (o.coll === 'conversations') held.delete(id);
      return { op: 'del', coll: o.coll, id };
    }
    const rec = record(o.coll, o.n, o.v);
    const before = o.coll === 'conversations' ? held.get(id) : undefined;
    if (o.coll === 'conversations') held.set(id, rec);
    return (o.op === 'patch' && before && patchOf(o.coll, before as Record<string, unknown>, rec)) || { op: 'put', coll: o.coll, rec };
  };
  for (let j = 0; j * per < ops.length; j++) {
    const gen = 1 + j;
    const w = new JournalWriter(dir, gen);
    for (const o of ops.slice(j * per, (j + 1) * per)) {
      seq++;
      w.append(commitLine(seq, [changeOf(o)]));
    }
    w.close();
    gens.push(gen);
  }
  return { dir, job: { dir, snapshotGen: 1, journalGens: gens, targetGen: (gens.at(-1) ?? 1) + 1, validate: false } };
}

async function bothFolds(initial: number[], ops: Op[], journals: number) {
  const { dir, job } = makeStore(initial, ops, journals);
  const other = tempDir();
  cpSync(dir, other, { recursive: true });
  const streamed = foldStreaming(job);
  const inMemory = await foldInMemory({ ...job, dir: other });
  const file = snapshotName(job.targetGen);
  return { streamed, inMemory, a: readFileSync(path.join(dir, file), 'utf8'), b: readFileSync(path.join(other, file), 'utf8'), dir, job };
}

describe('compaction as a stream', () => {
  it('writes byte for byte the snapshot the in-memory fold writes, whatever the commits did (patches too)', async () => {
    const op = fc.record({ op: fc.constantFrom<Op['op']>('put', 'put', 'del', 'patch', 'patch'), coll: fc.constantFrom<Coll>('conversations', 'messages'), n: fc.integer({ min: 0, max: 14 }), v: fc.integer({ min: 1, max: 1000 }) });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { maxLength: 10 }), fc.array(op, { maxLength: 40 }), fc.integer({ min: 1, max: 3 }), async (initial, ops, journals) => {
        const r = await bothFolds(initial, ops, journals);
        expect(r.streamed, 'the stream path was taken').not.toBeNull();
        expect(r.a).toBe(r.b);
        expect(r.streamed!.records).toBe(r.inMemory.records);
        expect(r.streamed!.seq).toBe(r.inMemory.seq);
      }),
      { numRuns: 60 },
    );
  });

  it('a record put again after its delete goes to the end of its collection, an update stays in place', async () => {
    const r = await bothFolds([1, 2, 3], [
      { op: 'put', coll: 'conversations', n: 2, v: 7 },
      { op: 'del', coll: 'conversations', n: 1, v: 0 },
      { op: 'put', coll: 'conversations', n: 9, v: 1 },
      { op: 'put', coll: 'conversations', n: 1, v: 8 },
    ], 2);
    expect(r.a).toBe(r.b);
    const read = await readSnapshot(r.dir, r.job.targetGen);
    if (!read.ok) throw new Error(read.error);
    const convs = read.data.collections.conversations as { id: string; subject: string }[];
    expect(convs.map((c) => c.id)).toEqual(['c-2', 'c-3', 'c-9', 'c-1']);
    expect(convs[0].subject).toBe('付款失败 2 v7');
    expect(read.damaged).toEqual([]);
  });

  it('a snapshot with a damaged record is not streamed: the in-memory fold compacts it', async () => {
    const { dir, job } = makeStore([1, 2, 3], [{ op: 'put', coll: 'messages', n: 4, v: 2 }], 1);
    const file = path.join(dir, snapshotName(1));
    writeFileSync(file, readFileSync(file, 'utf8').replace('"c-2"', '"c-X"')); // one record's bytes changed
    expect(() => foldStreaming(job)).toThrow(/fails its checksum/);
    const res = await foldToSnapshot(job);
    const read = await readSnapshot(dir, job.targetGen);
    if (!read.ok) throw new Error(read.error);
    expect(read.damaged).toEqual([]);
    // What open would have kept: the damaged record is not carried over (open quarantined it).
    expect((read.data.collections.conversations as { id: string }[]).map((c) => c.id)).toEqual(['c-1', 'c-3']);
    expect(res.records).toBe(read.data.collections.conversations.length + read.data.collections.messages.length);
  });
});
