/**
 * Checksums for the store's files, so that bytes changed on disk (a bad sector, a stray editor, a flipped bit)
 * are found and quarantined instead of loading silently as different text.
 *
 * CRC-32 (zlib's, native since Node 20.15 / Electron 32) rather than SHA-256: this guards against accidental
 * damage, not an attacker (who could rewrite the checksum too), and CRC-32 costs a fraction of a hash per record.
 *
 * Journal line (journal.ts):   {"seq":41,"changes":[...],"crc":"1a2b3c4d"}
 *   the CRC covers every byte before `,"crc":"` (seq and changes), so a reader checks the raw bytes without
 *   re-serialising anything. The header line carries one the same way.
 * Snapshot (snapshot.ts):      {"version":3,"gen":7,"seq":41,"collections":{...},"check":{"alg":"crc32","head":..,"records":{coll:"<8 hex per record>"}}}
 *   one CRC per record (over JSON.stringify(record)): a damaged record is quarantined alone and the rest loads.
 *   `head` covers version, seq and the collections with their record counts, so a damaged frame (a seq that
 *   would skip journal commits, a renamed collection) rejects the whole file and open falls back a generation.
 * A file without checksums was written by an earlier version: it loads as before (legacy), and the next
 * compaction writes it with checksums.
 */
import zlib from 'node:zlib';

type Crc32 = (data: string | Uint8Array) => number;

let table: Uint32Array | null = null;
/** Table-driven fallback, only for a Node without zlib.crc32 (older than 20.15). Same results. */
const jsCrc32: Crc32 = (data) => {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let crc = 0xffffffff;
  for (let i = 0; i < buf.length; i++) crc = table[(crc ^ buf[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

const native = (zlib as unknown as { crc32?: Crc32 }).crc32;
/** CRC-32 (IEEE) of a string's UTF-8 bytes, or of bytes. */
export const crc32: Crc32 = typeof native === 'function' ? (d) => native(d) : jsCrc32;
export const crc32Js = jsCrc32;

/** Fixed width, so a line's checksum suffix has a fixed length. */
export const crcHex = (data: string | Uint8Array): string => crc32(data).toString(16).padStart(8, '0');

/** `,"crc":"` + 8 hex + `"}` */
const SUFFIX_LEN = 18;
const SUFFIX_HEAD = Buffer.from(',"crc":"');
const HEX_RE = /^[0-9a-f]{8}$/;

/** Seals the JSON text of an object (`{...}`) with a checksum of its bytes as the last key. */
export function sealLine(json: string): string {
  const body = json.slice(0, -1);
  return `${body},"crc":"${crcHex(body)}"}`;
}

const encoder = new TextEncoder();

/**
 * sealLine(json) + "\n" as UTF-8 bytes, encoding the text once (into `scratch(size)` when given: a buffer the caller
 * reuses, so the result is only valid until its next use): the checksum is taken over the encoded bytes
 * instead of encoding the string a second time for it (a journal line of an import batch is ~2 MB). The same
 * bytes as `Buffer.from(sealLine(json) + '\n')`.
 */
export function sealLineBytes(json: string, scratch?: (size: number) => Buffer): Buffer {
  // UTF-8 takes at most 3 bytes per UTF-16 unit; encodeInto a buffer that surely fits avoids a byteLength pass.
  const size = json.length * 3 + SEAL_BYTES;
  const buf = scratch ? scratch(size) : Buffer.allocUnsafe(size);
  const { written } = encoder.encodeInto(json, buf);
  return sealBody(buf, written - 1); // without the closing brace
}

/** Room sealBody needs past the body: the checksum suffix and the newline. */
export const SEAL_BYTES = SUFFIX_LEN + 1;

/**
 * Seals an object's JSON already encoded as UTF-8 in buf[0, bodyEnd) WITHOUT its closing brace: writes the
 * checksum suffix, the brace and a newline after it (buf must have SEAL_BYTES of room there) and returns the line.
 */
export function sealBody(buf: Buffer, bodyEnd: number): Buffer {
  const end = bodyEnd + buf.write(`,"crc":"${crcHex(buf.subarray(0, bodyEnd))}"}\n`, bodyEnd, 'latin1');
  return buf.subarray(0, end);
}

export type LineCheck = 'ok' | 'missing' | 'mismatch';

/**
 * Checks a sealed line's raw bytes (no newline). `missing`: it has no checksum suffix at all (an older
 * version's line, or one whose suffix was damaged: the caller decides by whether the file is checksummed).
 */
export function checkLine(bytes: Uint8Array): LineCheck {
  const n = bytes.length;
  if (n < SUFFIX_LEN + 1 || bytes[n - 1] !== 0x7d || bytes[n - 2] !== 0x22) return 'missing';
  const head = bytes.subarray(n - SUFFIX_LEN, n - SUFFIX_LEN + SUFFIX_HEAD.length);
  if (!Buffer.from(head.buffer, head.byteOffset, head.length).equals(SUFFIX_HEAD)) return 'missing';
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset + n - 10, 8).toString('latin1');
  if (!HEX_RE.test(hex)) return 'mismatch';
  return crc32(bytes.subarray(0, n - SUFFIX_LEN)) === parseInt(hex, 16) ? 'ok' : 'mismatch';
}

/** The checksum block of a snapshot. */
export interface SnapshotCheck {
  alg: 'crc32';
  /** CRC of JSON.stringify([version, seq, [[coll, count], ...]]). */
  head: string;
  /** Per collection: 8 hex digits per record, in the order of the records. */
  records: Record<string, string>;
}

export function snapshotHead(version: number, seq: number, counts: [string, number][]): string {
  return crcHex(JSON.stringify([version, seq, counts]));
}

/**
 * The CRC-32s of a snapshot footer's hex string (8 digits per record), as numbers: decoded once instead of a
 * `parseInt(slice)` per record (~0.4 µs each, ~0.5 s at a million records). A record whose digits are not hex gets
 * -1, which no CRC equals.
 */
export function footerSums(hex: string, count: number): Float64Array {
  const out = new Float64Array(count).fill(-1);
  const bytes = Buffer.from(hex, 'hex'); // stops at the first pair that is not hex
  const valid = Math.min(count, bytes.length >>> 2);
  for (let i = 0; i < valid; i++) out[i] = bytes.readUInt32BE(i * 4);
  return out;
}
