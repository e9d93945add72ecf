/**
 * A snapshot's conversation lines, snapshot-<gen>.lines.bin beside it: where each conversation's message lines are in
 * the snapshot (byte offset, length, line number in the messages section). While the store still reads the
 * snapshot's messages in the background (the first seconds after a large store's start, lazyMessages.ts), an agent
 * opening a conversation gets its ~20 lines read from their offsets instead of a pass over the ~560 MB not yet read
 * (0.25–0.55 s at 50 000 × 20).
 *
 * Like the snapshot's index, it is only a hint: written by the compaction after its snapshot, tied to that file (gen
 * and size), with checksums; any doubt and the reader scans as without it. Every line read through it is still
 * checked against the snapshot's own checksum and schema, and must name the conversation asked for.
 *
 * No conversation ids are stored: lines are grouped in buckets by a hash of their conversation's id (twice as many
 * buckets as conversations), each line with its id's full hash. Opening the file reads only its bucket table (~1 MB
 * at 50 000 conversations); a look-up reads one bucket. Storing the ids meant parsing and validating 50 000 strings
 * and building a map of them on the agent's first click (~90 ms of the ~140 ms a whole-file version took).
 *
 * Layout (little-endian): "KFLINES2", u32 header size, the header (JSON: gen, snapshot bytes, line and bucket
 * counts), u32 × (buckets + 1) where each bucket's entries start, u32 × buckets each bucket's CRC-32, a CRC-32 of
 * everything so far, then 20 bytes per message line (f64 offset, u32 length, u32 line number, u32 id hash), by bucket
 * and in file order within each.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { crc32 } from './checksum';
import { writeBytesAtomic } from './durableFiles';
import { mappedArray, mappedBuffer, resized } from './mappedMemory';

export const conversationLinesName = (gen: number) => `snapshot-${gen}.lines.bin`;

const MAGIC = 'KFLINES2';
const ENTRY = 20;

const Header = z
  .object({
    gen: z.number().int().min(0),
    /** The snapshot file's size: lines of another file of that name are ignored. */
    bytes: z.number().int().min(0),
    lines: z.number().int().min(0),
    buckets: z.number().int().min(1).max(2 ** 28),
  })
  .strict();

/** One message line of a conversation: where it is in the snapshot, and its number in the messages section. */
export interface ConversationLine {
  offset: number;
  bytes: number;
  ordinal: number;
}

/** FNV-1a over the id's UTF-16 code units (the writer's and the reader's, both JavaScript). */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const CONVERSATION_KEY = '"conversationId":"';

/** The conversation a message line names (its JSON as JSON.stringify wrote it). */
function conversationIn(json: string): string {
  const at = json.indexOf(CONVERSATION_KEY);
  if (at !== -1) {
    const from = at + CONVERSATION_KEY.length;
    const to = json.indexOf('"', from);
    if (to !== -1) {
      const raw = json.slice(from, to);
      if (!raw.includes('\\')) return raw;
    }
  }
  // An escape in the id: parse the line.
  return String((JSON.parse(json) as { conversationId?: unknown }).conversationId);
}

/** Collects the message lines as the snapshot writer reports them (SnapshotWriter.onMessageLine), then writes them. */
export class ConversationLinesWriter {
  private readonly seen = new Set<number>();
  private hashes = new Uint32Array(1024);
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private count = 0;

  add = (json: string, offset: number, bytes: number): void => {
    if (this.count === this.hashes.length) {
      const size = this.count * 2;
      this.hashes = resized(this.hashes, size);
      this.offsets = resized(this.offsets, size);
      this.lengths = resized(this.lengths, size);
    }
    const h = idHash(conversationIn(json));
    this.seen.add(h);
    this.hashes[this.count] = h;
    this.offsets[this.count] = offset;
    this.lengths[this.count] = bytes;
    this.count++;
  };

  /** The file's bytes for snapshot `gen` of `snapshotBytes` bytes. */
  bytesFor(gen: number, snapshotBytes: number): Buffer {
    let buckets = 1;
    while (buckets < 2 * this.seen.size) buckets *= 2;
    const mask = buckets - 1;
    const header = Buffer.from(JSON.stringify({ gen, bytes: snapshotBytes, lines: this.count, buckets }), 'utf8');
    const startsAt = 12 + header.length;
    const sumsAt = startsAt + 4 * (buckets + 1);
    const entriesAt = sumsAt + 4 * buckets + 4;
    const out = mappedBuffer(entriesAt + ENTRY * this.count);
    out.write(MAGIC, 0, 'latin1');
    out.writeUInt32LE(header.length, 8);
    header.copy(out, 12);
    // A counting sort by bucket: file order kept within each.
    const starts = mappedArray(Uint32Array, buckets + 1);
    for (let i = 0; i < this.count; i++) starts[(this.hashes[i] & mask) + 1]++;
    for (let b = 0; b < buckets; b++) starts[b + 1] += starts[b];
    for (let b = 0; b <= buckets; b++) out.writeUInt32LE(starts[b], startsAt + 4 * b);
    const next = starts.slice(0, buckets);
    for (let i = 0; i < this.count; i++) {
      const at = entriesAt + ENTRY * next[this.hashes[i] & mask]++;
      out.writeDoubleLE(this.offsets[i], at);
      out.writeUInt32LE(this.lengths[i], at + 8);
      out.writeUInt32LE(i, at + 12);
      out.writeUInt32LE(this.hashes[i], at + 16);
    }
    for (let b = 0; b < buckets; b++) out.writeUInt32LE(crc32(out.subarray(entriesAt + ENTRY * starts[b], entriesAt + ENTRY * starts[b + 1])), sumsAt + 4 * b);
    out.writeUInt32LE(crc32(out.subarray(0, entriesAt - 4)), entriesAt - 4);
    return out;
  }

