/**
 * The Store openStore.ts returns once a folder is open: records in memory, each commit an fsynced journal line
 * before it is visible, compaction of the journals into a new snapshot in a worker thread.
 */
import { statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { startCoreWorker } from '../coreWorker';
import { SCHEMA_VERSION, type CollectionName, type RecordOf } from '../../../shared/schema';
import { WORKER_MARK, type CompactJob, type CompactResult } from './compactWorker';
import { applyChanges, commitLine, JournalWriter } from './journal';
import { journalChanges } from './journalPatch';
import { CHECKSUM_ERROR, type LazyMessages } from './lazyMessages';
import { newProblemId, writeProblems } from './problemLog';
import type { Quarantine } from './quarantine';
import { fsyncDir } from './durableFiles';
import { journalName, listStoreFiles, snapshotName, writeSnapshot } from './snapshot';
import { snapshotIndexName } from './snapshotIndex';
import { conversationLinesName } from './conversationLines';
import type { Change, CommitOptions, Store, StoreProblem } from './types';
import { checkFrames, emptyCollections, parseCommit, type Collections } from './validate';
import type { StoreLog } from './openStore';

export interface FileStoreInit {
  dir: string;
  log: StoreLog;
  colls: Collections;
  seq: number;
  isNew: boolean;
  problems: StoreProblem[];
  newProblems: StoreProblem[];
  snapGen: number | null;
  /** The snapshot's messages left on disk (null: all in memory). */
  onDisk: LazyMessages | null;
  quarantine: Quarantine;
  journalGens: number[];
  currentGen: number;
  dirty: boolean;
  compactEveryBytes: number;
  compactRatio: number;
  journalCapBytes: number;
  validateTrusted: boolean;
}

export class FileStore implements Store {
  readonly isNew: boolean;
  /** What this start found: at open, and in messages read later (quarantineRead). */
  newProblems: readonly StoreProblem[];
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
  private readonly onDisk: LazyMessages | null;
  /** The snapshot was copied to quarantine for a message that failed its checksum (once is enough). */
  private copiedSnapshot = false;
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
    this.onDisk = init.onDisk;
    if (this.onDisk) {
      const source = this.snapGen === null ? 'snapshot' : snapshotName(this.snapGen);
      const quarantine = init.quarantine;
      this.onDisk.onUnreadable = (id, raw, error) => this.quarantineRead(quarantine, source, id, raw, error);
    }
  }

  /**
   * A message left on disk failed its schema when it was read (its checksum held at open: written so by some
   * earlier version), or its checksum when the background read came to it (lazyMessages.ts). As open does with any
   * bad record: it goes to quarantine with a problem for the lead (the snapshot file copied as it is, for a checksum),
   * the rest stays, and the next compaction re-validates so the snapshot no longer carries it.
   */
  private quarantineRead(quarantine: Quarantine, source: string, id: string, raw: unknown, error: string): void {
    let to = '(not saved)';
    const checksum = error === CHECKSUM_ERROR;
    try {
      to = quarantine.saveRecords([{ coll: 'messages', error, raw, source }]);
      if (checksum && !this.copiedSnapshot) {
        this.copiedSnapshot = true;
        const copy = quarantine.copyFile(path.join(this.dir, source));
        this.log('error', `a message of ${source} failed its checksum; the file as it was: ${copy}`);
      }
    } catch (e) {
      this.log('error', `could not quarantine message ${id}: ${(e as Error).message}`);
    }
    const what = checksum ? 'failed its checksum (its bytes changed on disk)' : 'failed validation when read';
    const message = `a messages record in ${source} ${what} (${error}); quarantined, the others were kept`;
    const problem: StoreProblem = { id: newProblemId(), source: `messages/${id}`, kind: 'invalid_record', message, quarantinedTo: to, at: Date.now() };
    this.dirty = true;
    this.log('error', `${message}: ${to}`);
    // The same damage found by an earlier start (killed before its compaction folded it away) stays listed once.
    if (this.problemList.some((p) => p.kind === problem.kind && p.source === problem.source && p.message === problem.message)) return;
    this.problemList = Object.freeze([...this.problemList, problem]);
    this.newProblems = Object.freeze([...this.newProblems, problem]);
    try {
      writeProblems(this.dir, this.problemList);
    } catch (e) {
      this.log('error', `could not save the problem list: ${(e as Error).message}`);
    }
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
    // Conversations the store holds go to the journal as patches (journalPatch.ts); memory gets the whole records.
    this.writer.append(commitLine(seq, journalChanges(parsed, this.colls)));
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
          ...stale.indexes.filter((g) => g < keepFrom).map(snapshotIndexName),
          ...stale.lines.filter((g) => g < keepFrom).map(conversationLinesName),
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
    this.onDisk?.close();
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
