/**
 * The append-only journal: one NDJSON line per commit, fsynced before commit() returns.
 *
 * Layout of journal-<gen>.ndjson:
 *   {"journal":1,"version":2,"gen":7,"crc":"…"}        header: the schema version its records are written in
 *   {"seq":41,"changes":[...],"crc":"1a2b3c4d"}        one line per commit
 * `crc` is a CRC-32 of the line's bytes before it (checksum.ts). A line whose bytes do not match is set aside like
 * a torn one. Files of an earlier version have no `crc` at all and are read as before; in a file where any line
 * carries one, a line without it is damaged.
 *
 * Also holds applyChanges, the one pure "apply a commit to collections" function that the store and the
 * compaction worker share, so the snapshot a worker cuts can never disagree with what the store had in memory.
 */
import {
  closeSync,
  fdatasyncSync,
  ftruncateSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../../shared/schema';
import { checkLine, sealLine, sealLineBytes, type LineCheck } from './checksum';
import { migrateChanges } from './migrations';
import { fsyncDir, journalName } from './snapshot';
import { checkChange, type BadRecord } from './validate';

/** A change as read back from disk, before validation (see validate.ts). */
export interface RawChange {
  op: 'put' | 'del';
  coll: string;
  rec?: unknown;
  id?: string;
}

export interface JournalEntry {
  seq: number;
  changes: unknown[];
  /** 1-based line number in the file, for messages. */
  line: number;
}

export interface TornLine {
  line: number;
  /** Byte offset of the line in the file. */
  offset: number;
  /** The exact bytes (may end mid-character), kept for quarantine. */
  bytes: Buffer;
  error: string;
}

export interface JournalRead {
  /** Schema version of the records in this file (header; current version when the header is missing). */
  version: number;
  entries: JournalEntry[];
  torn: TornLine[];
}

/** Read in pieces: a journal can pass 2 GiB, the most Node reads into one buffer. */
const JOURNAL_CHUNK = 64 * 1024 * 1024;

/**
 * The lines of a file (without their newline) with their byte offsets, read `chunkBytes` at a time; a line that
 * crosses a chunk is joined. 0x0A never occurs inside a UTF-8 multi-byte sequence nor inside a JSON string, so
 * bytes are safe to split. A last line without its newline is returned too (a torn write, judged by the caller).
 */
function* journalLines(file: string, chunkBytes: number): Generator<{ offset: number; bytes: Buffer }> {
  const fd = openSync(file, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    let carryAt = 0;
    let pos = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const got = readSync(fd, chunk, 0, chunkBytes, pos);
      if (got <= 0) break;
      const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, got)]) : chunk.subarray(0, got);
      const dataAt = carry.length > 0 ? carryAt : pos;
      pos += got;
      let start = 0;
      for (let nl = data.indexOf(0x0a); nl >= 0; start = nl + 1, nl = data.indexOf(0x0a, start)) yield { offset: dataAt + start, bytes: data.subarray(start, nl) };
      carry = Buffer.from(data.subarray(start)); // a copy: the chunk can go once its lines are no longer held
      carryAt = dataAt + start;
    }
    if (carry.length > 0) yield { offset: carryAt, bytes: carry };
  } finally {
    closeSync(fd);
  }
}

/** One item of a journal read line by line: a commit, or a line set aside. */
export type JournalItem = { entry: JournalEntry; torn?: undefined } | { torn: TornLine; entry?: undefined };

/**
 * Reads a journal line by line, giving each commit as soon as it is known to be good, so a caller can apply it and
 * let the memory go (a journal after a crash can be hundreds of MB: holding every parsed commit of it at once cost
 * several times its size) and let the event loop run between pieces (open.ts). A line that does not parse (usually
 * the last one, cut by a crash mid-write) is given as torn, never thrown: the lines before and after it are still good.
 *
 * The rules are readJournal's, which is this read collected: in a file where any line carries a checksum, a line
 * without one is damaged even if it parses. A file is written whole by one version of the app (each start begins a
 * new journal), so its first line says it at once; lines without a checksum are held back only until a line with one
 * turns up (then they are torn) or the file ends (an earlier version's file: then they are read as they are).
 * `version`: the schema version of the records, from the header (current when the header is missing), as of the
 * commits given so far; `position`: the bytes read up to the last line given.
 */
