/**
 * Reading a snapshot file back (snapshot.ts writes them): the line layout line by line, with each record's checksum,
 * and the messages left on disk when asked (lazyMessages.ts); any other file (an earlier version's, or written by
 * hand) parsed whole. Never throws for bad content: the caller decides what goes to quarantine.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { DataFile } from 'lowdb/node';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../../../shared/schema';
import { crc32, footerSums, snapshotHead, type SnapshotCheck } from './checksum';
import { LazyMessages } from './lazyMessages';
import { skimMessage } from './messageSkim';
import { snapshotName, type SnapshotFile } from './snapshot';
import { readSnapshotIndex, writeSnapshotIndex } from './snapshotIndex';
import { readConversationLines } from './conversationLines';
import { COLLECTION_RE, eachLineYielding, FOOTER_HEAD, headerOf, SnapshotCheckSchema, type SectionExtent } from './snapshotLayout';

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
  check: SnapshotCheckSchema.optional(),
});
/** The keys a snapshot may have. A legacy file (no `check`) with any other key may be a damaged `check`: refused. */
const FRAME_KEYS = new Set(['version', 'gen', 'seq', 'collections', 'check']);

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
      /**
       * With `lazyMessages`: the snapshot's messages, left on disk (lazyMessages.ts); data.collections.messages then
       * holds only the few read whole (lines that could not be skimmed), still to be validated.
       */
      messages: LazyMessages | null;
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
export async function readSnapshot(dir: string, gen: number, onRead?: (bytes: number) => void, lazyMessages = false): Promise<SnapshotRead> {
  return readSnapshotFile(path.join(dir, snapshotName(gen)), gen, onRead, lazyMessages);
}

/** readSnapshot for a file of any name (backups). `onRead`: bytes read so far, piece by piece (the opening's progress). */
export async function readSnapshotFile(file: string, gen: number, onRead?: (bytes: number) => void, lazyMessages = false): Promise<SnapshotRead> {
  let streamed: SnapshotRead | null;
  try {
    streamed = await readLineLayout(file, gen, onRead, lazyMessages);
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
    return { ok: true, data, damaged: [], legacy: true, messages: null };
  }
  const v = verifyCollections(data, check);
  if (typeof v === 'string') return { ok: false, error: v };
  return { ok: true, data, damaged: v, legacy: false, messages: null };
}

/**
 * The line layout read line by line; null when the file is not in it (read whole instead). With `lazyMessages` (and
 * a snapshot of the current schema, which needs no migration), message lines are checksummed and skimmed but not
 * decoded: they stay on disk (lazyMessages.ts).
 */
