/**
 * Snapshot files and the data folder layout.
 *
 *   snapshot-<gen>.json    the whole store at one point, written by a compaction (lowdb DataFile, compact JSON)
 *   journal-<gen>.ndjson   commits made after snapshot-<gen> was cut (see journal.ts)
 *   quarantine/            whatever could not be read (see quarantine.ts)
 *
 * Used by both the main thread (open) and the compaction worker, so nothing here touches store state.
 */
import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DataFile } from 'lowdb/node';
import { z } from 'zod';

/** What a snapshot file holds. `collections` stays loose here: records are checked one by one later. */
export interface SnapshotFile {
  version: number;
  gen: number;
  /** The seq of the last commit folded into this snapshot (0 if none). */
  seq: number;
  collections: Record<string, unknown[]>;
}

// Only the frame is checked as a whole; a bad record must not make us reject the thousands of good ones.
const SnapshotFrame = z.object({
  version: z.number().int().min(1),
  gen: z.number().int().min(0).optional(),
  seq: z.number().int().min(0).optional(),
  collections: z.record(z.string(), z.array(z.unknown())),
});

export const snapshotName = (gen: number) => `snapshot-${gen}.json`;
export const journalName = (gen: number) => `journal-${gen}.ndjson`;

const SNAPSHOT_RE = /^snapshot-(\d+)\.json$/;
const JOURNAL_RE = /^journal-(\d+)\.ndjson$/;
// steno's temp name for snapshot-<gen>.json; only exists if a compaction died before its rename.
const TEMP_RE = /^\.snapshot-\d+\.json\.tmp$/;

export interface StoreFiles {
  snapshots: number[]; // ascending
  journals: number[]; // ascending
  temps: string[];
}

export function listStoreFiles(dir: string): StoreFiles {
  const snapshots: number[] = [];
  const journals: number[] = [];
  const temps: string[] = [];
  for (const name of readdirSync(dir)) {
    let m: RegExpExecArray | null;
    if ((m = SNAPSHOT_RE.exec(name))) snapshots.push(Number(m[1]));
    else if ((m = JOURNAL_RE.exec(name))) journals.push(Number(m[1]));
    else if (TEMP_RE.test(name)) temps.push(name);
  }
  snapshots.sort((a, b) => a - b);
  journals.sort((a, b) => a - b);
  return { snapshots, journals, temps };
}

function dataFile(file: string) {
  // Compact JSON (not JSONFile's pretty print): at 50 000 conversations indentation alone costs ~100 MB.
  return new DataFile<unknown>(file, { parse: JSON.parse, stringify: JSON.stringify });
}

export type SnapshotRead = { ok: true; data: SnapshotFile } | { ok: false; error: string };

/** Reads and frame-checks one snapshot. Never throws for bad content: the caller decides to quarantine. */
export async function readSnapshot(dir: string, gen: number): Promise<SnapshotRead> {
  let raw: unknown;
  try {
    raw = await dataFile(path.join(dir, snapshotName(gen))).read();
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${(e as Error).message}` };
  }
  const frame = SnapshotFrame.safeParse(raw);
  if (!frame.success) {
    return { ok: false, error: `not a store snapshot: ${z.prettifyError(frame.error).replace(/\n/g, ' ')}` };
  }
  // The file name is the authority on gen (a hand-written or old file may not carry it).
  return { ok: true, data: { ...frame.data, gen, seq: frame.data.seq ?? 0 } };
}

/**
 * Writes snapshot-<gen>.json through lowdb (steno: temp file then rename), then fsyncs the file and the
 * folder, because steno never fsyncs. Until this returns, the files it replaces must stay on disk: if
 * the machine dies between rename and fsync the new file may be empty, and open falls back to them.
 */
export async function writeSnapshot(dir: string, data: SnapshotFile): Promise<void> {
  const file = path.join(dir, snapshotName(data.gen));
  await dataFile(file).write(data);
  fsyncFile(file);
  fsyncDir(dir);
}

export function fsyncFile(file: string): void {
  // 'r+': Windows' FlushFileBuffers needs write access.
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes creations, renames and deletions in `dir` durable. Windows cannot open a folder: best effort. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (e) {
    if (process.platform !== 'win32') throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
