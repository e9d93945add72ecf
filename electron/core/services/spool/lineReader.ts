import { readSync } from 'node:fs';

/** One complete line of a spool file: `end` is the byte offset just after its newline (where a cursor may stop). */
export interface SpoolLine {
  /** The text, without the newline (and a CR before it). */
  text: string;
  /** The bytes were not valid UTF-8 (`text` then shows U+FFFD where they were wrong). */
  badUtf8: boolean;
  line: number;
  end: number;
  /** Longer than the limit: `text` holds only its beginning. */
  tooLong: boolean;
}

export const MAX_LINE_BYTES = 1024 * 1024;
/** What is kept of a line too long to import (for the quarantine entry). */
const KEPT_OF_LONG_LINE = 16 * 1024;
const CHUNK = 4 * 1024 * 1024;
const NL = 0x0a;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');
/** For whole runs of lines: keeps every byte-order mark, so each line's can be handled as `decode` does. */
const utf8Run = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const BOM = '\ufeff';

function decode(bytes: Uint8Array, first: boolean): { text: string; badUtf8: boolean } {
  // A byte-order mark is allowed at the very start of a file and means nothing.
  const b = first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(b), badUtf8: false };
  } catch {
    return { text: lossy.decode(b), badUtf8: true };
  }
}

/**
 * The complete lines of `data` up to its last newline (at `lastNl`), decoded in ONE call instead of one per line
 * (a decoder call and a result object per line cost more than the rest of reading): the text is split on "\n",
 * which in UTF-8 is never part of another character, so the pieces are exactly the lines' bytes decoded. Each
 * line comes out as `decode` would give it (a CR before the newline dropped, a byte-order mark at the start of the
 * file and then one more at the start of any line dropped). Null when a line is over MAX_LINE_BYTES or any byte
 * is not valid UTF-8: the caller then takes those lines one by one.
 */
function wholeLines(data: Buffer, lastNl: number, dataStart: number, lineNo: number): SpoolLine[] | null {
  const ends: number[] = [];
  for (let start = 0, nl = data.indexOf(NL); nl >= 0 && nl <= lastNl; start = nl + 1, nl = data.indexOf(NL, start)) {
    if (nl - start > MAX_LINE_BYTES) return null;
    ends.push(nl);
  }
  let text: string;
  try {
    text = utf8Run.decode(data.subarray(0, lastNl));
  } catch {
    return null;
  }
  const out: SpoolLine[] = new Array(ends.length);
  let from = 0;
  for (let i = 0; i < ends.length; i++) {
    const to = i === ends.length - 1 ? text.length : text.indexOf('\n', from);
    let t = text.slice(from, to);
    from = to + 1;
    if (t.endsWith('\r')) t = t.slice(0, -1);
    if (i === 0 && dataStart === 0 && t.startsWith(BOM)) t = t.slice(1);
    if (t.startsWith(BOM)) t = t.slice(1);
    out[i] = { text: t, badUtf8: false, line: lineNo + i + 1, end: dataStart + ends[i] + 1, tooLong: false };
  }
  return out;
}

/**
 * The complete lines of an open file from byte `offset` (just after line `line`) up to `size`. Reads in 4 MB chunks
 * on byte boundaries (never splitting a UTF-8 character into two decodes). A last line without its newline is
 * NOT returned: the connector may still be writing it, and a cursor never moves past it. A line longer than
 * MAX_LINE_BYTES is skipped over without holding it in memory and returned with `tooLong` once its newline is there.
 */
export function* readLines(fd: number, offset: number, line: number, size: number, chunkBytes = CHUNK): Generator<SpoolLine> {
  let pos = offset;
  let lineNo = line;
  let carry: Buffer = Buffer.alloc(0);
  /** The start of a too-long line being skipped (its first bytes), or null. */
  let skipping: Buffer | null = null;
  while (pos < size) {
    const want = Math.min(chunkBytes, size - pos);
    const chunk = Buffer.allocUnsafe(want);
    const got = readSync(fd, chunk, 0, want, pos);
    if (got <= 0) break; // the file shrank under us: stop here, the next scan sees the new size
    const read = chunk.subarray(0, got);
    pos += got;
    let data: Buffer = read;
    let dataStart = pos - got;
    if (skipping) {
      const nl = read.indexOf(NL);
      if (nl < 0) continue;
      lineNo++;
      yield { text: lossy.decode(skipping), badUtf8: false, line: lineNo, end: dataStart + nl + 1, tooLong: true };
      skipping = null;
      data = read.subarray(nl + 1);
      dataStart += nl + 1;
    } else if (carry.length > 0) {
      data = Buffer.concat([carry, read]);
      dataStart -= carry.length;
    }
    let start = 0;
    const lastNl = data.lastIndexOf(NL);
    const whole = lastNl >= 0 ? wholeLines(data, lastNl, dataStart, lineNo) : null;
    if (whole) {
      for (const l of whole) yield l;
      lineNo += whole.length;
      start = lastNl + 1;
    }
    for (;;) {
      const nl = data.indexOf(NL, start);
      if (nl < 0) break;
      const lineEnd = nl > start && data[nl - 1] === 0x0d ? nl - 1 : nl;
      const bytes = data.subarray(start, lineEnd);
      lineNo++;
      const tooLong = bytes.length > MAX_LINE_BYTES;
      const decoded = tooLong ? { text: lossy.decode(bytes.subarray(0, KEPT_OF_LONG_LINE)), badUtf8: false } : decode(bytes, dataStart + start === 0);
      yield { ...decoded, line: lineNo, end: dataStart + nl + 1, tooLong };
      start = nl + 1;
    }
    carry = Buffer.from(data.subarray(start)); // a copy: the chunk can go
    if (carry.length > MAX_LINE_BYTES) {
      skipping = Buffer.from(carry.subarray(0, KEPT_OF_LONG_LINE));
      carry = Buffer.alloc(0);
    }
  }
}
