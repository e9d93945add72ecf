/**
 * Store benchmark: snapshot + journal (electron/core/store) against lowdb's whole-file rewrite.
 *
 * For each size: write the generated data as a store (batched commits, then one compaction), then
 *   - cold load: openStore in a fresh process (so memory figures are the store's, not this process's leftovers;
 *     the OS file cache is warm, as on a normal restart);
 *   - resident memory after load (rss, heapUsed after a full GC) in that process;
 *   - durable action: 200 status changes of one conversation, each a commit() of one put (fdatasynced);
 *   - the same change done the naive way: lowdb DataFile write of the whole data object (compact JSON, no
 *     fsync, so the naive figure is a lower bound), 5 samples up to 10 000 conversations, 3 above.
 *
 * Run through tests/bench/store.bench.ts (npm run bench -- store). Prints figures only; it never fails on a time.
 */
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFile } from 'lowdb/node';
import { openStore } from '../../electron/core/store/openStore';
import { listStoreFiles, snapshotName } from '../../electron/core/store/snapshot';
import type { Change } from '../../electron/core/store/types';
import { COLLECTIONS, type CollectionName, type Conversation, type Status } from '../../shared/schema';
import { benchTempDir, describeFs } from './benchFs';
import { probeInChild } from './probeChild';

const HERE = fileURLToPath(import.meta.url);
const LOAD_FLAG = '--store-bench-load';
const MiB = 1024 * 1024;

interface LoadFigures {
  loadMs: number;
  /** One compaction of the loaded store (one commit in the journal, folded in the worker as the app does it). */
  compactMs: number;
  /** The probe process's peak RSS by the end of that compaction: the loaded store plus what the worker holds (the journal's records since the last compaction and 8 MiB pieces of the snapshot it streams). */
  compactPeakRssMiB: number;
  rssMiB: number;
  heapUsedMiB: number;
  baseRssMiB: number;
  records: number;
}

interface Row {
  conversations: number;
  records: number;
  snapshotMiB: number;
  seedS: number;
  load: LoadFigures;
  commitP50: number;
  commitP95: number;
  commitMax: number;
  naive: number[];
  storePeakRssMiB: number;
  naivePeakRssMiB: number;
}

const quiet = () => {};
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const mib = (bytes: number) => bytes / MiB;

export async function benchStore(sizes: number[], makeData: (n: number) => Record<string, unknown[]>): Promise<void> {
  const rows: Row[] = [];
  let where = '';
  for (const n of sizes) {
    const dir = benchTempDir(`kefu-store-bench-${n}-`);
    where = describeFs(dir);
    console.log(where);
    try {
      rows.push(await benchOne(n, dir, makeData));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable(rows);
  console.log(`Commits and naive writes: ${where}`);
}

async function benchOne(n: number, dir: string, makeData: (n: number) => Record<string, unknown[]>): Promise<Row> {
  // 1. Generate and write as a store. Commits are batched (one commit of a million records would be one
  //    300 MB journal line); automatic compaction is off so exactly one compaction cuts the snapshot.
  process.stdout.write(`[${n}] generating… `);
  let t = performance.now();
  let data: Record<string, unknown[]> | null = makeData(n);
  let records = 0;
  for (const recs of Object.values(data)) records += recs.length;
  process.stdout.write(`${records} records in ${((performance.now() - t) / 1000).toFixed(1)} s; writing store… `);
  t = performance.now();
  {
    const store = await openStore({ dir, log: quiet, compactEveryBytes: Number.POSITIVE_INFINITY });
    const BATCH = 20_000;
    let batch: Change[] = [];
    for (const [coll, recs] of Object.entries(data)) {
      if (!(COLLECTIONS as string[]).includes(coll)) continue;
      for (const rec of recs) {
        batch.push({ op: 'put', coll, rec } as Change);
        if (batch.length === BATCH) {
          store.commit(batch);
          batch = [];
        }
      }
    }
    if (batch.length) store.commit(batch);
    data = null; // the store holds its own (parsed) copies
    await store.compact();
    await store.close();
  }
  const seedS = (performance.now() - t) / 1000;
  const snap = listStoreFiles(dir).snapshots.at(-1)!;
  const snapshotMiB = mib(statSync(path.join(dir, snapshotName(snap))).size);
  process.stdout.write(`${seedS.toFixed(1)} s, snapshot ${snapshotMiB.toFixed(0)} MiB; cold load… `);

  // 2. Cold load in a fresh process.
  const load = await loadInChild(dir);
  process.stdout.write(`${(load.loadMs / 1000).toFixed(2)} s; commits… `);

  // 3. Durable action: one conversation's status changes, one put per commit.
  const store = await openStore({ dir, log: quiet });
  const convs = store.all('conversations');
  const id = convs.keys().next().value as string;
  const cycle: Status[] = ['open', 'pending', 'open', 'resolved'];
  const change = (i: number): Conversation => ({ ...store.get('conversations', id)!, status: cycle[i % cycle.length], updatedAt: Date.now() });
  for (let i = 0; i < 10; i++) store.commit([{ op: 'put', coll: 'conversations', rec: change(i) }]); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const rec = change(i);
    const t0 = performance.now();
    store.commit([{ op: 'put', coll: 'conversations', rec }]);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(`p50 ${pct(times, 50).toFixed(3)} ms; naive writes… `);

  const storePeakRssMiB = process.resourceUsage().maxRSS / 1024; // KiB → MiB: generation, store writing, commits

  // 4. The naive way: the whole data object rewritten per change, as lowdb's JSONFilePreset does.
  //    The object shares the store's records, so it costs no copy of its own.
  const whole: Record<string, unknown[]> = {};
  for (const c of COLLECTIONS) whole[c] = [...store.all(c as CollectionName).values()];
  const convArray = whole.conversations as Conversation[];
  const idx = convArray.findIndex((c) => c.id === id);
  const file = new DataFile<Record<string, unknown[]>>(path.join(dir, 'naive.json'), { parse: JSON.parse, stringify: JSON.stringify });
  const samples = n <= 10_000 ? 5 : 3;
  const naive: number[] = [];
  for (let i = 0; i < samples; i++) {
    convArray[idx] = change(i);
    const t0 = performance.now();
    try {
      await file.write(whole);
    } catch (e) {
      // Past ~73 000 conversations the whole store is longer than V8's longest string: the naive way cannot write.
      process.stdout.write(`naive write failed: ${(e as Error).message}; `);
      naive.push(Number.NaN);
      break;
    }
    naive.push(performance.now() - t0);
  }
  const naivePeakRssMiB = process.resourceUsage().maxRSS / 1024; // the process's peak so far, naive writes included
  process.stdout.write(`done\n`);
  await store.close();

  return {
    conversations: n,
    records,
    snapshotMiB,
    seedS,
    load,
    commitP50: pct(times, 50),
    commitP95: pct(times, 95),
    commitMax: times[times.length - 1],
    naive,
    storePeakRssMiB,
    naivePeakRssMiB,
  };
}

function loadInChild(dir: string): Promise<LoadFigures> {
  return probeInChild<LoadFigures>(HERE, [LOAD_FLAG, dir]);
}

/** The child side of loadInChild. */
async function loadProbe(dir: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const store = await openStore({ dir, log: quiet });
  const loadMs = performance.now() - t0;
  let records = 0;
  for (const c of COLLECTIONS) records += store.all(c).size;
  gc?.();
  const mem = process.memoryUsage();
  const first = store.all('conversations').values().next().value as Conversation;
  store.commit([{ op: 'put', coll: 'conversations', rec: { ...first, updatedAt: first.updatedAt + 1 } }]);
  const t1 = performance.now();
  await store.compact();
  const compactMs = performance.now() - t1;
  const compactPeakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ loadMs, compactMs, compactPeakRssMiB, rssMiB: mib(mem.rss), heapUsedMiB: mib(mem.heapUsed), baseRssMiB: mib(baseRss), records } satisfies LoadFigures) + '\n',
  );
  await store.close();
}

