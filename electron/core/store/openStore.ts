/**
 * The lowdb snapshot + journal implementation of Store.
 *
 * Why not plain lowdb: it rewrites the whole file per change (about a second at 10 000 conversations and
 * several seconds at 50 000), never fsyncs, and throws on a corrupt file. Here a commit appends one fsynced line to a journal
 * (sub-millisecond at any size), snapshots are cut by a worker thread, and unreadable data is quarantined.
 * See docs/measurements.md ("Store") for the measurements behind this; `npm run bench -- store` re-measures.
 */
import { existsSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { startCoreWorker } from '../coreWorker';
import { SCHEMA_VERSION, type CollectionName, type RecordOf } from '../../../shared/schema';
import { WORKER_MARK, type CompactJob, type CompactResult } from './compactWorker';
import { applyChanges, commitLine, JournalWriter, replayEntry, type ReplayResult } from './journal';
import { JournalStream } from './journalRead';
import { migrateStore } from './migrations';
import { newProblemId, PROBLEMS_FILE, readProblems, writeProblems } from './problemLog';
import { Quarantine } from './quarantine';
import {
  fsyncDir,
  journalName,
  listStoreFiles,
  readSnapshot,
  snapshotName,
  writeSnapshot,
  type DamagedRecord,
  type SnapshotFile,
} from './snapshot';
import { breathe } from './snapshotLayout';
import type { Change, CommitOptions, Store, StoreProblem } from './types';
import { checkFrames, emptyCollections, loadCollectionsYielding, parseCommit, type BadRecord, type Collections } from './validate';

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
   * Validate trusted commits against the schemas anyway (see CommitOptions). Default: on under vitest (or with
   * KEFU_STORE_VALIDATE_ALL=1), so a core bug that builds an invalid record fails a test; off in the app.
   */
  validateTrusted?: boolean;
  /** How far the opening has got (see StoreOpenProgress): called as the files are read and the records checked. */
  onProgress?: (p: StoreOpenProgress) => void;
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
const CHECKSUM_ERROR = 'checksum mismatch: the bytes changed after they were written';

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
  for (const gen of [...files.snapshots].reverse()) {
    const r = await readSnapshot(dir, gen, onSnapshotRead);
    if (r.ok) {
      base = r.data;
      damaged = r.damaged;
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
    journalGens,
    currentGen,
    dirty: migrated || bad.length > 0,
    compactEveryBytes: opts.compactEveryBytes ?? DEFAULT_COMPACT_BYTES,
    compactRatio: opts.compactRatio ?? 1,
    journalCapBytes: opts.journalCapBytes ?? DEFAULT_JOURNAL_CAP_BYTES,
    validateTrusted: opts.validateTrusted ?? Boolean(process.env.VITEST || process.env.KEFU_STORE_VALIDATE_ALL),
  });
  let count = 0;
  for (const m of Object.values(colls)) count += m.size;
  log(
    'info',
    `opened ${dir}: ${count} records, snapshot ${base ? base.gen : 'none'}, ${replayed} journal commits replayed, ` +
      `${problems.length} problems, ${(performance.now() - t0).toFixed(0)} ms`,
  );
  // Fold what was replayed (and rewrite migrated or quarantined data) so the next start is a plain load.
  if (replayed > 0 || migrated || bad.length > 0 || torn > 0) store.compactInBackground('after open');
  return store;
}

interface FileStoreInit {
  dir: string;
  log: StoreLog;
  colls: Collections;
  seq: number;
  isNew: boolean;
  problems: StoreProblem[];
  newProblems: StoreProblem[];
  snapGen: number | null;
  journalGens: number[];
  currentGen: number;
  dirty: boolean;
  compactEveryBytes: number;
  compactRatio: number;
  journalCapBytes: number;
  validateTrusted: boolean;
}

class FileStore implements Store {
  readonly isNew: boolean;
  readonly newProblems: readonly StoreProblem[];
  private problemList: readonly StoreProblem[];
  private seeded = false;
  private readonly dir: string;
  private readonly log: StoreLog;
  private readonly colls: Collections;
  private readonly compactEveryBytes: number;
  private readonly compactRatio: number;
  private readonly journalCapBytes: number;
  private readonly validateTrusted: boolean;
  private seq: number;
  private writer: JournalWriter;
  /** The snapshot on disk the next compaction starts from. */
  private snapGen: number | null;
  /** Journal files on disk, not yet folded, that are no longer written to. */
  private journalGens: number[];
  /** Records on disk may need migrating or dropping: the next compaction must re-validate. */
  private dirty: boolean;
  private compacting: Promise<void> | null = null;
  /** The size of the snapshot compaction starts from (journalDue). */
  private snapBytes: { gen: number; bytes: number } | null = null;
  private closed = false;
  private readonly listeners = new Set<(changes: readonly Change[]) => void>();

