/**
 * Message lines of a snapshot as lazyMessages.ts reads them without the skim: parsed and validated one by one, and
 * found by a key in the bytes still unread (a conversation opened while the background read goes on).
 */
import { readSync } from 'node:fs';
import type { Message } from '../../../shared/schema';
import { messageSchema } from './compiledSchemas';
import { footerSums } from './checksum';
import { mappedArray, mappedBuffer } from './mappedMemory';
import { LINE_PIECE } from './snapshotLayout';

/** The part of the messages section still unread: from `from` (line number `ordinal`) up to `to`. */
export interface Rest {
  from: number;
  to: number;
  ordinal: number;
  count: number;
  sumsHex: string;
  sums: Float64Array | null;
  /** Which SUM_CHUNK-line parts of `sums` are decoded (1) so far. */
  sumParts?: Uint8Array;
}

/**
 * Checksums are decoded this many lines at a time, as the lines are reached: all at once was ~0.2 s at a million
 * messages, paid in one piece by whoever first started the read (a service at start, before the first queue page).
 */
export const SUM_CHUNK = 1 << 16;

/** Line `i`'s checksum from the section's footer (-1: none, which no CRC equals). */
export function sumAt(rest: Rest, i: number): number {
  if (i < 0 || i >= rest.count) return -1;
  const part = (i / SUM_CHUNK) | 0;
  const parts = (rest.sumParts ??= new Uint8Array(Math.ceil(rest.count / SUM_CHUNK)));
  const sums = (rest.sums ??= mappedArray(Float64Array, rest.count));
  if (parts[part] === 0) {
    const from = part * SUM_CHUNK;
    const to = Math.min(rest.count, from + SUM_CHUNK);
    sums.set(footerSums(rest.sumsHex.slice(from * 8, to * 8), to - from), from);
    parts[part] = 1;
  }
  return sums[i];
}

/**
 * Line `i`'s checksum for a look-up out of order (a conversation's lines): its 8 hex digits alone, where sumAt decodes
 * the 65 536 around it (~2 ms each, for the ~20 lines of a conversation spread over the whole section).
 */
export function sumOf(rest: Rest, i: number): number {
  if (i < 0 || i >= rest.count) return -1;
  if (rest.sumParts?.[(i / SUM_CHUNK) | 0] === 1) return rest.sums![i];
  const hex = rest.sumsHex.slice(i * 8, i * 8 + 8);
  return /^[0-9a-fA-F]{8}$/.test(hex) ? parseInt(hex, 16) : -1;
}

/**
 * Calls `visit` with each line of `rest` whose bytes hold `key`, and its number in the section. Lines are not cut one
 * by one: `key` is searched in each piece (memmem speed), and only the newlines before a match are counted.
 */
export function eachLineWith(fd: number, key: Buffer, rest: Rest, visit: (bytes: Buffer, ordinal: number) => void): void {
  let buf = mappedBuffer(LINE_PIECE.bytes);
  let base = rest.from;
  let ordinal = rest.ordinal;
  while (base < rest.to) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, rest.to - base), base);
    if (n === 0) return;
    const end = buf.lastIndexOf(0x0a, n - 1) + 1; // complete lines only
    if (end === 0) {
      if (n < buf.length) return; // the section's last line always ends in a newline
      buf = mappedBuffer(buf.length * 2); // a line longer than the piece
      continue;
    }
    let counted = 0;
    for (let k = buf.indexOf(key, 0); k !== -1 && k < end; ) {
      const start = k === 0 ? 0 : buf.lastIndexOf(0x0a, k - 1) + 1;
      for (let p = buf.indexOf(0x0a, counted); p !== -1 && p < start; p = buf.indexOf(0x0a, p + 1)) ordinal++;
      counted = start;
      const lineEnd = buf.indexOf(0x0a, k);
      visit(buf.subarray(start, lineEnd), ordinal);
      k = buf.indexOf(key, lineEnd + 1);
    }
    for (let p = buf.indexOf(0x0a, counted); p !== -1 && p < end; p = buf.indexOf(0x0a, p + 1)) ordinal++;
    base += end;
  }
}

/** A line's JSON, or its text when it is not JSON (kept so for the quarantine). */
export function rawOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export const idIn = (raw: unknown): string | null => (typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id : null);

/** A message line parsed and validated: the message, or what to quarantine and why. */
export function parseLine(text: string): { ok: true; message: Message } | { ok: false; raw: unknown; error: string } {
  const raw = rawOf(text);
  const r = messageSchema().safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, raw, error: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}
