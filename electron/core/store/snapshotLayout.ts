/**
 * The snapshot's line layout (LAYOUT below): read line by line, streamed record by record (the compaction's fold),
 * and written record by record. snapshot.ts reads and writes whole snapshots on top of it.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { asciiJson } from './asciiJson';
import { crc32, footerSums, snapshotHead, type SnapshotCheck } from './checksum';
import { mappedBuffer } from './mappedMemory';

/** A snapshot's checksums, as its last line holds them. */
export const SnapshotCheckSchema = z
  .object({
    alg: z.literal('crc32'),
    head: z.string().regex(/^[0-9a-f]{8}$/),
    records: z.record(z.string(), z.string()),
  })
  .strict();

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
export const COLLECTION_RE = /^,?("(?:[^"\\]|\\.)*"):\[$/;
export const FOOTER_HEAD = '},"check":';
/** The piece size of a read (tests make it tiny, so that lines cross pieces and offsets move). */
export const LINE_PIECE = { bytes: 8 << 20 };

/**
 * Calls `line` for each line of the file (without its newline, the last one even if unterminated), with its bytes
 * (for its checksum), its text and its offset in the file. Each piece read is decoded once up to its last newline
 * and cut into lines there: one decode per 8 MiB instead of one per record (~1 µs each, a second per million
 * records). A newline byte never occurs inside a multi-byte UTF-8 character, so the text's lines are exactly the
 * bytes' lines. While `wantText()` says no, lines come with '' as their text and nothing is decoded (the messages
 * the store leaves on disk: lazyMessages.ts). A visitor that returns `{ skipTo }` goes on at that offset of the
 * file: the next line given is the one starting there (the reader jumps over the messages it leaves for later).
 */
export type LineVisitor = (bytes: Buffer, text: string, offset: number) => void | LineSkip;
export interface LineSkip {
  skipTo: number;
}

/** The bytes to read: from `from` (a line's start) up to `to` (exclusive, a line's end + 1; default the file's end). */
export interface LineRange {
  from?: number;
  to?: number;
}

export function eachLine(fd: number, line: LineVisitor, chunk = LINE_PIECE.bytes, onRead?: (bytes: number) => void, range: LineRange = {}): void {
  for (const _ of lineSteps(fd, line, chunk, onRead, () => true, range)) {
    // the next piece at once
  }
}

/** A macrotask's pause: timers, I/O and the transports' calls get their turn. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * eachLine, letting the event loop run between pieces: opening a large store on the main thread takes seconds, and
 * meanwhile the window must paint and the transports must answer (`session.opening`, pendingCore.ts).
 */
export async function eachLineYielding(
  fd: number,
  line: LineVisitor,
  chunk = LINE_PIECE.bytes,
  onRead?: (bytes: number) => void,
  wantText: () => boolean = () => true,
): Promise<void> {
  for (const _ of lineSteps(fd, line, chunk, onRead, wantText)) await breathe();
}

/**
 * eachLine's work, one piece per step. One buffer serves the whole range: the unfinished line at the end of a piece
 * moves to its start and the next piece is read after it (a fresh 8 MiB buffer per piece left ~120 MB of freed
 * memory in the C allocator after opening a 50 000-conversation store, counted in the process's RSS). A line longer
 * than the buffer doubles it. The bytes given to `line` are only valid during the call.
 */