export class JournalStream {
  version = SCHEMA_VERSION;
  position = 0;

  constructor(
    private readonly file: string,
    private readonly chunkBytes = JOURNAL_CHUNK,
  ) {}

  *items(): Generator<JournalItem> {
    let sealed = false;
    /** Lines without a checksum that parsed, while no line with one has been seen. */
    const held: { line: number; offset: number; bytes: Buffer; obj: unknown }[] = [];
    let line = 0;
    for (const { offset, bytes } of journalLines(this.file, this.chunkBytes)) {
      line++;
      this.position = offset + bytes.length + 1;
      if (bytes.length === 0) continue;
      const sum = checkLine(bytes);
      if (sum !== 'missing' && !sealed) {
        sealed = true;
        for (const h of held) yield { torn: { line: h.line, offset: h.offset, bytes: h.bytes, error: 'checksum missing' } };
        held.length = 0;
      }
      let obj: unknown;
      try {
        obj = JSON.parse(bytes.toString('utf8'));
      } catch (e) {
        yield { torn: { line, offset, bytes: Buffer.from(bytes), error: (e as Error).message } };
        continue;
      }
      if (!sealed) {
        held.push({ line, offset, bytes: Buffer.from(bytes), obj });
        continue;
      }
      if (sum !== 'ok') {
        const error = sum === 'mismatch' ? 'checksum mismatch: the bytes changed after they were written' : 'checksum missing';
        yield { torn: { line, offset, bytes: Buffer.from(bytes), error } };
        continue;
      }
      const item = this.take(obj, line, offset, bytes);
      if (item) yield item;
    }
    // No line carried a checksum: an earlier version's file, read as it is (its header first, wherever it stood).
    for (const h of held) if (isHeader(h.obj)) this.version = h.obj.version;
    for (const h of held) {
      if (isHeader(h.obj)) continue;
      const item = this.take(h.obj, h.line, h.offset, h.bytes);
      if (item) yield item;
    }
  }

  /** A good line: the header (noted, nothing given), a commit, or something else (torn). */
  private take(obj: unknown, line: number, offset: number, bytes: Buffer): JournalItem | null {
    if (isHeader(obj)) {
      this.version = obj.version;
      return null;
    }
    const o = obj as Record<string, unknown> | null;
    if (o && typeof o === 'object' && Number.isInteger(o.seq) && Array.isArray(o.changes)) return { entry: { seq: o.seq as number, changes: o.changes, line } };
    return { torn: { line, offset, bytes: Buffer.from(bytes), error: 'not a journal line' } };
  }
}

const isHeader = (obj: unknown): obj is { journal: 1; version: number } => {
  const o = obj as Record<string, unknown> | null;
  return !!o && typeof o === 'object' && o.journal === 1 && Number.isInteger(o.version);
};

/**
 * A whole journal split into commits (JournalStream collected): torn lines in file order, `version` the header's.
 * For callers that need the file at once (tests); open and compaction read it as a stream.
 */
export function readJournal(file: string, chunkBytes = JOURNAL_CHUNK): JournalRead {
  const stream = new JournalStream(file, chunkBytes);
  const entries: JournalEntry[] = [];
  const torn: TornLine[] = [];
  for (const item of stream.items()) {
    if (item.entry) entries.push(item.entry);
    else torn.push(item.torn);
  }
  torn.sort((a, b) => a.line - b.line);
  return { version: stream.version, entries, torn };
}

/** The journal line of one commit (checksummed), newline included, as the UTF-8 bytes to append. */
/**
 * One journal line's bytes, encoded into a buffer kept for the next line: an import batch's line is ~2 MB of text
 * (~6 MB reserved for its UTF-8), and a fresh buffer per commit was that much new external memory each time, which
 * V8 counts towards its next full GC. Valid until the next call: the store writes it (synchronously) first.
 */
let lineScratch = Buffer.allocUnsafeSlow(1 << 16);
const scratchOf = (size: number): Buffer => {
  if (lineScratch.length < size) lineScratch = Buffer.allocUnsafeSlow(Math.max(size, lineScratch.length * 2));
  return lineScratch;
};
export function commitLine(seq: number, changes: readonly unknown[]): Buffer {
  return sealLineBytes(JSON.stringify({ seq, changes }), scratchOf);
}