async function readLineLayout(file: string, gen: number, onRead: ((bytes: number) => void) | undefined, lazyMessages: boolean, useIndex = true): Promise<SnapshotRead | null> {
  const fd = openSync(file, 'r');
  let lazy: LazyMessages | null = null;
  try {
    const header = headerOf(fd);
    if (!header) return null;
    const { version, seq } = header;
    if (lazyMessages && version === SCHEMA_VERSION) {
      lazy = new LazyMessages();
      lazy.attach(file);
    }
    // The messages' lines, when the snapshot's index says where they are: jumped over now, read after the open.
    const index = lazy ? readSnapshotIndex(file, gen) : null;
    const section = useIndex ? index?.sections.messages : undefined;
    /** Where each collection's lines are, as read (for an index when the file has none that fits). */
    const sections: Record<string, SectionExtent> = {};
    let sectionStart = 0;
    let deferred = null as { from: number; to: number; count: number } | null;
    /** The id of each slot, for a damaged line (found only once the checksums at the end are read). */
    const slotIds: string[] = [];
    let skimming = false;
    const collections: Record<string, unknown[]> = {};
    const sums: Record<string, number[]> = {};
    let coll: string | null = null;
    let footer: string | null = null;
    let lineNo = 0;
    let error: string | null = null;
    const fail = (msg: string) => void (error ??= `line ${lineNo}: ${msg}`);
    await eachLineYielding(fd, (bytes, line, offset) => {
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
          sectionStart = offset;
          skimming = lazy !== null && coll === 'messages';
          if (skimming && section && section[0] === offset && section[2] > 0 && closesAt(fd, section[1])) {
            deferred = { from: offset + bytes.length + 1, to: section[1] - 2, count: section[2] };
            coll = null;
            skimming = false;
            return { skipTo: section[1] };
          }
        } else if (text.startsWith(FOOTER_HEAD) && text.endsWith('}')) footer = text.slice(FOOTER_HEAD.length, -1);
        else fail('expected a collection or the checksums');
        return;
      }
      if (bytes.length === 1 && bytes[0] === 0x5d) {
        sections[coll] = [sectionStart, offset + 2, collections[coll].length];
        coll = null; // "]"
        skimming = false;
        return;
      }
      const comma = bytes[bytes.length - 1] === 0x2c;
      const body = comma ? bytes.subarray(0, -1) : bytes;
      if (skimming) {
        const head = skimMessage(body);
        if (head) {
          // A slot number stands for the record until the checksums are checked.
          const slot = lazy!.addSlot(head, offset, body.length);
          slotIds[slot] = head.id;
          collections[coll].push(slot);
          sums[coll].push(crc32(body));
          return;
        }
      }
      const text = skimming ? body.toString('utf8') : comma ? line.slice(0, -1) : line;
      try {
        collections[coll].push(JSON.parse(text));
        sums[coll].push(crc32(body));
      } catch {
        // Not JSON at all: kept as its text, and marked so that it fails its checksum (a CRC is never -1).
        collections[coll].push(text);
        sums[coll].push(-1);
      }
    }, undefined, onRead, () => !skimming);
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
    const countOf = (c: string, recs: unknown[]) => (deferred && c === 'messages' ? deferred.count : recs.length);
    const counts = Object.entries(collections).map(([c, recs]) => [c, countOf(c, recs)] as [string, number]);
    const retry = () => readLineLayout(file, gen, undefined, lazyMessages, false);
    if (snapshotHead(version, seq, counts) !== check.head) {
      // With the messages jumped over, the count came from the index: read them after all before calling it damage.
      if (deferred) return await retry();
      return { ok: false, error: 'checksum mismatch in the frame (version, seq or collections changed)' };
    }
    if (deferred) {
      const want = check.records.messages;
      if (typeof want !== 'string' || want.length !== deferred.count * 8) return await retry();
      lazy!.defer(deferred.from, deferred.to, deferred.count, want);
      const bytes = index!.bytes;
      lazy!.findLinesWith(() => readConversationLines(file, gen, bytes));
    }
    const damaged: DamagedRecord[] = [];
    for (const [c, recs] of Object.entries(collections)) {
      if (deferred && c === 'messages') continue; // checked line by line as they are read
      const want = check.records[c];
      if (typeof want !== 'string' || want.length !== recs.length * 8) return { ok: false, error: `checksums of ${c} do not match its records` };
      let kept: unknown[] | null = null;
      const got = sums[c];
      const wanted = footerSums(want, recs.length);
      for (let i = 0; i < recs.length; i++) {
        const ok = got[i] === wanted[i];
        if (!ok) {
          let raw = recs[i];
          if (lazy && c === 'messages' && typeof raw === 'number') {
            // Out of the map, kept for the quarantine as the text on disk (parsed when it still is JSON).
            const textOnDisk = lazy.slotText(raw);
            lazy.delete(slotIds[raw]);
            try {
              raw = JSON.parse(textOnDisk);
            } catch {
              raw = textOnDisk;
            }
          }
          damaged.push({ coll: c, index: i, raw });
          kept ??= recs.slice(0, i);
        } else if (kept) kept.push(recs[i]);
      }
      if (kept) collections[c] = kept;
    }
    // The slots are in the map already: only the records read whole remain to be validated.
    if (lazy && collections.messages) collections.messages = collections.messages.filter((r) => typeof r !== 'number');
    if (lazy && !deferred && damaged.length === 0 && JSON.stringify(index?.sections) !== JSON.stringify(sections)) {
      // A snapshot an earlier version wrote (or whose index was lost): the next open jumps over its messages.
      try {
        writeSnapshotIndex(path.dirname(file), gen, fstatSync(fd).size, sections);
      } catch {
        // only a hint: the next compaction writes one
      }
    }
    const messages = lazy;
    lazy = null; // handed over
    return { ok: true, data, damaged, legacy: false, messages };
  } finally {
    closeSync(fd);
    lazy?.close();
  }
}

/**
 * True when the snapshot's line ending at `end` is a collection's closing "]" after a record line (where an index
 * says the messages end): a cheap check that the index describes this file before jumping to it.
 */
function closesAt(fd: number, end: number): boolean {
  const tail = Buffer.alloc(3);
  return end >= 3 && readSync(fd, tail, 0, 3, end - 3) === 3 && tail.toString('latin1') === '\n]\n';
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