  write(dir: string, gen: number, snapshotBytes: number): void {
    writeBytesAtomic(dir, conversationLinesName(gen), this.bytesFor(gen, snapshotBytes));
  }
}

/** A snapshot's conversation lines, read back (`readConversationLines`): the bucket table held, the entries on disk. */
export class ConversationLines {
  private constructor(
    private readonly fd: number,
    private readonly table: Buffer,
    private readonly startsAt: number,
    private readonly sumsAt: number,
    private readonly entriesAt: number,
    private readonly buckets: number,
  ) {}

  /**
   * The lines of `conversationId`'s messages in the snapshot, in file order (none: an empty list); null when its
   * bucket does not match its checksum (scan instead). A line of another conversation whose id hashes the same may be
   * among them: the reader checks each line's conversation.
   */
  linesOf(conversationId: string): ConversationLine[] | null {
    const h = idHash(conversationId);
    const b = h & (this.buckets - 1);
    const from = this.table.readUInt32LE(this.startsAt + 4 * b);
    const to = this.table.readUInt32LE(this.startsAt + 4 * (b + 1));
    if (to < from) return null;
    const block = Buffer.allocUnsafe(ENTRY * (to - from));
    if (readSync(this.fd, block, 0, block.length, this.entriesAt + ENTRY * from) !== block.length) return null;
    if (crc32(block) !== this.table.readUInt32LE(this.sumsAt + 4 * b)) return null;
    const out: ConversationLine[] = [];
    for (let at = 0; at < block.length; at += ENTRY) {
      if (block.readUInt32LE(at + 16) !== h) continue;
      out.push({ offset: block.readDoubleLE(at), bytes: block.readUInt32LE(at + 8), ordinal: block.readUInt32LE(at + 12) });
    }
    return out;
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The lines in the file open at `fd`, for snapshot `gen` of `snapshotBytes` bytes; null when they do not fit it. */
  static from(fd: number, gen: number, snapshotBytes: number): ConversationLines | null {
    const head = Buffer.alloc(12);
    if (readSync(fd, head, 0, 12, 0) !== 12 || head.toString('latin1', 0, 8) !== MAGIC) return null;
    const headerBytes = head.readUInt32LE(8);
    if (headerBytes > 4096) return null;
    const headerBuf = Buffer.alloc(headerBytes);
    if (readSync(fd, headerBuf, 0, headerBytes, 12) !== headerBytes) return null;
    let header: z.infer<typeof Header>;
    try {
      const r = Header.safeParse(JSON.parse(headerBuf.toString('utf8')));
      if (!r.success) return null;
      header = r.data;
    } catch {
      return null;
    }
    const { buckets, lines } = header;
    if (header.gen !== gen || header.bytes !== snapshotBytes || (buckets & (buckets - 1)) !== 0) return null;
    const startsAt = 12 + headerBytes;
    const sumsAt = startsAt + 4 * (buckets + 1);
    const entriesAt = sumsAt + 4 * buckets + 4;
    if (fstatSync(fd).size !== entriesAt + ENTRY * lines) return null;
    const table = mappedBuffer(entriesAt);
    if (readSync(fd, table, 0, entriesAt, 0) !== entriesAt) return null;
    if (crc32(table.subarray(0, entriesAt - 4)) !== table.readUInt32LE(entriesAt - 4)) return null;
    if (table.readUInt32LE(startsAt) !== 0 || table.readUInt32LE(startsAt + 4 * buckets) !== lines) return null;
    return new ConversationLines(fd, table, startsAt, sumsAt, entriesAt, buckets);
  }
}

/** The conversation lines beside `file` (snapshot-<gen>.json of `snapshotBytes` bytes), or null. */
export function readConversationLines(file: string, gen: number, snapshotBytes: number): ConversationLines | null {
  let fd: number;
  try {
    fd = openSync(path.join(path.dirname(file), conversationLinesName(gen)), 'r');
  } catch {
    return null;
  }
  try {
    const lines = ConversationLines.from(fd, gen, snapshotBytes);
    if (lines) return lines;
  } catch {
    // unreadable: as if it were not there
  }
  closeSync(fd);
  return null;
}