export function* lineSteps(
  fd: number,
  line: LineVisitor,
  chunk: number,
  onRead: ((bytes: number) => void) | undefined,
  wantText: () => boolean,
  range: LineRange = {},
): Generator<void> {
  let buf = mappedBuffer(chunk);
  /** Bytes at the start of buf: the unfinished line carried over. */
  let have = 0;
  /** The file offset of buf[0]. */
  let base = range.from ?? 0;
  const to = range.to ?? Infinity;
  /** Where to go on from, when a visitor asked to skip. */
  let skipTo = -1;
  // Each line's text is decoded on its own, when the visitor wants it. Measured on the 32 MB of conversation lines
  // of a 50 000-conversation store: 44–91 ms line by line, 320–414 ms as one string per 8 MiB piece (a large
  // string each, and the message lines after a jump decoded for nothing).
  const lines = (bytes: Buffer, end: number) => {
    let b = 0;
    while (b < end) {
      const bn = bytes.indexOf(0x0a, b);
      const jump = line(bytes.subarray(b, bn), wantText() ? bytes.toString('utf8', b, bn) : '', base + b);
      b = bn + 1;
      if (jump) {
        skipTo = jump.skipTo;
        return;
      }
    }
  };
  for (;;) {
    if (have === buf.length) {
      const bigger = mappedBuffer(buf.length * 2);
      buf.copy(bigger, 0, 0, have);
      buf = bigger;
    }
    const want = Math.min(buf.length - have, to - (base + have));
    const n = want <= 0 ? 0 : readSync(fd, buf, have, want, base + have);
    if (n === 0) break;
    onRead?.(n);
    const end = have + n;
    // The carried-over bytes hold no newline, so the last one is in what was just read (or there is none).
    const last = buf.lastIndexOf(0x0a, end - 1);
    if (last >= have) {
      lines(buf, last + 1);
      if (skipTo >= 0) {
        // The bytes jumped over count as read (progress), those of this piece only once.
        if (skipTo > base + end) onRead?.(skipTo - (base + end));
        base = skipTo;
        have = 0;
        skipTo = -1;
      } else {
        buf.copyWithin(0, last + 1, end);
        have = end - last - 1;
        base += last + 1;
      }
    } else {
      have = end;
    }
    yield;
  }
  if (have > 0) line(buf.subarray(0, have), wantText() ? buf.toString('utf8', 0, have) : '', base);
}

/** The header line of a snapshot in the line layout, read from the start of `fd` (null: not in that layout). */
export function headerOf(fd: number): { version: number; seq: number } | null {
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
  /** A record's JSON text, the CRC-32 of its bytes (without the separating comma), and how many bytes they are. */
  record(text: string, crc: number, bytes: number): void;
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
      visit.record(comma ? line.slice(0, -1) : line, crc, comma ? bytes.length - 1 : bytes.length);
    });
    if (coll !== null) fail(`cut off inside collection ${coll}`);
    if (footer === null || header === null) return fail('cut off: no checksums at the end');
    const { version, seq } = header as { version: number; seq: number };
    const check = SnapshotCheckSchema.parse(JSON.parse(footer));
    if (!check || snapshotHead(version, seq, counts) !== check.head) fail('checksum mismatch in the frame');
    for (const [c, got] of Object.entries(sums)) {
      const want = check!.records[c];
      if (typeof want !== 'string' || want.length !== got.length * 8) fail(`checksums of ${c} do not match its records`);
      const wanted = footerSums(want, got.length);
      for (let i = 0; i < got.length; i++) if (got[i] !== wanted[i]) fail(`record ${i} of ${c} fails its checksum`);
    }
  } finally {
    closeSync(fd);
  }
}

/** Where a collection's lines are in a snapshot file: its opening line's offset, the offset after its "]" line, its records. */
export type SectionExtent = [start: number, end: number, count: number];

/**
 * The snapshot format (LAYOUT) written record by record: `collection`, then its records as JSON text, then the next
 * collection; `finish` writes the checksums. Text goes out in pieces of ~1 MB, so no string of a whole collection is
 * built. A record copied from another snapshot passes the CRC already taken over its bytes. `sections` is where each
 * collection's lines ended up in the file (the snapshot's index, snapshotIndex.ts).
 */
export class SnapshotWriter {
  private readonly counts: [string, number][] = [];
  private readonly records: Record<string, string> = {};
  readonly sections: Record<string, SectionExtent> = {};
  private coll: string | null = null;
  private sums: string[] = [];
  private n = 0;
  private chunk = '';
  /** The UTF-8 size of `chunk` (each piece's size is known as it is added: no pass over the chunk to count it). */
  private chunkBytes = 0;
  private pendingRecord: string | null = null;
  private pendingBytes = 0;
  /** Bytes handed to `write` so far. */
  private bytes = 0;
  private sectionStart = 0;
  /**
   * Told where each message's line is (its offset in the file and its length in bytes, without the comma) as it is
   * written: the compaction builds the snapshot's conversation lines from it (conversationLines.ts).
   */
  onMessageLine: ((json: string, offset: number, bytes: number) => void) | null = null;

