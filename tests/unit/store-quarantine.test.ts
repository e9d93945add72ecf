import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sealLine } from '../../electron/core/store/checksum';
import { Quarantine } from '../../electron/core/store/quarantine';
import type { Store } from '../../electron/core/store/types';
import { storeSandbox } from './storeSandbox';

const { logs, tempDir, open, closeStore } = storeSandbox('kefu-store-q-');

const customer = (id: string) => ({ id, name: `客户 ${id}`, tier: 'normal' as const, locale: 'zh-CN' as const, createdAt: 1 });
const ids = (s: Store) => [...s.all('customers').keys()].sort();
const qdir = (dir: string) => path.join(dir, 'quarantine');

/** A store with customers u0..u(n-1) folded into snapshot-1.json. */
async function storeWithSnapshot(dir: string, n: number) {
  const s = await open(dir);
  for (let i = 0; i < n; i++) s.commit([{ op: 'put', coll: 'customers', rec: customer(`u${i}`) }]);
  await s.compact();
  await closeStore(s);
  // The journal folded into snapshot-1 stays as its fallback.
  expect(readdirSync(dir).sort()).toEqual(['journal-0.ndjson', 'snapshot-1.index.json', 'snapshot-1.json', 'snapshot-1.lines.bin']);
}

describe('store quarantine', () => {
  it('an unreadable newest snapshot falls back to the previous generation and loses nothing', async () => {
    const dir = tempDir();
    const s = await open(dir);
    for (let i = 0; i < 30; i++) s.commit([{ op: 'put', coll: 'customers', rec: customer(`u${i}`) }]);
    await s.compact();
    for (let i = 30; i < 60; i++) s.commit([{ op: 'put', coll: 'customers', rec: customer(`u${i}`) }]);
    await s.compact();
    s.commit([{ op: 'put', coll: 'customers', rec: customer('u60') }]);
    await closeStore(s);
    const newest = readdirSync(dir).filter((f) => /^snapshot-\d+\.json$/.test(f)).sort().pop()!;
    writeFileSync(path.join(dir, newest), '{"version": 2, "gen"');

    const again = await open(dir);
    expect(again.problems.map((p) => p.kind)).toEqual(['corrupt_file']);
    expect(ids(again)).toHaveLength(61);
  });

  it('a snapshot cut in half: the app still opens, reports it, and keeps the bytes', async () => {
    const dir = tempDir();
    await storeWithSnapshot(dir, 50);
    const file = path.join(dir, 'snapshot-1.json');
    const half = readFileSync(file).subarray(0, Math.floor(readFileSync(file).length / 2));
    writeFileSync(file, half);

    const s = await open(dir);
    expect(s.isNew).toBe(false); // never seed over a damaged store
    expect(s.problems).toHaveLength(1);
    const p = s.problems[0];
    expect(p.kind).toBe('corrupt_file');
    expect(p.source).toBe('snapshot');
    expect(p.message).toMatch(/snapshot-1\.json/);
    expect(path.dirname(p.quarantinedTo)).toBe(qdir(dir));
    expect(readFileSync(p.quarantinedTo)).toEqual(half);
    expect(logs.some((l) => l.startsWith('error') && l.includes('snapshot-1.json'))).toBe(true);
    // The previous generation (journal-0, folded into the damaged snapshot) brings every record back.
    expect(s.all('customers').size).toBe(50);
    await closeStore(s);
    // Nothing was committed, so no journal exists: still not a new store on the next start.
    const again = await open(dir);
    expect(again.isNew).toBe(false);
    expect(again.newProblems).toEqual([]);
    expect(again.problems.map((q) => q.id)).toEqual([p.id]); // still listed until a lead dismisses it
    // Still usable.
    again.commit([{ op: 'put', coll: 'customers', rec: customer('new') }]);
    await closeStore(again);
    const s2 = await open(dir);
    expect(s2.newProblems).toEqual([]);
    expect(s2.isNew).toBe(false);
    expect(ids(s2)).toContain('new');
    expect(ids(s2)).toHaveLength(51);
    expect(readdirSync(qdir(dir))).toHaveLength(1);
  });

  it('a corrupt newest snapshot falls back to the previous one plus its journals', async () => {
    const dir = tempDir();
    await storeWithSnapshot(dir, 5);
    const s = await open(dir);
    s.commit([{ op: 'put', coll: 'customers', rec: customer('later') }]);
    await closeStore(s);
    // What a power cut between steno's rename and our fsync can leave: a new, empty snapshot next to its inputs.
    writeFileSync(path.join(dir, 'snapshot-3.json'), '');
    const s2 = await open(dir);
    expect(s2.problems.map((p) => p.kind)).toEqual(['corrupt_file']);
    expect(ids(s2)).toEqual(['later', 'u0', 'u1', 'u2', 'u3', 'u4']);
  });

  it('a record failing its schema is quarantined and the others are kept', async () => {
    const dir = tempDir();
    await storeWithSnapshot(dir, 20);
    const file = path.join(dir, 'snapshot-1.json');
    const snap = JSON.parse(readFileSync(file, 'utf8'));
    snap.collections.customers[7].tier = 'gold';
    snap.collections.customers[9] = { id: 'u9' }; // missing everything
    snap.collections.customers.push({ id: 'u-ok', name: 'ok', tier: 'vip', locale: 'en', createdAt: 2 });
    snap.collections.mystery = [{ id: 'x' }];
    delete snap.check; // edited by hand: as a file of an earlier version, without checksums (else they reject the edit)
    writeFileSync(file, JSON.stringify(snap));

    const s = await open(dir);
    expect(ids(s)).toHaveLength(19);
    expect(s.get('customers', 'u7')).toBeUndefined();
    expect(s.get('customers', 'u9')).toBeUndefined();
    expect(s.get('customers', 'u8')).toBeDefined();
    expect(s.get('customers', 'u-ok')?.tier).toBe('vip');
    const kinds = s.problems.map((p) => `${p.kind} ${p.source}`).sort();
    expect(kinds).toEqual(['invalid_record customers', 'invalid_record mystery/x']);
    const custProblem = s.problems.find((p) => p.source === 'customers')!;
    expect(custProblem.message).toMatch(/2 customers records in snapshot-1\.json/);
    const lines = readFileSync(custProblem.quarantinedTo, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ coll: 'customers', raw: { id: 'u7', tier: 'gold' }, source: 'snapshot-1.json' });
    expect(lines[0].error).toMatch(/tier/);
    expect(lines[1]).toMatchObject({ coll: 'customers', raw: { id: 'u9' } });
    expect(lines[2]).toMatchObject({ coll: 'mystery', error: expect.stringMatching(/unknown collection/) });

    await closeStore(s); // compaction rewrites the snapshot without them
    const s2 = await open(dir);
    expect(s2.newProblems).toEqual([]);
    expect(ids(s2)).toEqual(ids(s));
    expect(readdirSync(qdir(dir))).toHaveLength(1);
  });

  it('a torn last journal line is quarantined byte for byte; the lines before it are kept', async () => {
    const dir = tempDir();
    const s = await open(dir);
    for (let i = 0; i < 10; i++) s.commit([{ op: 'put', coll: 'customers', rec: customer(`u${i}`) }]);
    await closeStore(s);
    const file = path.join(dir, 'journal-0.ndjson');
    // Cut the last commit in the middle of a Chinese character, as a crash mid-write would.
    const full = readFileSync(file);
    const lastStart = full.subarray(0, full.length - 1).lastIndexOf(0x0a) + 1;
    const nameAt = full.indexOf(Buffer.from('客'), lastStart);
    const cut = full.subarray(0, nameAt + 1);
    writeFileSync(file, cut);

    const s2 = await open(dir);
    expect(ids(s2)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
    expect(s2.problems).toHaveLength(1);
    const p = s2.problems[0];
    expect(p.kind).toBe('torn_journal_line');
    expect(p.source).toBe('journal');
    expect(p.message).toMatch(/journal-0\.ndjson line 11/);
    expect(readFileSync(p.quarantinedTo)).toEqual(cut.subarray(lastStart));
    // New commits go to a new journal, never after the torn line.
    s2.commit([{ op: 'put', coll: 'customers', rec: customer('u10') }]);
    expect(readFileSync(file)).toEqual(cut);
    await closeStore(s2);
    const s3 = await open(dir);
    expect(s3.newProblems).toEqual([]);
    expect(ids(s3)).toContain('u10');
    expect(ids(s3)).not.toContain('u9');
  });

  it('a garbage line in the middle of a journal is skipped, the lines after it still replay', async () => {
    const dir = tempDir();
    const s = await open(dir);
    s.commit([{ op: 'put', coll: 'customers', rec: customer('a') }]);
    await closeStore(s);
    const file = path.join(dir, 'journal-0.ndjson');
    appendFileSync(file, '{"seq":2,"chan\n');
    appendFileSync(
      file,
      sealLine(JSON.stringify({
        seq: 3,
        changes: [
          { op: 'put', coll: 'customers', rec: customer('b') },
          { op: 'put', coll: 'customers', rec: { id: 'c', tier: 'nope' } },
        ],
      })) + '\n',
    );
    const s2 = await open(dir);
    expect(ids(s2)).toEqual(['a', 'b']);
    expect(s2.problems.map((p) => `${p.kind} ${p.source}`).sort()).toEqual(['invalid_record customers/c', 'torn_journal_line journal']);
  });

  it('two problems in the same millisecond get two quarantine files: nothing is overwritten', () => {
    const dir = tempDir();
    const q = new Quarantine(dir);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse('2026-11-24T01:00:00Z'));
      // Two snapshot files of the same name (e.g. the same generation from two folders), moved at the same instant.
      for (const sub of ['a', 'b']) {
        mkdirSync(path.join(dir, sub));
        writeFileSync(path.join(dir, sub, 'snapshot-3.json'), `bytes of ${sub}`);
      }
      const moved = [q.moveFile(path.join(dir, 'a', 'snapshot-3.json')), q.moveFile(path.join(dir, 'b', 'snapshot-3.json'))];
      expect(moved.map((p) => readFileSync(p, 'utf8'))).toEqual(['bytes of a', 'bytes of b']);
      const bytes = [q.saveBytes('journal-4-line-17.bin', 'torn 1'), q.saveBytes('journal-4-line-17.bin', 'torn 2')];
      const records = [
        q.saveRecords([{ coll: 'customers', error: 'e1', raw: { id: 'x' }, source: 'snapshot-1.json' }]),
        q.saveRecords([{ coll: 'customers', error: 'e2', raw: { id: 'y' }, source: 'snapshot-1.json' }]),
      ];
      const all = [...moved, ...bytes, ...records];
      expect(new Set(all).size).toBe(6);
      expect(readdirSync(qdir(dir))).toHaveLength(6);
      expect(bytes.map((p) => readFileSync(p, 'utf8'))).toEqual(['torn 1', 'torn 2']);
      expect(records.map((p) => JSON.parse(readFileSync(p, 'utf8')).error)).toEqual(['e1', 'e2']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leftover compaction temp files are removed, the data is intact', async () => {
    const dir = tempDir();
    await storeWithSnapshot(dir, 3);
    writeFileSync(path.join(dir, '.snapshot-2.json.tmp'), '{"version":2,"gen":2,"coll');
    writeFileSync(path.join(dir, '.snapshot-2.index.json.tmp'), '{"gen":2,');
    const s = await open(dir);
    expect(s.problems).toEqual([]);
    expect(ids(s)).toEqual(['u0', 'u1', 'u2']);
    expect(readdirSync(dir).sort()).toEqual(['snapshot-1.index.json', 'snapshot-1.json', 'snapshot-1.lines.bin']);
  });
});
