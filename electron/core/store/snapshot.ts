/**
 * Snapshot files and the data folder layout.
 *
 *   snapshot-<gen>.json    the whole store at one point, written by a compaction or the first-run seed (here): one
 *                          JSON document, one record per line (LAYOUT in snapshotLayout.ts), with per-record
 *                          checksums (checksum.ts); read back by snapshotRead.ts
 *   journal-<gen>.ndjson   commits made after snapshot-<gen> was cut (see journal.ts)
 *   snapshot-<gen>.index.json  where each collection's lines are in that snapshot (snapshotIndex.ts): lets the open jump
 *                          over the messages and read them after the first page
 *   snapshot-<gen>.lines.bin   where each conversation's message lines are in that snapshot (conversationLines.ts): a
 *                          conversation opened before that read is done reads just its lines
 *   problems.json          store problems not yet dismissed by a lead (see problemLog.ts)
 *   quarantine/            whatever could not be read (see quarantine.ts)
 *
 * Used by both the main thread (open) and the compaction worker, so nothing here touches store state.
 */
import { readdirSync } from 'node:fs';
import { ConversationLinesWriter } from './conversationLines';
import { writeFileAtomic } from './durableFiles';
import { writeSnapshotIndex } from './snapshotIndex';
import { SnapshotWriter } from './snapshotLayout';

/** What a snapshot file holds. `collections` stays loose here: records are checked one by one later. */
export interface SnapshotFile {
  version: number;
  gen: number;
  /** The seq of the last commit folded into this snapshot (0 if none). */
  seq: number;
  collections: Record<string, unknown[]>;
}

export const snapshotName = (gen: number) => `snapshot-${gen}.json`;
export const journalName = (gen: number) => `journal-${gen}.ndjson`;

const SNAPSHOT_RE = /^snapshot-(\d+)\.json$/;
const JOURNAL_RE = /^journal-(\d+)\.ndjson$/;
const INDEX_RE = /^snapshot-(\d+)\.index\.json$/;
const LINES_RE = /^snapshot-(\d+)\.lines\.bin$/;
// The temp name of snapshot-<gen>.json (steno's naming, kept) or problems.json: only exists if a compaction, the
// first-run seed or a problems update died before its rename.
const TEMP_RE = /^\.(?:snapshot-\d+(?:\.index)?\.json|snapshot-\d+\.lines\.bin|problems\.json)\.tmp$/;

export interface StoreFiles {
  snapshots: number[]; // ascending
  journals: number[]; // ascending
  /** The gens that have a snapshot index (snapshotIndex.ts), ascending. */
  indexes: number[];
  /** The gens that have conversation lines (conversationLines.ts), ascending. */
  lines: number[];
  temps: string[];
}

export function listStoreFiles(dir: string): StoreFiles {
  const snapshots: number[] = [];
  const journals: number[] = [];
  const indexes: number[] = [];
  const lines: number[] = [];
  const temps: string[] = [];
  for (const name of readdirSync(dir)) {
    let m: RegExpExecArray | null;
    if ((m = SNAPSHOT_RE.exec(name))) snapshots.push(Number(m[1]));
    else if ((m = JOURNAL_RE.exec(name))) journals.push(Number(m[1]));
    else if ((m = INDEX_RE.exec(name))) indexes.push(Number(m[1]));
    else if ((m = LINES_RE.exec(name))) lines.push(Number(m[1]));
    else if (TEMP_RE.test(name)) temps.push(name);
  }
  snapshots.sort((a, b) => a - b);
  journals.sort((a, b) => a - b);
  indexes.sort((a, b) => a - b);
  lines.sort((a, b) => a - b);
  return { snapshots, journals, indexes, lines, temps };
}

/**
 * Writes snapshot-<gen>.json: streamed into a temp file (record by record, so no single string of the whole
 * store is built), fsynced, renamed, and the folder fsynced. Each record gets its checksum (see checksum.ts).
 * After a crash there is either the complete new file or none (the temp is removed by the next open).
 */
export async function writeSnapshot(dir: string, data: SnapshotFile): Promise<void> {
  let w: SnapshotWriter | null = null;
  const lines = new ConversationLinesWriter();
  writeFileAtomic(dir, snapshotName(data.gen), (write) => (w = writeSnapshotText(write, data, lines.add)));
  const { size, sections } = w as unknown as SnapshotWriter;
  writeSnapshotIndex(dir, data.gen, size, sections);
  lines.write(dir, data.gen, size);
}

/**
 * Writes `data` in the snapshot format, piece by piece (backups write their files with it too). The records may be
 * any iterable: a backup passes the store's live collections, so messages kept on disk are read one at a time and
 * never all held at once.
 */
export function writeSnapshotText(
  write: (text: string) => void,
  data: Omit<SnapshotFile, 'collections'> & { collections: Record<string, Iterable<unknown>> },
  onMessageLine: SnapshotWriter['onMessageLine'] = null,
): SnapshotWriter {
  const w = new SnapshotWriter(write, data.version, data.gen, data.seq);
  w.onMessageLine = onMessageLine;
  for (const [coll, recs] of Object.entries(data.collections)) {
    w.collection(coll);
    for (const rec of recs) w.record(JSON.stringify(rec));
  }
  w.finish();
  return w;
}
