/**
 * Snapshot files and the data folder layout.
 *
 *   snapshot-<gen>.json    the whole store at one point, written by a compaction or the first-run seed (compact
 *                          JSON, read through lowdb's DataFile), with per-record checksums (see checksum.ts)
 *   journal-<gen>.ndjson   commits made after snapshot-<gen> was cut (see journal.ts)
 *   problems.json          store problems not yet dismissed by a lead (see problemLog.ts)
 *   quarantine/            whatever could not be read (see quarantine.ts)
 *
 * Used by both the main thread (open) and the compaction worker, so nothing here touches store state.
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DataFile } from 'lowdb/node';
import { z } from 'zod';
import { crc32, snapshotHead, type SnapshotCheck } from './checksum';

/** What a snapshot file holds. `collections` stays loose here: records are checked one by one later. */
export interface SnapshotFile {
  version: number;
  gen: number;
  /** The seq of the last commit folded into this snapshot (0 if none). */
  seq: number;
  collections: Record<string, unknown[]>;
}

/** A record whose bytes no longer match the checksum written with it: left out of `collections`. */
export interface DamagedRecord {
  coll: string;
  index: number;
  raw: unknown;
}

// Only the frame is checked as a whole; a bad record must not make us reject the thousands of good ones.
const SnapshotFrame = z.object({
  version: z.number().int().min(1),
  gen: z.number().int().min(0).optional(),
  seq: z.number().int().min(0).optional(),
  collections: z.record(z.string(), z.array(z.unknown())),
  check: z
    .object({
      alg: z.literal('crc32'),
      head: z.string().regex(/^[0-9a-f]{8}$/),
      records: z.record(z.string(), z.string()),
    })
    .strict()
    .optional(),
});
/** The keys a snapshot may have. A legacy file (no `check`) with any other key may be a damaged `check`: refused. */
const FRAME_KEYS = new Set(['version', 'gen', 'seq', 'collections', 'check']);

export const snapshotName = (gen: number) => `snapshot-${gen}.json`;
export const journalName = (gen: number) => `journal-${gen}.ndjson`;

const SNAPSHOT_RE = /^snapshot-(\d+)\.json$/;
const JOURNAL_RE = /^journal-(\d+)\.ndjson$/;
// The temp name of snapshot-<gen>.json (steno's naming, kept) or problems.json: only exists if a compaction, the
// first-run seed or a problems update died before its rename.
const TEMP_RE = /^\.(?:snapshot-\d+|problems)\.json\.tmp$/;

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

export type SnapshotRead =
  | {
      ok: true;
      data: SnapshotFile;
      /** Records that failed their checksum (already removed from data.collections). */
      damaged: DamagedRecord[];
      /** The file carries no checksums (written by an earlier version). */
      legacy: boolean;
    }
  | { ok: false; error: string };

/**
 * Reads, frame-checks and checksum-checks one snapshot. Never throws for bad content: the caller decides to
 * quarantine. A damaged frame (head checksum) fails the whole file; a damaged record is only left out.
 */
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
  const { check, ...rest } = frame.data;
  // The file name is the authority on gen (a hand-written or old file may not carry it).
  const data: SnapshotFile = { ...rest, gen, seq: rest.seq ?? 0 };
  if (!check) {
    const extra = Object.keys(raw as object).filter((k) => !FRAME_KEYS.has(k));
    if (extra.length > 0) return { ok: false, error: `no checksums and unexpected keys ${extra.join(', ')} (a damaged frame?)` };
    return { ok: true, data, damaged: [], legacy: true };
  }
  const v = verifyCollections(data, check);
  if (typeof v === 'string') return { ok: false, error: v };
  return { ok: true, data, damaged: v, legacy: false };
}

/** Checks the head and every record; removes damaged records from data.collections. A string: the frame is bad. */
function verifyCollections(data: SnapshotFile, check: SnapshotCheck): DamagedRecord[] | string {
  const counts = Object.entries(data.collections).map(([c, recs]) => [c, recs.length] as [string, number]);
  if (snapshotHead(data.version, data.seq, counts) !== check.head) {
    return 'checksum mismatch in the frame (version, seq or collections changed)';
  }
  const damaged: DamagedRecord[] = [];
  for (const [coll, records] of Object.entries(data.collections)) {
    const sums = check.records[coll];
    if (typeof sums !== 'string' || sums.length !== records.length * 8) return `checksums of ${coll} do not match its records`;
    let kept: unknown[] | null = null;
    for (let i = 0; i < records.length; i++) {
      const rec = records[i];
      const ok = crc32(JSON.stringify(rec)) === parseInt(sums.slice(i * 8, i * 8 + 8), 16);
      if (!ok) {
        damaged.push({ coll, index: i, raw: rec });
        kept ??= records.slice(0, i);
      } else if (kept) kept.push(rec);
    }
    if (kept) data.collections[coll] = kept;
  }
  return damaged;
}

/**
 * Writes snapshot-<gen>.json: streamed into a temp file (record by record, so no single string of the whole
 * store is built), fsynced, renamed, and the folder fsynced. Each record gets its checksum (see checksum.ts).
 * After a crash there is either the complete new file or none (the temp is removed by the next open).
 */
export async function writeSnapshot(dir: string, data: SnapshotFile): Promise<void> {
  writeFileAtomic(dir, snapshotName(data.gen), (write) => {
    write(`{"version":${JSON.stringify(data.version)},"gen":${JSON.stringify(data.gen)},"seq":${JSON.stringify(data.seq)},"collections":{`);
    const records: Record<string, string> = {};
    const counts: [string, number][] = [];
    let firstColl = true;
    for (const [coll, recs] of Object.entries(data.collections)) {
      write(`${firstColl ? '' : ','}${JSON.stringify(coll)}:[`);
      firstColl = false;
      const sums: string[] = [];
      let chunk = '';
      for (let i = 0; i < recs.length; i++) {
        const json = JSON.stringify(recs[i]);
        sums.push(crc32(json).toString(16).padStart(8, '0'));
        chunk += i === 0 ? json : ',' + json;
        if (chunk.length >= 1 << 20) {
          write(chunk);
          chunk = '';
        }
      }
      write(chunk + ']');
      records[coll] = sums.join('');
      counts.push([coll, recs.length]);
    }
    const check: SnapshotCheck = { alg: 'crc32', head: snapshotHead(data.version, data.seq, counts), records };
    write(`},"check":${JSON.stringify(check)}}`);
  });
}

/**
 * Creates or replaces `dir/name` so that after a crash or power cut it holds either the old content or the
 * complete new one: temp file (`.<name>.tmp`), fsync, rename, fsync of the folder.
 */
export function writeFileAtomic(dir: string, name: string, fill: (write: (text: string) => void) => void): void {
  const tmp = path.join(dir, `.${name}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    fill((text) => {
      const buf = Buffer.from(text, 'utf8');
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    });
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // the next open removes it
    }
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path.join(dir, name));
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