/**
 * Applies changes to per-collection maps keyed by id: put replaces, del removes. Generic on purpose: the
 * worker uses it on records it does not re-validate. Unknown collections are the caller's business.
 */
export function applyChanges(colls: Record<string, Map<string, unknown>>, changes: readonly RawChange[]): void {
  for (const ch of changes) {
    const map = colls[ch.coll];
    if (!map) continue;
    if (ch.op === 'put') {
      const rec = ch.rec as { id: string };
      map.set(rec.id, rec);
    } else if (ch.op === 'del') {
      map.delete(ch.id as string);
    }
  }
}

export interface ReplayResult {
  lastSeq: number;
  /** Commits applied. */
  applied: number;
  /** Changes that failed their schema; the valid changes of the same commit are still applied. */
  bad: BadRecord[];
}

/**
 * Applies one commit read from a journal of schema `version` onto collections, unless the snapshot already holds
 * it (seq at most `res.lastSeq`); counts it in `res`. With `validate` each change is checked, and those that fail
 * their schema go to `res.bad` and are skipped (the valid changes of the same commit are still applied); without it
 * (the worker, when open found everything clean) changes are applied as they are.
 */
export function replayEntry(version: number, entry: JournalEntry, colls: Record<string, Map<string, unknown>>, validate: boolean, res: ReplayResult): void {
  if (entry.seq <= res.lastSeq) return;
  const raw = migrateChanges(version, entry.changes);
  let changes: RawChange[];
  if (validate) {
    changes = [];
    for (const ch of raw) {
      const r = checkChange(ch);
      if (r.ok) changes.push(r.change);
      else res.bad.push({ coll: r.coll, error: `line ${entry.line}: ${r.error}`, raw: ch });
    }
  } else {
    changes = raw as RawChange[];
  }
  applyChanges(colls, changes);
  res.lastSeq = entry.seq;
  res.applied++;
}

/**
 * The open journal that commits append to. The file is created on the first append (so opening a store
 * and closing it without writing leaves no trace), with its header in the same write.
 */
export class JournalWriter {
  readonly gen: number;
  readonly file: string;
  private fd: number | null = null;
  private bytes = 0;
  private broken: Error | null = null;
  private dirSynced = false;

  constructor(
    private readonly dir: string,
    gen: number,
  ) {
    this.gen = gen;
    this.file = path.join(dir, journalName(gen));
  }

  /** Bytes in the file (0 until the first append). */
  get size(): number {
    return this.bytes;
  }

  get created(): boolean {
    return this.fd !== null;
  }

  /** Writes one line and fdatasyncs it. When this returns the line survives a crash or power loss. */
  append(line: string | Uint8Array): void {
    if (this.broken) throw new Error(`journal ${this.file} is unusable after an earlier failure: ${this.broken.message}`);
    if (this.fd === null) {
      // 'ax': O_APPEND|O_CREAT|O_EXCL. A journal gen is never reused, so finding the file is a bug to surface.
      this.fd = openSync(this.file, 'ax');
    }
    // The header goes in the same write as the first commit (also after a failed first write was cut off).
    const bytes = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
    const buf =
      this.bytes === 0 ? Buffer.concat([Buffer.from(sealLine(JSON.stringify({ journal: 1, version: SCHEMA_VERSION, gen: this.gen })) + '\n'), bytes]) : bytes;
    const before = this.bytes;
    try {
      let off = 0;
      while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
      // fdatasync also flushes the size change, which is all an append needs.
      fdatasyncSync(this.fd);
      if (!this.dirSynced) {
        // The new file's directory entry must be durable too, or the fsynced data has no name after a crash.
        fsyncDir(this.dir);
        this.dirSynced = true;
      }
    } catch (e) {
      // A half-written line must not glue itself to the next commit's line: cut it off again.
      try {
        ftruncateSync(this.fd, before);
        fdatasyncSync(this.fd);
      } catch (e2) {
        this.broken = e2 as Error;
      }
      throw e;
    }
    this.bytes = before + buf.length;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.broken = new Error('journal closed');
  }
}
