/**
 * The lowdb snapshot + journal implementation of Store: opening a folder (this file: read the snapshot, replay the
 * journals, quarantine what cannot be read) and the store it returns (fileStore.ts: commits and compaction).
 *
 * Why not plain lowdb: it rewrites the whole file per change (about a second at 10 000 conversations and
 * several seconds at 50 000), never fsyncs, and throws on a corrupt file. Here a commit appends one fsynced line to a journal
 * (sub-millisecond at any size), snapshots are cut by a worker thread, and unreadable data is quarantined.
 * See docs/measurements.md ("Store") for the measurements behind this; `npm run bench -- store` re-measures.
 */
import { existsSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../../shared/schema';
import { FileStore } from './fileStore';
import { replayEntry, type ReplayResult } from './journal';
import { JournalStream } from './journalRead';
import { CHECKSUM_ERROR, LazyMessages } from './lazyMessages';
import { snapshotIndexName } from './snapshotIndex';
import { conversationLinesName } from './conversationLines';
import { migrateStore } from './migrations';
import { newProblemId, PROBLEMS_FILE, readProblems, writeProblems } from './problemLog';
import { Quarantine } from './quarantine';
import { fsyncDir } from './durableFiles';
import {
  journalName,
  listStoreFiles,
  snapshotName,
  type SnapshotFile,
} from './snapshot';
import { breathe } from './snapshotLayout';
import { readSnapshot, type DamagedRecord } from './snapshotRead';
import type { Store, StoreProblem } from './types';
import { emptyCollections, loadCollectionsYielding, type BadRecord, type Collections } from './validate';

export type StoreLog = (level: 'info' | 'warn' | 'error', msg: string) => void;

export interface OpenStoreOptions {
  dir: string;
  log?: StoreLog;
  /** Compact once the current journal is this big (default 64 MiB)… */
  compactEveryBytes?: number;
  /**
   * …and at least `compactRatio` × the snapshot it would fold into (default 1). A compaction rewrites the whole
   * snapshot, so a fixed trigger makes a big store rewrite hundreds of MB for every 64 MiB of journal (two full
   * rewrites during one 100 000-event spool import at 50 000 conversations); growing the trigger with the snapshot
   * keeps the bytes rewritten per byte journaled at most ~1, as Redis's AOF rewrite does (100 %). The price: a start
   * after a crash may replay a journal up to the snapshot's size. 0: the fixed trigger alone (tests that force
   * frequent compactions).
   */
  compactRatio?: number;
  /**
   * …but never more than this (default 1 GiB): a start after a crash replays the journal, and the compaction folds
   * it, so the snapshot-sized trigger alone would let a start at ~200 000 conversations replay 2.5 GB (measured).
   * Both read it as a stream (one commit at a time), so the cap bounds their time, not their memory.
   */
  journalCapBytes?: number;
  /**
   * Validate trusted commits against the schemas anyway (see CommitOptions in types.ts). Default: on under vitest (or with
   * KEFU_STORE_VALIDATE_ALL=1), so a core bug that builds an invalid record fails a test; off in the app.
   */
  validateTrusted?: boolean;
  /** How far the opening has got (see StoreOpenProgress): called as the files are read and the records checked. */
  onProgress?: (p: StoreOpenProgress) => void;
  /**
   * When the compaction an open asks for (journals replayed, records migrated or quarantined) may start: default at
   * once. The core holds it back until the first queue page (firstPageGate.ts): its thread competed with the sign-in's
   * scrypt and the page for the two cores.
   */
  compactAfterOpen?: Promise<void>;
  /**
   * Leave the snapshot's messages on disk until they are read (default true; lazyMessages.ts). False: every message
   * is read, parsed and validated at open, as before (the bench's side-by-side figures).
   */
  lazyMessages?: boolean;
}

/**
 * Opening's progress: `fraction` (0 … 1) weighs the snapshot and the journals by their bytes, and within the
 * snapshot reading (decoding and parsing, ~70 % of its time) before checking each record against its schema.
 * A journal is read and checked commit by commit, its share moving every few MB. `bytes`: the files' size.
 */
export interface StoreOpenProgress {
  step: 'reading' | 'checking';
  fraction: number;
  bytes: number;
}

const DEFAULT_COMPACT_BYTES = 64 * 1024 * 1024;
const DEFAULT_JOURNAL_CAP_BYTES = 1024 * 1024 * 1024;
/** A journal's replay lets the event loop run (and reports progress) after about this many bytes of it. */
const REPLAY_BREATHE_BYTES = 2 * 1024 * 1024;

const consoleLog: StoreLog = (level, msg) => {
  const line = `[store] ${msg}`;
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.info(line);
};

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const t0 = performance.now();
  const dir = path.resolve(opts.dir);
  const log = opts.log ?? consoleLog;
  mkdirSync(dir, { recursive: true });
  const files = listStoreFiles(dir);
  const quarantine = new Quarantine(dir);
  // Only a folder with no store file at all is new; a folder whose snapshot was corrupt is not (do not seed
  // over it), also on the next start: journals are created on the first commit, so the quarantine counts too.
  const isNew = files.snapshots.length === 0 && files.journals.length === 0 && !existsSync(quarantine.dir);
  const problems: StoreProblem[] = [];
  const problem = (p: Omit<StoreProblem, 'id' | 'at'>) => problems.push({ id: newProblemId(), ...p, at: Date.now() });

  // Problems earlier starts found and no lead has dismissed yet.
  let kept: StoreProblem[] = [];
  const earlier = readProblems(dir);
  if (earlier.ok) kept = earlier.problems;
  else {
    const to = quarantine.moveFile(path.join(dir, PROBLEMS_FILE));
    const message = `${PROBLEMS_FILE} is unreadable (${earlier.error}); moved to quarantine, earlier problems may be missing from this list`;
    problem({ source: PROBLEMS_FILE, kind: 'corrupt_file', message, quarantinedTo: to });
    log('error', `${message}: ${to}`);
  }

  // Temp files of a compaction that died before its rename: their inputs are all still on disk.
  for (const t of files.temps) {
    unlinkSync(path.join(dir, t));
    log('info', `removed unfinished compaction output ${t}`);
  }

  // Progress: the newest snapshot and the journals after it, by their bytes (a fallback to an older snapshot reads
  // more than that; the fraction then stays at most 1).
  const sizeOf = (name: string) => {
    try {
      return statSync(path.join(dir, name)).size;
    } catch {
      return 0;
    }
  };
  const newest = files.snapshots.at(-1);
  const snapBytes = newest === undefined ? 0 : sizeOf(snapshotName(newest));
  const journalBytes = files.journals.filter((g) => g >= (newest ?? -1)).reduce((n, g) => n + sizeOf(journalName(g)), 0);
  const totalBytes = snapBytes + journalBytes;
  const snapShare = totalBytes === 0 ? 0 : snapBytes / totalBytes;
  const report = (step: StoreOpenProgress['step'], fraction: number) => opts.onProgress?.({ step, fraction: Math.min(1, fraction), bytes: totalBytes });
  let snapRead = 0;
  const onSnapshotRead = (n: number) => report('reading', snapShare * 0.7 * ((snapRead += n) / Math.max(1, snapBytes)));
  report('reading', 0);

  // 1. The newest snapshot that reads; unreadable ones go to quarantine and we fall back one generation.
  let base: SnapshotFile | null = null;
  let damaged: DamagedRecord[] = [];
  let onDisk: LazyMessages | null = null;
  for (const gen of [...files.snapshots].reverse()) {
    const r = await readSnapshot(dir, gen, onSnapshotRead, opts.lazyMessages ?? true);
    if (r.ok) {
      base = r.data;
      damaged = r.damaged;
      onDisk = r.messages;
      if (r.legacy) log('info', `${snapshotName(gen)} has no checksums (an earlier version wrote it); the next compaction adds them`);
      break;
    }
    const to = quarantine.moveFile(path.join(dir, snapshotName(gen)));
    const message = `${snapshotName(gen)} is unreadable (${r.error}); moved to quarantine, falling back to older data`;
    problem({ source: 'snapshot', kind: 'corrupt_file', message, quarantinedTo: to });
    log('error', `${message}: ${to}`);
  }
  // Records whose bytes changed on disk: the file is copied to quarantine as it is (the next compaction replaces
  // it), the records themselves go with the other bad records below. The rest of the snapshot loads.
  if (base && damaged.length > 0) {
    const copy = quarantine.copyFile(path.join(dir, snapshotName(base.gen)));
    log('error', `${damaged.length} records of ${snapshotName(base.gen)} failed their checksum; the file as it was: ${copy}`);
  }
  const baseGen = base?.gen ?? -1;
  // Before touching anything: data from a newer version is refused (migrateStore throws), never cleaned up.
  const migratedBase = base ? migrateStore(base) : null;

  // 2. One older generation (the snapshot before ours and the journals folded into ours) is kept on purpose:
  //    if our snapshot is ever unreadable, that generation replays to the same data. Anything older goes.
  const keepFrom = Math.max(-1, ...files.snapshots.filter((g) => g < baseGen && existsSync(path.join(dir, snapshotName(g)))));
  const oldest = keepFrom >= 0 ? keepFrom : baseGen;
  let removedStale = false;
  for (const gen of files.snapshots.filter((g) => g < oldest)) {
    unlinkSync(path.join(dir, snapshotName(gen)));
    removedStale = true;
  }
  for (const gen of files.journals.filter((g) => g < oldest)) {
    unlinkSync(path.join(dir, journalName(gen)));
    removedStale = true;
  }
  // Indexes of snapshots that are gone (removed above, or moved to quarantine): nothing to describe any more.
  for (const gen of files.indexes.filter((g) => g < oldest || !existsSync(path.join(dir, snapshotName(g))))) {
    unlinkSync(path.join(dir, snapshotIndexName(gen)));
    removedStale = true;
  }
  for (const gen of files.lines.filter((g) => g < oldest || !existsSync(path.join(dir, snapshotName(g))))) {
    unlinkSync(path.join(dir, conversationLinesName(gen)));
    removedStale = true;
  }
  if (removedStale) fsyncDir(dir);

  // 3. Migrate, then validate record by record.
  const bad: (BadRecord & { source: string })[] = [];
  let migrated = false;
  let colls: Collections = emptyCollections();
  let seq = 0;
  if (base && migratedBase) {
    const { data, steps } = migratedBase;
    if (steps.length > 0) {
      migrated = true;
      log('info', `migrated ${snapshotName(base.gen)} from schema ${steps.join(', ')}`);
    }
    const source = snapshotName(base.gen);
    for (const d of damaged) bad.push({ coll: d.coll, error: CHECKSUM_ERROR, raw: d.raw, source });
    const records = Object.values(data.collections).reduce((n, recs) => n + recs.length, 0);
    colls = await loadCollectionsYielding(
      data.collections,
      (b) => bad.push({ ...b, source }),
      (checked) => report('checking', snapShare * (0.7 + 0.3 * (checked / Math.max(1, records)))),
      onDisk ? { messages: onDisk } : {},
    );
    seq = base.seq;
  }
  report('checking', snapShare);

  // 4. Replay the journals written since that snapshot, in order, commit by commit as they are read: a journal left
  //    by a crash can be as big as the snapshot (hundreds of MB), so it is neither held whole nor replayed in one
  //    stretch (the event loop runs every few MB, and progress moves with the bytes).
  const journalGens = files.journals.filter((g) => g >= baseGen);
  const replay: ReplayResult = { lastSeq: seq, applied: 0, bad: [] };
  let torn = 0;
  let journalsDone = 0;
  for (const gen of journalGens) {
    const name = journalName(gen);
    const stream = new JournalStream(path.join(dir, name));
    let breathedAt = 0;
    const newer = () => {
      if (stream.version > SCHEMA_VERSION) {
        throw new Error(`${name} was written by a newer Kefu Desk (schema ${stream.version}); this version reads up to ${SCHEMA_VERSION}`);
      }
    };
    for (const item of stream.items()) {
      newer();
      if (item.torn) {
        const t = item.torn;
        const to = quarantine.saveBytes(`${name.replace('.ndjson', '')}-line-${t.line}.bin`, t.bytes);
        const message = `${name} line ${t.line} (${t.bytes.length} bytes at offset ${t.offset}) is unreadable (${t.error}); skipped`;
        problem({ source: 'journal', kind: 'torn_journal_line', message, quarantinedTo: to });
        log('error', `${message}: ${to}`);
        torn++;
      } else {
        if (stream.version < SCHEMA_VERSION) migrated = true;
        const before = replay.bad.length;
        replayEntry(stream.version, item.entry, colls, true, replay);
        for (let i = before; i < replay.bad.length; i++) bad.push({ ...replay.bad[i], source: name });
      }
      if (stream.position - breathedAt >= REPLAY_BREATHE_BYTES) {
        breathedAt = stream.position;
        report('checking', snapShare + (totalBytes === 0 ? 0 : (journalsDone + stream.position) / totalBytes));
        await breathe();
      }
    }
    newer(); // a newer file with nothing but its header
    journalsDone += stream.position;
    report('checking', snapShare + (totalBytes === 0 ? 0 : journalsDone / totalBytes));
    await breathe();
  }
  seq = replay.lastSeq;
  const replayed = replay.applied;

  // 5. Records that failed their schema: one quarantine file, one problem per file and collection.
  if (bad.length > 0) {
    const to = quarantine.saveRecords(bad);
    const groups = new Map<string, (BadRecord & { source: string })[]>();
    for (const b of bad) {
      const k = `${b.source}\0${b.coll}\0${b.error === CHECKSUM_ERROR}`;
      groups.set(k, [...(groups.get(k) ?? []), b]);
    }
    for (const group of groups.values()) {
      const { source, coll, error } = group[0];
      // A snapshot record carries its id; a journal change carries it in rec (put) or id (del).
      const raw = group[0].raw as { id?: unknown; rec?: { id?: unknown } } | null;
      const id = raw?.rec?.id ?? raw?.id;
      const what = error === CHECKSUM_ERROR ? 'failed its checksum (its bytes changed on disk)' : 'failed validation';
      const message =
        group.length === 1
          ? `a ${coll} record in ${source} ${what} (${error}); quarantined, the others were kept`
          : `${group.length} ${coll} records in ${source} ${what} (first: ${error}); quarantined, the others were kept`;
      problem({
        source: group.length === 1 && typeof id === 'string' ? `${coll}/${id}` : coll,
        kind: 'invalid_record',
        message,
        quarantinedTo: to,
      });
      log('error', `${message}: ${to}`);
    }
  }

  // 6. Persist what this open found next to what earlier starts found, before anyone relies on the list. The same
  //    damage found again (a start killed before its compaction folded it away) is listed once.
  const sameAs = (a: StoreProblem, b: StoreProblem) => a.kind === b.kind && a.source === b.source && a.message === b.message;
  const listed = [...kept, ...problems.filter((p) => !kept.some((k) => sameAs(k, p)))];
  if (listed.length > kept.length) {
    try {
      writeProblems(dir, listed);
    } catch (e) {
      log('error', `could not save ${PROBLEMS_FILE}: ${(e as Error).message}; the problems are shown on this start only`);
    }
  }

  const currentGen = Math.max(baseGen, ...journalGens) + 1;
  const store = new FileStore({
    dir,
    log,
    colls,
    seq,
    isNew,
    problems: listed,
    newProblems: problems,
    snapGen: base ? base.gen : null,
    onDisk,
    quarantine,
    journalGens,
    currentGen,
    dirty: migrated || bad.length > 0,
    compactEveryBytes: opts.compactEveryBytes ?? DEFAULT_COMPACT_BYTES,
    compactRatio: opts.compactRatio ?? 1,
    journalCapBytes: opts.journalCapBytes ?? DEFAULT_JOURNAL_CAP_BYTES,
    validateTrusted: opts.validateTrusted ?? Boolean(process.env.VITEST || process.env.KEFU_STORE_VALIDATE_ALL),
  });
  let count = 0;
  for (const m of Object.values(colls)) count += m instanceof LazyMessages ? m.sizeWithoutReading : m.size;
  log(
    'info',
    `opened ${dir}: ${count} records, snapshot ${base ? base.gen : 'none'}, ${replayed} journal commits replayed, ` +
      `${problems.length} problems, ${(performance.now() - t0).toFixed(0)} ms`,
  );
  // Fold what was replayed (and rewrite migrated or quarantined data) so the next start is a plain load.
  if (replayed > 0 || migrated || bad.length > 0 || torn > 0) {
    if (opts.compactAfterOpen) void opts.compactAfterOpen.then(() => store.compactInBackground('after open'));
    else store.compactInBackground('after open');
  }
  return store;
}
