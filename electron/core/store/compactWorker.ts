/**
 * Compaction, run in a worker thread so that parsing and writing a few hundred MB of JSON never blocks
 * the main process (which keeps committing to the next journal meanwhile).
 *
 * The worker reads the files itself instead of being handed the live data: copying the data to a worker
 * would cost the main thread about as much as writing it. It rebuilds the state with the same functions
 * open uses (migrate, validate, replayEntry/applyChanges) so the snapshot equals what the store holds.
 *
 * Built as its own entry (compact-worker.js) by electron-vite; from source it is started through tsx.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { COLLECTIONS, SCHEMA_VERSION } from '../../../shared/schema';
import { replayEntry, type RawChange, type ReplayResult } from './journal';
import { applyPatch, type PatchChange } from './journalPatch';
import { JournalStream } from './journalRead';
import { migrateChanges, migrateStore } from './migrations';
import { ConversationLinesWriter } from './conversationLines';
import { writeFileAtomic } from './durableFiles';
import { journalName, snapshotName, writeSnapshot } from './snapshot';
import { writeSnapshotIndex } from './snapshotIndex';
import { readSnapshot } from './snapshotRead';
import { lineLayoutHeader, SnapshotWriter, streamLineLayout } from './snapshotLayout';
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
  try {
    const streamed = foldStreaming(job);
    if (streamed) return streamed;
  } catch {
    // Not foldable as a stream (a damaged or unusual file): the whole store in memory, as open reads it, decides.
  }
  return foldInMemory(job);
}

/** The id a record's JSON starts with (JSON.stringify writes a record's keys in its schema's order, id first); parsed when not. */
const ID_AT_START = /^\{"id":"((?:[^"\\]|\\.)*)"/;
function idOf(text: string): string {
  const m = ID_AT_START.exec(text);
  if (m) return m[1].includes('\\') ? (JSON.parse(`"${m[1]}"`) as string) : m[1];
  return (JSON.parse(text) as { id: string }).id;
}

/** Patches of a record that only the snapshot holds, in journal order (applied when its line is copied). */
class PendingPatches {
  readonly patches: PatchChange[];
  constructor(first: PatchChange) {
    this.patches = [first];
  }
  applyTo(base: object): object {
    let rec = base;
    for (const p of this.patches) rec = applyPatch(rec, p);
    return rec;
  }
}

/**
 * The fold as a stream, for the usual case (a clean store in the current version, its snapshot in the line layout):
 * the journals' commits are folded per record into an overlay (the last put of each record, and the ids deleted),
 * then the old snapshot is copied record by record into the new one, each record replaced by its overlay version or
 * dropped if deleted, and the new records added at the end of their collection. Records nobody changed are copied
 * as bytes with the checksum already taken over them: never parsed, never held. So the worker's memory is the
 * overlay (what was journaled since the last compaction) plus one 8 MiB piece, not a second copy of the store
 * (at 50 000 conversations × 20 messages that copy was ~750 MB beside the store's own). The order of records is
 * the one the in-memory fold gives (Map order: in place when updated, at the end when new or put again after a
 * delete), so the two folds write the same snapshot. null: not the usual case.
 */