  constructor(init: FileStoreInit) {
    this.dir = init.dir;
    this.log = init.log;
    this.colls = init.colls;
    this.seq = init.seq;
    this.isNew = init.isNew;
    this.problemList = Object.freeze([...init.problems]);
    this.newProblems = Object.freeze([...init.newProblems]);
    this.snapGen = init.snapGen;
    this.journalGens = [...init.journalGens];
    this.dirty = init.dirty;
    this.compactEveryBytes = init.compactEveryBytes;
    this.compactRatio = init.compactRatio;
    this.journalCapBytes = init.journalCapBytes;
    this.validateTrusted = init.validateTrusted;
    // Always a fresh journal: never append after a torn line someone else left behind.
    this.writer = new JournalWriter(this.dir, init.currentGen);
  }

  get<K extends CollectionName>(coll: K, id: string): RecordOf<K> | undefined {
    return this.colls[coll].get(id) as RecordOf<K> | undefined;
  }

  all<K extends CollectionName>(coll: K): ReadonlyMap<string, RecordOf<K>> {
    return this.colls[coll] as Map<string, RecordOf<K>>;
  }

  get problems(): readonly StoreProblem[] {
    return this.problemList;
  }

  dismissProblem(id: string): StoreProblem | undefined {
    const gone = this.problemList.find((p) => p.id === id);
    if (!gone) return undefined;
    const rest = this.problemList.filter((p) => p !== gone);
    writeProblems(this.dir, rest); // durable before the list changes; throws (list unchanged) if it cannot be saved
    this.problemList = Object.freeze(rest);
    this.log('info', `problem ${id} (${gone.kind} in ${gone.source}) dismissed; its quarantine file stays: ${gone.quarantinedTo}`);
    return gone;
  }

  async seed(changes: Change[]): Promise<void> {
    if (this.closed) throw new Error('Store.seed: the store is closed');
    if (!this.isNew || this.seeded || this.seq !== 0 || this.writer.created || this.snapGen !== null || this.compacting) {
      throw new Error('Store.seed: only a new store with nothing written yet can be seeded');
    }
    const parsed = parseCommit(changes); // throws before anything is written
    this.seeded = true;
    const colls = emptyCollections();
    applyChanges(colls, parsed);
    const collections: Record<string, unknown[]> = {};
    for (const [c, m] of Object.entries(colls)) collections[c] = [...m.values()];
    // snapshot-<g> where g is the journal that will take the first commit: open replays journal-<g> on top of it.
    // Until the rename inside writeSnapshot the folder holds at most a temp file, which the next open removes
    // (and the folder is still new); after it, the whole seed is there.
    const gen = this.writer.gen;
    try {
      await writeSnapshot(this.dir, { version: SCHEMA_VERSION, gen, seq: this.seq, collections });
    } catch (e) {
      this.seeded = false;
      throw e;
    }
    this.snapGen = gen;
    applyChanges(this.colls, parsed);
    this.notify(parsed);
  }

