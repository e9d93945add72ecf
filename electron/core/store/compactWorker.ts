/**
 * Compaction, run in a worker thread so that parsing and writing a few hundred MB of JSON never blocks
 * the main process (which keeps committing to the next journal meanwhile).
 *
 * The worker reads the files itself instead of being handed the live data: copying the data to a worker
 * would cost the main thread about as much as writing it. It rebuilds the state with the same functions
 * open uses (migrate, validate, replayJournal/applyChanges) so the snapshot equals what the store holds.
 *
 * Built as its own entry (compact-worker.js) by electron-vite; from source it is started through tsx.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { COLLECTIONS, SCHEMA_VERSION } from '../../../shared/schema';
import { readJournal, replayJournal } from './journal';
import { migrateStore } from './migrations';
import { journalName, readSnapshot, writeSnapshot } from './snapshot';
import { emptyCollections, indexCollections, loadCollections, type Collections } from './validate';

export interface CompactJob {
  dir: string;
  /** The snapshot to start from; null when there is none yet (or it was quarantined). */
  snapshotGen: number | null;
  /** Journals to fold, ascending. None of them is written to any more. */
  journalGens: number[];
  /** The snapshot to write; equal to the gen of the journal now taking commits. */
  targetGen: number;
  /**
   * Re-validate records. Needed when open quarantined records or migrated data (the worker must drop and
   * convert exactly what open did); skipped otherwise because every record on disk was validated before
   * being written, and validating a million records costs seconds.
   */
  validate: boolean;
}

export interface CompactResult {
  records: number;
  seq: number;
  /** Total, and the part spent reading + folding (the rest is writing + fsync). */
  ms: number;
  readMs: number;
}

export const WORKER_MARK = 'kefu-store-compact';

export async function foldToSnapshot(job: CompactJob): Promise<CompactResult> {
  const t0 = performance.now();
  let colls: Collections = emptyCollections();
  let seq = 0;
  if (job.snapshotGen !== null) {
    const r = await readSnapshot(job.dir, job.snapshotGen);
    if (!r.ok) throw new Error(`snapshot-${job.snapshotGen} became unreadable: ${r.error}`);
    const { data } = migrateStore(r.data);
    colls = job.validate ? loadCollections(data.collections, () => {}) : indexCollections(data.collections);
    seq = r.data.seq;
  }
  for (const gen of job.journalGens) {
    const read = readJournal(path.join(job.dir, journalName(gen)));
    // Torn lines are skipped here exactly as open skipped them (open already quarantined their bytes).
    seq = replayJournal(read, colls, { afterSeq: seq, validate: job.validate }).lastSeq;
  }
  const collections: Record<string, unknown[]> = {};
  let records = 0;
  for (const c of COLLECTIONS) {
    collections[c] = [...colls[c].values()];
    records += collections[c].length;
  }
  colls = emptyCollections(); // let the maps go before stringify doubles the memory
  const readMs = performance.now() - t0;
  await writeSnapshot(job.dir, { version: SCHEMA_VERSION, gen: job.targetGen, seq, collections });
  return { records, seq, ms: performance.now() - t0, readMs };
}

if (!isMainThread && parentPort && (workerData as { mark?: string } | null)?.mark === WORKER_MARK) {
  const port = parentPort;
  foldToSnapshot((workerData as { job: CompactJob }).job).then(
    (result) => port.postMessage({ ok: true, result }),
    (e: unknown) => port.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
}