function printTable(rows: Row[]): void {
  const head = [
    'conversations',
    'records',
    'snapshot MiB',
    'write store s',
    'cold load s',
    'RSS after load MiB',
    'heapUsed MiB',
    'compaction s / peak RSS MiB',
    'commit p50 ms',
    'commit p95 ms',
    'commit max ms',
    'naive write p50 ms (n)',
    'naive/journal p50',
    'peak RSS MiB before/after naive',
  ];
  const body = rows.map((r) => {
    const naiveSorted = [...r.naive].sort((a, b) => a - b);
    const naiveP50 = pct(naiveSorted, 50);
    return [
      r.conversations.toLocaleString('en'),
      r.records.toLocaleString('en'),
      r.snapshotMiB.toFixed(0),
      r.seedS.toFixed(1),
      (r.load.loadMs / 1000).toFixed(2),
      `${r.load.rssMiB.toFixed(0)} (empty ${r.load.baseRssMiB.toFixed(0)})`,
      r.load.heapUsedMiB.toFixed(0),
      `${(r.load.compactMs / 1000).toFixed(1)} / ${r.load.compactPeakRssMiB.toFixed(0)}`,
      r.commitP50.toFixed(3),
      r.commitP95.toFixed(3),
      r.commitMax.toFixed(2),
      Number.isNaN(naiveP50) ? 'fails: string too long' : `${naiveP50.toFixed(0)} (${r.naive.length})`,
      Number.isNaN(naiveP50) ? '–' : `${Math.round(naiveP50 / r.commitP50).toLocaleString('en')}×`,
      `${r.storePeakRssMiB.toFixed(0)} / ${r.naivePeakRssMiB.toFixed(0)}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
  console.log('\nStore: snapshot + journal vs whole-file rewrite (20 messages × ~200 chars per conversation)');
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const b of body) console.log(line(b));
  console.log(
    'cold load = openStore in a fresh process (parse + per-record zod validation), warm OS cache; compaction = one commit, then the store folded in its worker in that same process (peak RSS: the loaded store plus what the worker holds: it streams the snapshot and holds only the records journaled since the last compaction); commit = validate + ' +
      'append + fdatasync of one put; naive = lowdb DataFile write of everything, compact JSON, no fsync; ' +
      'peak RSS = this (parent) process, before the naive writes (generation, writing the store, commits) and after them. ' +
      'The peak is process-wide and never goes down, so the 50 000 row includes the 10 000 run.',
  );
}

if (process.argv.includes(LOAD_FLAG) && process.argv[1] && path.resolve(process.argv[1]) === HERE) {
  loadProbe(process.argv[process.argv.indexOf(LOAD_FLAG) + 1]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