  commit(changes: Change[], opts?: CommitOptions): Promise<void> {
    // Durable (written and fsynced) before this returns: the promise is settled already, and a failure rejects it.
    try {
      this.commitNow(changes, opts);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private commitNow(changes: Change[], opts?: CommitOptions): void {
    if (this.closed) throw new Error('Store.commit: the store is closed');
    // Throws before anything is written. A trusted commit checks the frame only (validate.ts, checkFrames).
    const parsed = opts?.trusted && !this.validateTrusted ? checkFrames(changes) : parseCommit(changes);
    if (parsed.length === 0) return;
    const seq = this.seq + 1;
    // Durable first, then visible: if the append throws, memory and listeners never saw the change.
    this.writer.append(commitLine(seq, parsed));
    this.seq = seq;
    applyChanges(this.colls, parsed);
    this.notify(parsed);
    if (this.journalDue()) this.compactInBackground('journal size');
  }

  /** The journal has grown enough to fold (see OpenStoreOptions.compactRatio). */
  private journalDue(): boolean {
    const size = this.writer.size;
    if (size < this.compactEveryBytes) return false;
    if (this.compactRatio <= 0 || this.snapGen === null || size >= this.journalCapBytes) return true;
    // One stat per commit past the fixed trigger, cached per snapshot generation.
    if (this.snapBytes?.gen !== this.snapGen) {
      let bytes = 0;
      try {
        bytes = statSync(path.join(this.dir, snapshotName(this.snapGen))).size;
      } catch {
        // Unreadable size: fall back to the fixed trigger.
      }
      this.snapBytes = { gen: this.snapGen, bytes };
    }
    return size >= this.compactRatio * this.snapBytes.bytes;
  }

  private notify(parsed: readonly Change[]): void {
    for (const l of this.listeners) {
      try {
        l(parsed);
      } catch (e) {
        // The commit is already durable; a failing listener must not make the caller think it was not.
        this.log('error', `onCommit listener threw: ${(e as Error).stack ?? e}`);
      }
    }
  }

  onCommit(listener: (changes: readonly Change[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  compactInBackground(why: string): void {
    if (this.compacting || this.closed) return;
    this.compact().catch((e: Error) => this.log('error', `compaction (${why}) failed, will retry later: ${e.message}`));
  }

  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    if (this.closed) return Promise.reject(new Error('Store.compact: the store is closed'));
    const folding = this.writer.created ? [...this.journalGens, this.writer.gen] : [...this.journalGens];
    if (folding.length === 0 && !this.dirty) return Promise.resolve();

    // Rotate first: commits go on, into the next journal, while the worker folds the old ones.
    const targetGen = this.writer.gen + 1;
    this.writer.close();
    this.writer = new JournalWriter(this.dir, targetGen);
    this.journalGens = folding;
    const job: CompactJob = { dir: this.dir, snapshotGen: this.snapGen, journalGens: folding, targetGen, validate: this.dirty };

    this.compacting = (async () => {
      try {
        const res = await runCompactWorker(job);
        // snapshot-<targetGen> is written and fsynced: only now may its inputs go.
        // The generation just folded stays as the fallback for the new snapshot; the one before it goes.
        const keepFrom = job.snapshotGen ?? (folding.length > 0 ? Math.min(...folding) : targetGen);
        const stale = listStoreFiles(this.dir);
        const staleNames = [
          ...stale.snapshots.filter((g) => g < keepFrom).map(snapshotName),
          ...stale.journals.filter((g) => g < keepFrom).map(journalName),
        ];
        this.snapGen = targetGen;
        this.journalGens = [];
        this.dirty = false;
        for (const name of staleNames) {
          try {
            unlinkSync(path.join(this.dir, name));
          } catch (e) {
            // Harmless: open removes files older than the newest snapshot.
            this.log('warn', `could not remove ${name}: ${(e as Error).message}`);
          }
        }
        fsyncDir(this.dir);
        this.log(
          'info',
          `compacted into ${snapshotName(targetGen)}: ${res.records} records, seq ${res.seq}, ` +
            `${res.ms.toFixed(0)} ms (read ${res.readMs.toFixed(0)} ms) in a worker`,
        );
      } finally {
        this.compacting = null;
      }
      if (this.journalDue()) this.compactInBackground('journal size');
    })();
    return this.compacting;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.compacting) await this.compacting.catch(() => {});
    this.writer.close();
  }
}

// electron-vite emits the worker as compact-worker.js next to the main bundle (coreWorker.ts).
const startWorker = (job: CompactJob) => startCoreWorker({ bundled: 'compact-worker.js', source: 'compactWorker.ts' }, import.meta.url, { mark: WORKER_MARK, job });

function runCompactWorker(job: CompactJob): Promise<CompactResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(job);
    let reply: { ok: true; result: CompactResult } | { ok: false; error: string } | null = null;
    let failure: Error | null = null;
    worker.on('message', (m) => (reply = m));
    worker.on('error', (e) => (failure = e));
    // Settle on exit, so close() never returns while the worker still holds files open.
    worker.on('exit', (code) => {
      const r = reply as typeof reply;
      if (r?.ok) resolve(r.result);
      else if (r) reject(new Error(`compaction worker failed: ${r.error}`));
      else reject(failure ?? new Error(`compaction worker exited with code ${code} without a result`));
    });
  });
}