export function foldStreaming(job: CompactJob): CompactResult | null {
  if (job.validate || job.snapshotGen === null) return null;
  const file = path.join(job.dir, snapshotName(job.snapshotGen));
  const head = lineLayoutHeader(file);
  if (!head || head.version !== SCHEMA_VERSION) return null;
  const t0 = performance.now();
  const known = new Set<string>(COLLECTIONS);
  const overlay = new Map<string, Map<string, unknown>>();
  const deleted = new Map<string, Set<string>>();
  const of = <T>(m: Map<string, T>, coll: string, make: () => T): T => {
    let v = m.get(coll);
    if (v === undefined) m.set(coll, (v = make()));
    return v;
  };
  let seq = head.seq;
  for (const gen of job.journalGens) {
    // Commit by commit as read: only the overlay is held, not the journal's parsed commits.
    const stream = new JournalStream(path.join(job.dir, journalName(gen)));
    for (const { entry } of stream.items()) {
      if (!entry || entry.seq <= seq) continue;
      for (const ch of migrateChanges(stream.version, entry.changes) as RawChange[]) {
        if (!known.has(ch.coll)) continue;
        const recs = of(overlay, ch.coll, () => new Map<string, unknown>());
        if (ch.op === 'put') {
          const rec = ch.rec as { id: string };
          recs.set(rec.id, rec);
        } else if (ch.op === 'patch') {
          // On a record put since: applied now. On one only the snapshot holds: kept until its line comes by.
          const p = ch as PatchChange;
          const cur = recs.get(p.id);
          if (cur instanceof PendingPatches) cur.patches.push(p);
          else if (cur !== undefined) recs.set(p.id, applyPatch(cur as object, p));
          else if (!deleted.get(ch.coll)?.has(p.id)) recs.set(p.id, new PendingPatches(p));
        } else if (ch.op === 'del') {
          // Deleted: the old copy goes, and a later put is a new record (at the end, as Map.set after delete).
          recs.delete(ch.id as string);
          of(deleted, ch.coll, () => new Set<string>()).add(ch.id as string);
        }
      }
      seq = entry.seq;
    }
  }
  const readMs = performance.now() - t0;
  let records = 0;
  let done: SnapshotWriter | null = null;
  const lines = new ConversationLinesWriter();
  writeFileAtomic(job.dir, snapshotName(job.targetGen), (write) => {
    const w = (done = new SnapshotWriter(write, SCHEMA_VERSION, job.targetGen, seq));
    w.onMessageLine = lines.add;
    const written = new Set<string>();
    const addNew = (coll: string) => {
      for (const rec of overlay.get(coll)?.values() ?? []) {
        // Patches of a record the snapshot did not have: nothing to apply them to (the store never writes one).
        if (rec instanceof PendingPatches) continue;
        w.record(JSON.stringify(rec));
        records++;
      }
      overlay.delete(coll);
    };
    let keep = false;
    let changed: Map<string, unknown> | undefined;
    let gone: Set<string> | undefined;
    streamLineLayout(file, {
      collection(name) {
        // A collection this version does not know is dropped, as the in-memory fold drops it.
        keep = known.has(name) && !written.has(name);
        if (!keep) return;
        written.add(name);
        w.collection(name);
        changed = overlay.get(name);
        gone = deleted.get(name);
      },
      record(text, crc, size) {
        if (!keep) return;
        if (changed?.size || gone) {
          const id = idOf(text);
          // Deleted since: this copy goes (a put after the delete is written with the new records).
          if (gone?.has(id)) return;
          const rec = changed?.get(id);
          if (rec !== undefined) {
            w.record(JSON.stringify(rec instanceof PendingPatches ? rec.applyTo(JSON.parse(text) as object) : rec));
            changed!.delete(id);
            records++;
            return;
          }
        }
        w.record(text, crc, size);
        records++;
      },
      endCollection(name) {
        if (keep) addNew(name);
      },
    });
    for (const c of COLLECTIONS) {
      if (written.has(c)) continue;
      w.collection(c);
      addNew(c);
    }
    w.finish();
  });
  const { size, sections } = done as unknown as SnapshotWriter;
  writeSnapshotIndex(job.dir, job.targetGen, size, sections);
  lines.write(job.dir, job.targetGen, size);
  return { records, seq, ms: performance.now() - t0, readMs };
}

/** The fold with the whole store in memory: migrations, re-validation, or a snapshot not in the line layout. */
export async function foldInMemory(job: CompactJob): Promise<CompactResult> {
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
    // Torn lines are skipped here exactly as open skipped them (open already quarantined their bytes).
    const stream = new JournalStream(path.join(job.dir, journalName(gen)));
    const res: ReplayResult = { lastSeq: seq, applied: 0, bad: [] };
    for (const { entry } of stream.items()) if (entry) replayEntry(stream.version, entry, colls, job.validate, res);
    seq = res.lastSeq;
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