  constructor(
    private readonly write: (text: string) => void,
    private readonly version: number,
    gen: number,
    private readonly seq: number,
  ) {
    this.out(`{"version":${JSON.stringify(version)},"gen":${JSON.stringify(gen)},"seq":${JSON.stringify(seq)},"collections":{\n`);
  }

  private out(text: string): void {
    this.bytes += Buffer.byteLength(text, 'utf8');
    this.write(text);
  }

  private append(text: string, bytes: number): void {
    this.chunk += text;
    this.chunkBytes += bytes;
  }

  private flush(): void {
    if (this.chunk !== '') {
      this.bytes += this.chunkBytes;
      this.write(this.chunk);
    }
    this.chunk = '';
    this.chunkBytes = 0;
  }

  collection(name: string): void {
    this.endCollection();
    // The chunk goes out at each collection's start and end, so that the sections' offsets are exact.
    this.flush();
    this.sectionStart = this.bytes; // the collection's line (with its leading comma)
    const line = `${this.counts.length === 0 ? '' : ','}${JSON.stringify(name)}:[\n`;
    this.append(line, Buffer.byteLength(line, 'utf8'));
    this.coll = name;
  }

  /**
   * One record's JSON (JSON.stringify's output: no raw newline), with its CRC-32 when already known. Records of
   * every collection but the messages are written as ASCII (asciiJson.ts: the open decodes them faster), also when
   * copied from a snapshot that had them in UTF-8 (their CRC is then taken again). `size`: the record's UTF-8 size
   * when known (a line copied from a snapshot), with its CRC.
   */
  record(json: string, crc?: number, size?: number): void {
    if (this.coll === null) throw new Error('SnapshotWriter: a record before any collection');
    if (this.coll !== 'messages') {
      const ascii = asciiJson(json); // the same string when it has nothing to escape
      if (ascii !== json) {
        json = ascii;
        crc = undefined;
      }
    }
    if (crc === undefined) size = undefined;
    crc ??= crc32(json);
    // Records outside the messages are ASCII by now: their length is their size.
    const bytes = this.coll !== 'messages' ? json.length : (size ?? Buffer.byteLength(json, 'utf8'));
    // Each record but a collection's last ends in a comma: written once the next one (or the end) is known.
    if (this.pendingRecord !== null) this.append(this.pendingRecord + ',\n', this.pendingBytes + 2);
    if (this.coll === 'messages') this.onMessageLine?.(json, this.bytes + this.chunkBytes, bytes);
    this.pendingRecord = json;
    this.pendingBytes = bytes;
    this.sums.push(crc.toString(16).padStart(8, '0'));
    this.n++;
    if (this.chunk.length >= 1 << 20) this.flush();
  }

  private endCollection(): void {
    if (this.coll === null) return;
    if (this.pendingRecord !== null) this.append(this.pendingRecord + '\n', this.pendingBytes + 1);
    this.append(']\n', 2);
    this.flush();
    this.records[this.coll] = this.sums.join('');
    this.counts.push([this.coll, this.n]);
    this.sections[this.coll] = [this.sectionStart, this.bytes, this.n];
    this.coll = null;
    this.pendingRecord = null;
    this.sums = [];
    this.n = 0;
  }

  finish(): void {
    this.endCollection();
    const check: SnapshotCheck = { alg: 'crc32', head: snapshotHead(this.version, this.seq, this.counts), records: this.records };
    this.flush();
    this.out(`},"check":${JSON.stringify(check)}}\n`);
  }

  /** The file's size once finished. */
  get size(): number {
    return this.bytes;
  }
}
