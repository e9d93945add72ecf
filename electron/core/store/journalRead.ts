/**
 * Reading a journal (layout and rules in journal.ts): line by line in pieces, each commit given as soon as it is
 * known good (JournalStream), or the whole file collected (readJournal).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { SCHEMA_VERSION } from '../../../shared/schema';
import { checkLine } from './checksum';
import { mappedBuffer } from './mappedMemory';

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
      const chunk = mappedBuffer(chunkBytes);
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
