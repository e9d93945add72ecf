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
 * The complete lines of an open file from byte `offset` (just after line `line`) up to `size`. Reads in 4 MB chunks
 * on byte boundaries (never splitting a UTF-8 character into two decodes). A last line without its newline is
 * NOT returned: the connector may still be writing it, and a cursor never moves past it. A line longer than
 * MAX_LINE_BYTES is skipped over without holding it in memory and returned with `tooLong` once its newline is there.
 */
export function* readLines(fd: number, offset: number, line: number, size: number): Generator<SpoolLine> {
  let pos = offset;
  let lineNo = line;
  let carry: Buffer = Buffer.alloc(0);
  /** The start of a too-long line being skipped (its first bytes), or null. */
  let skipping: Buffer | null = null;
  while (pos < size) {
    const want = Math.min(CHUNK, size - pos);
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
