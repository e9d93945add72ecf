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
 * Writing it (JournalWriter, commitLine) and applying its commits (replayEntry, applyChanges: the one pure "apply a
 * commit to collections" function that the store and the compaction worker share, so the snapshot a worker cuts can
 * never disagree with what the store had in memory). Reading it: journalRead.ts.
 */
import {
  closeSync,
  fdatasyncSync,
  ftruncateSync,
  openSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../../shared/schema';
import { SEAL_BYTES, sealBody, sealLine } from './checksum';
import type { JournalEntry } from './journalRead';
import { applyPatch, isPatch, patchProblem, type PatchChange } from './journalPatch';
import { migrateChanges } from './migrations';
import { fsyncDir } from './durableFiles';
import { journalName } from './snapshot';
import { checkChange, type BadRecord } from './validate';

/** A change as read back from disk, before validation (see validate.ts). */
export interface RawChange {
  op: 'put' | 'del' | 'patch';
  coll: string;
  rec?: unknown;
  id?: string;
  /** A patch's fields (journalPatch.ts). */
  set?: Record<string, unknown>;
  unset?: string[];
}

/**
 * One journal line's bytes, encoded into a buffer kept for the next line: an import batch's line is ~1.5 MB of
 * text, and a fresh buffer per commit was that much new external memory each time, which V8 counts towards its
 * next full GC. Valid until the next call: the store writes it (synchronously) first.
 */
let lineScratch = Buffer.allocUnsafeSlow(1 << 16);
/** lineScratch with at least `size` bytes, keeping its first `keep` bytes. */
const scratchOf = (size: number, keep = 0): Buffer => {
  if (lineScratch.length < size) {
    const bigger = Buffer.allocUnsafeSlow(Math.max(size, lineScratch.length * 2));
    lineScratch.copy(bigger, 0, 0, keep);
    lineScratch = bigger;
  }
  return lineScratch;
};
/** A piece of the changes is stringified alone while its JSON stays under this many UTF-16 units (see commitLine). */
const PIECE_CHARS = 16_384;
/**
 * The sealed line of `JSON.stringify({ seq, changes })`, byte for byte, written piece by piece. V8 builds a long
 * JSON.stringify result as a tree of parts, and encoding it first copies it into one flat string, which for an
 * import batch (~1.4 M UTF-16 units, ~2.8 MB) is a fresh large object each commit: stringify-and-encode took
 * ~13 ms where encoding the same JSON in pieces of a few changes took ~4–6 ms (each piece small enough to be
 * made and dropped in the young generation; a piece of over ~64 K units costs like the whole again). So a few
 * changes are stringified at a time, fewer when the last piece came out long.
 */
export function commitLine(seq: number, changes: readonly unknown[]): Buffer {
  const head = `{"seq":${seq},"changes":[`;
  let buf = scratchOf(head.length + 1 + SEAL_BYTES);
  let off = buf.write(head, 0, 'latin1');
  let step = 16;
  for (let i = 0; i < changes.length; ) {
    const n = Math.min(step, changes.length - i);
    // One change alone, or several as an array whose brackets are left out.
    const json = n === 1 ? JSON.stringify(changes[i]) : JSON.stringify(changes.slice(i, i + n));
    const piece = n === 1 ? json : json.slice(1, -1);
    // UTF-8 takes at most 3 bytes per UTF-16 unit: room for the piece, a comma, the closing bracket and the seal.
    buf = scratchOf(off + piece.length * 3 + 2 + SEAL_BYTES, off);
    if (i > 0) buf[off++] = 0x2c;
    off += buf.write(piece, off, 'utf8');
    i += n;
    if (json.length > PIECE_CHARS) step = Math.max(1, step >> 1);
    else if (json.length < PIECE_CHARS / 4 && step < 64) step <<= 1;
  }
  buf[off++] = 0x5d; // ]
  return sealBody(buf, off);
}

/**
 * Applies changes to per-collection maps keyed by id: put replaces, del removes. Generic on purpose: the
 * worker uses it on records it does not re-validate. Unknown collections are the caller's business.
 */
export function applyChanges(colls: Record<string, Map<string, unknown>>, changes: readonly RawChange[]): void {
  for (const ch of changes) applyChange(colls, ch);
}

/** One change of applyChanges. A patch applies to the record as the changes before it left it (journalPatch.ts). */
function applyChange(colls: Record<string, Map<string, unknown>>, ch: RawChange): void {
  const map = colls[ch.coll];
  if (!map) return;
  if (ch.op === 'put') {
    const rec = ch.rec as { id: string };
    map.set(rec.id, rec);
  } else if (ch.op === 'del') {
    map.delete(ch.id as string);
  } else if (ch.op === 'patch') {
    const base = map.get(ch.id as string);
    if (base !== undefined) map.set(ch.id as string, applyPatch(base as object, ch as PatchChange));
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
  // One change at a time: a patch applies to the record as the changes before it (this commit's too) left it.
  for (const ch of raw) {
    if (!validate) {
      applyChange(colls, ch as RawChange);
      continue;
    }
    let change: unknown = ch;
    if (isPatch(ch)) {
      const base = colls[ch.coll]?.get(ch.id);
      const problem = patchProblem(ch, base);
      if (problem) {
        res.bad.push({ coll: typeof ch.coll === 'string' ? ch.coll : '?', error: `line ${entry.line}: ${problem}`, raw: ch });
        continue;
      }
      // Validated as the whole record it makes, like a put.
      change = { op: 'put', coll: ch.coll, rec: applyPatch(base as object, ch) };
    }
    const r = checkChange(change);
    if (r.ok) applyChange(colls, r.change as RawChange);
    else res.bad.push({ coll: r.coll, error: `line ${entry.line}: ${r.error}`, raw: ch });
  }
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
