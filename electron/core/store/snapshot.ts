/**
 * Snapshot files and the data folder layout.
 *
 *   snapshot-<gen>.json    the whole store at one point, written by a compaction or the first-run seed: one JSON
 *                          document, one record per line (LAYOUT below, read line by line; files of earlier
 *                          versions through lowdb's DataFile), with per-record checksums (see checksum.ts)
 *   journal-<gen>.ndjson   commits made after snapshot-<gen> was cut (see journal.ts)
 *   problems.json          store problems not yet dismissed by a lead (see problemLog.ts)
 *   quarantine/            whatever could not be read (see quarantine.ts)
 *
 * Used by both the main thread (open) and the compaction worker, so nothing here touches store state.
 */
import { closeSync, fsyncSync, openSync, readdirSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
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
 *
 * A file in the line layout (LAYOUT) is read line by line: no string of the whole file is ever built (V8 caps a
 * string at ~512 MB, which one JSON.parse of the file hit at ~73 000 conversations), and each record's checksum is
 * taken over the bytes read instead of a second JSON.stringify. Anything else (a file from an earlier version, all on
 * one line, or written by hand) is parsed whole, as before.
 */
export async function readSnapshot(dir: string, gen: number, onRead?: (bytes: number) => void): Promise<SnapshotRead> {
  return readSnapshotFile(path.join(dir, snapshotName(gen)), gen, onRead);
}

/** readSnapshot for a file of any name (backups). `onRead`: bytes read so far, piece by piece (the opening's progress). */
export async function readSnapshotFile(file: string, gen: number, onRead?: (bytes: number) => void): Promise<SnapshotRead> {
  let streamed: SnapshotRead | null;
  try {
    streamed = await readLineLayout(file, gen, onRead);
  } catch (e) {
    return { ok: false, error: `cannot read: ${(e as Error).message}` };
  }
  return streamed ?? readWhole(file, gen);
}

async function readWhole(file: string, gen: number): Promise<SnapshotRead> {
  let raw: unknown;
  try {
    raw = await dataFile(file).read();
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

/*
 * LAYOUT: the snapshot writeSnapshot writes is one JSON document, laid out one record per line:
 *
 *   {"version":4,"gen":7,"seq":41,"collections":{
 *   "agents":[
 *   {"id":"a1",...},
 *   {"id":"a2",...}
 *   ]
 *   ,"conversations":[
 *   ...
 *   ]
 *   },"check":{"alg":"crc32","head":"…","records":{…}}}
 *
 * JSON.stringify never puts a raw newline inside a record, so every record is exactly one line.
 */
const HEADER_RE = /^\{"version":(\d+),"gen":(\d+),"seq":(\d+),"collections":\{$/;
const COLLECTION_RE = /^,?("(?:[^"\\]|\\.)*"):\[$/;
const FOOTER_HEAD = '},"check":';
const CHUNK = 8 << 20;

/**
 * Calls `line` for each line of the file (without its newline, the last one even if unterminated), with its bytes
 * (for its checksum) and its text. Each piece read is decoded once up to its last newline and cut into lines there:
 * one decode per 8 MiB instead of one per record (~1 µs each, a second per million records). A newline byte never
 * occurs inside a multi-byte UTF-8 character, so the text's lines are exactly the bytes' lines.
 */
export function eachLine(fd: number, line: (bytes: Buffer, text: string) => void, chunk = CHUNK, onRead?: (bytes: number) => void): void {
  for (const _ of lineSteps(fd, line, chunk, onRead)) {
    // the next piece at once
  }
}

/** A macrotask's pause: timers, I/O and the transports' calls get their turn. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * eachLine, letting the event loop run between pieces: opening a large store on the main thread takes seconds, and
 * meanwhile the window must paint and the transports must answer (`session.opening`, pendingCore.ts).
 */
export async function eachLineYielding(fd: number, line: (bytes: Buffer, text: string) => void, chunk = CHUNK, onRead?: (bytes: number) => void): Promise<void> {
  for (const _ of lineSteps(fd, line, chunk, onRead)) await breathe();
}

/** eachLine's work, one piece per step. */
function* lineSteps(fd: number, line: (bytes: Buffer, text: string) => void, chunk: number, onRead?: (bytes: number) => void): Generator<void> {
  let rest: Buffer = Buffer.alloc(0);
  const buf = Buffer.allocUnsafe(chunk);
  const lines = (bytes: Buffer, end: number) => {
    const text = bytes.toString('utf8', 0, end);
    let b = 0;
    let t = 0;
    while (b < end) {
      const bn = bytes.indexOf(0x0a, b);
      const tn = text.indexOf('\n', t);
      line(bytes.subarray(b, bn), text.slice(t, tn));
      b = bn + 1;
      t = tn + 1;
    }
  };
  for (;;) {
    const last = rest.lastIndexOf(0x0a);
    if (last !== -1) {
      lines(rest, last + 1);
      rest = rest.subarray(last + 1);
    }
    const n = readSync(fd, buf, 0, chunk, null);
    if (n === 0) break;
    onRead?.(n);
    // The unfinished line is copied out before the buffer is read into again.
    rest = rest.length > 0 ? Buffer.concat([rest, buf.subarray(0, n)]) : Buffer.from(buf.subarray(0, n));
    yield;
  }
  if (rest.length > 0) line(rest, rest.toString('utf8'));
}

/** The line layout read line by line; null when the file is not in it (read whole instead). */
async function readLineLayout(file: string, gen: number, onRead?: (bytes: number) => void): Promise<SnapshotRead | null> {
  const fd = openSync(file, 'r');
  try {
    const header = headerOf(fd);
    if (!header) return null;
    const { version, seq } = header;
    const collections: Record<string, unknown[]> = {};
    const sums: Record<string, number[]> = {};
    let coll: string | null = null;
    let footer: string | null = null;
    let lineNo = 0;
    let error: string | null = null;
    const fail = (msg: string) => void (error ??= `line ${lineNo}: ${msg}`);
    await eachLineYielding(fd, (bytes, line) => {
      lineNo++;
      if (error) return;
      if (lineNo === 1) return; // the header, read above
      if (footer !== null) {
        if (bytes.toString('latin1').trim() !== '') fail('text after the end of the snapshot');
        return;
      }
      if (coll === null) {
        const text = line;
        const c = COLLECTION_RE.exec(text);
        if (c) {
          coll = JSON.parse(c[1]) as string;
          if (collections[coll]) return fail(`collection ${coll} appears twice`);
          collections[coll] = [];
          sums[coll] = [];
        } else if (text.startsWith(FOOTER_HEAD) && text.endsWith('}')) footer = text.slice(FOOTER_HEAD.length, -1);
        else fail('expected a collection or the checksums');
        return;
      }
      if (bytes.length === 1 && bytes[0] === 0x5d) {
        coll = null; // "]"
        return;
      }
      const comma = bytes[bytes.length - 1] === 0x2c;
      const body = comma ? bytes.subarray(0, -1) : bytes;
      const text = comma ? line.slice(0, -1) : line;
      try {
        collections[coll].push(JSON.parse(text));
        sums[coll].push(crc32(body));
      } catch {
        // Not JSON at all: kept as its text, and marked so that it fails its checksum (a CRC is never -1).
        collections[coll].push(text);
        sums[coll].push(-1);
      }
    }, undefined, onRead);
    if (error) return { ok: false, error };
    if (coll !== null) return { ok: false, error: `cut off inside collection ${coll} (no closing line)` };
    if (footer === null) return { ok: false, error: 'cut off: no checksums at the end' };
    let checkRaw: unknown;
    try {
      checkRaw = JSON.parse(footer);
    } catch (e) {
      return { ok: false, error: `the checksums are not valid JSON: ${(e as Error).message}` };
    }
    const frame = SnapshotFrame.safeParse({ version, gen, seq, collections: {}, check: checkRaw });
    if (!frame.success || !frame.data.check) {
      return { ok: false, error: `not a store snapshot: ${frame.success ? 'no checksums' : z.prettifyError(frame.error).replace(/\n/g, ' ')}` };
    }
    const check = frame.data.check;
    const data: SnapshotFile = { version, gen, seq, collections };
    const counts = Object.entries(collections).map(([c, recs]) => [c, recs.length] as [string, number]);
    if (snapshotHead(version, seq, counts) !== check.head) return { ok: false, error: 'checksum mismatch in the frame (version, seq or collections changed)' };
    const damaged: DamagedRecord[] = [];
    for (const [c, recs] of Object.entries(collections)) {
      const want = check.records[c];
      if (typeof want !== 'string' || want.length !== recs.length * 8) return { ok: false, error: `checksums of ${c} do not match its records` };
      let kept: unknown[] | null = null;
      const got = sums[c];
      for (let i = 0; i < recs.length; i++) {
        const ok = got[i] === parseInt(want.slice(i * 8, i * 8 + 8), 16);
        if (!ok) {
          damaged.push({ coll: c, index: i, raw: recs[i] });
          kept ??= recs.slice(0, i);
        } else if (kept) kept.push(recs[i]);
      }
      if (kept) collections[c] = kept;
    }
    return { ok: true, data, damaged, legacy: false };
  } finally {
    closeSync(fd);
  }
}

/** The header line of a snapshot in the line layout, read from the start of `fd` (null: not in that layout). */
function headerOf(fd: number): { version: number; seq: number } | null {
  const head = Buffer.allocUnsafe(256);
  const n = readSync(fd, head, 0, head.length, 0);
  const nl = head.subarray(0, n).indexOf(0x0a);
  const m = nl === -1 ? null : HEADER_RE.exec(head.subarray(0, nl).toString('latin1'));
  return m ? { version: Number(m[1]), seq: Number(m[3]) } : null;
}

/** The header of a snapshot file in the line layout (null: not in it). */
export function lineLayoutHeader(file: string): { version: number; seq: number } | null {
  const fd = openSync(file, 'r');
  try {
    return headerOf(fd);
  } finally {
    closeSync(fd);
  }
}

export interface LineLayoutVisitor {
  collection(name: string): void;
  /** A record's JSON text and its bytes (without the separating comma), and the CRC-32 of those bytes. */
  record(text: string, crc: number): void;
  endCollection(name: string): void;
}

/**
 * Streams a snapshot in the line layout to `visit`, record by record, holding one 8 MiB piece at a time (the
 * compaction's fold, which copies most records as they are). The checksums are at the end of the file, so they are
 * checked last: a damaged file throws, after `visit` has seen its records (the caller discards what it wrote).
 */
export function streamLineLayout(file: string, visit: LineLayoutVisitor): void {
  const fd = openSync(file, 'r');
  try {
    const sums: Record<string, number[]> = {};
    const counts: [string, number][] = [];
    let coll: string | null = null;
    let footer: string | null = null;
    let lineNo = 0;
    let header: { version: number; seq: number } | null = null;
    const fail = (msg: string): never => {
      throw new Error(`snapshot line ${lineNo}: ${msg}`);
    };
    eachLine(fd, (bytes, line) => {
      lineNo++;
      if (lineNo === 1) {
        const m = HEADER_RE.exec(line);
        if (!m) fail('not in the line layout');
        header = { version: Number(m![1]), seq: Number(m![3]) };
        return;
      }
      if (footer !== null) {
        if (line.trim() !== '') fail('text after the end of the snapshot');
        return;
      }
      if (coll === null) {
        const c = COLLECTION_RE.exec(line);
        if (c) {
          coll = JSON.parse(c[1]) as string;
          if (sums[coll]) fail(`collection ${coll} appears twice`);
          sums[coll] = [];
          visit.collection(coll);
        } else if (line.startsWith(FOOTER_HEAD) && line.endsWith('}')) footer = line.slice(FOOTER_HEAD.length, -1);
        else fail('expected a collection or the checksums');
        return;
      }
      if (bytes.length === 1 && bytes[0] === 0x5d) {
        counts.push([coll, sums[coll].length]);
        visit.endCollection(coll);
        coll = null; // "]"
        return;
      }
      const comma = bytes[bytes.length - 1] === 0x2c;
      const crc = crc32(comma ? bytes.subarray(0, -1) : bytes);
      sums[coll].push(crc);
      visit.record(comma ? line.slice(0, -1) : line, crc);
    });
    if (coll !== null) fail(`cut off inside collection ${coll}`);
    if (footer === null || header === null) return fail('cut off: no checksums at the end');
    const { version, seq } = header as { version: number; seq: number };
    const check = SnapshotFrame.shape.check.parse(JSON.parse(footer));
    if (!check || snapshotHead(version, seq, counts) !== check.head) fail('checksum mismatch in the frame');
    for (const [c, got] of Object.entries(sums)) {
      const want = check!.records[c];
      if (typeof want !== 'string' || want.length !== got.length * 8) fail(`checksums of ${c} do not match its records`);
      for (let i = 0; i < got.length; i++) if (got[i] !== parseInt(want.slice(i * 8, i * 8 + 8), 16)) fail(`record ${i} of ${c} fails its checksum`);
    }
  } finally {
    closeSync(fd);
  }
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
  writeFileAtomic(dir, snapshotName(data.gen), (write) => writeSnapshotText(write, data));
}

/** Writes `data` in the snapshot format, piece by piece (backups write their files with it too). */
export function writeSnapshotText(write: (text: string) => void, data: SnapshotFile): void {
  const w = new SnapshotWriter(write, data.version, data.gen, data.seq);
  for (const [coll, recs] of Object.entries(data.collections)) {
    w.collection(coll);
    for (const rec of recs) w.record(JSON.stringify(rec));
  }
  w.finish();
}

/**
 * The snapshot format (LAYOUT) written record by record: `collection`, then its records as JSON text, then the next
 * collection; `finish` writes the checksums. Text goes out in pieces of ~1 MB, so no string of a whole collection is
 * built. A record copied from another snapshot passes the CRC already taken over its bytes.
 */
export class SnapshotWriter {
  private readonly counts: [string, number][] = [];
  private readonly records: Record<string, string> = {};
  private coll: string | null = null;
  private sums: string[] = [];
  private n = 0;
  private chunk = '';
  private pendingRecord: string | null = null;

  constructor(
    private readonly write: (text: string) => void,
    private readonly version: number,
    gen: number,
    private readonly seq: number,
  ) {
    write(`{"version":${JSON.stringify(version)},"gen":${JSON.stringify(gen)},"seq":${JSON.stringify(seq)},"collections":{\n`);
  }

  collection(name: string): void {
    this.endCollection();
    this.chunk += `${this.counts.length === 0 ? '' : ','}${JSON.stringify(name)}:[\n`;
    this.coll = name;
  }

  /** One record's JSON (JSON.stringify's output: no raw newline), with its CRC-32 when already known. */
  record(json: string, crc = crc32(json)): void {
    if (this.coll === null) throw new Error('SnapshotWriter: a record before any collection');
    // Each record but a collection's last ends in a comma: written once the next one (or the end) is known.
    if (this.pendingRecord !== null) this.chunk += this.pendingRecord + ',\n';
    this.pendingRecord = json;
    this.sums.push(crc.toString(16).padStart(8, '0'));
    this.n++;
    if (this.chunk.length >= 1 << 20) {
      this.write(this.chunk);
      this.chunk = '';
    }
  }

  private endCollection(): void {
    if (this.coll === null) return;
    if (this.pendingRecord !== null) this.chunk += this.pendingRecord + '\n';
    this.chunk += ']\n';
    this.records[this.coll] = this.sums.join('');
    this.counts.push([this.coll, this.n]);
    this.coll = null;
    this.pendingRecord = null;
    this.sums = [];
    this.n = 0;
  }

  finish(): void {
    this.endCollection();
    const check: SnapshotCheck = { alg: 'crc32', head: snapshotHead(this.version, this.seq, this.counts), records: this.records };
    this.write(`${this.chunk}},"check":${JSON.stringify(check)}}\n`);
    this.chunk = '';
  }
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
