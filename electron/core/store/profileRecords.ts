/**
 * The profiles of a store folder (its agents and credentials), read without opening the store: the snapshot's two
 * small sections found through its index, then the journals' changes to those two collections. The sign-in screen
 * shows them while the open reads the rest (a few hundred ms at 10 000 conversations, over a second at 50 000),
 * so that choosing a profile and typing a PIN overlap the open (electron/core/identity/signInPreview.ts).
 *
 * A hint, never the truth: nothing is quarantined, nothing written, and any doubt (no index, another schema
 * version, a record that fails its schema, a journal too big to read quickly) gives null, and the sign-in screen
 * then waits for the open as it did. The open itself reads the same files with all its checks, and signing in is
 * always checked against the opened store.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../../shared/schema';
import type { Agent } from '../../../shared/schema/agent';
import type { Credential } from '../../../shared/schema/credential';
import { recordSchemaOf } from './compiledSchemas';
import { replayEntry, type RawChange, type ReplayResult } from './journal';
import { JournalStream } from './journalRead';
import { journalName, listStoreFiles, snapshotName } from './snapshot';
import { readSnapshotIndex } from './snapshotIndex';
import { COLLECTION_RE, headerOf } from './snapshotLayout';

export interface ProfileRecords {
  agents: Map<string, Agent>;
  credentials: Map<string, Credential>;
}

const PROFILE_COLLECTIONS = ['agents', 'credentials'] as const;
type ProfileCollection = (typeof PROFILE_COLLECTIONS)[number];

/** Past this many bytes of the two sections, or of journals, the preview is not worth its reading time. */
export const PREVIEW_LIMITS = { sectionBytes: 4 << 20, journalBytes: 8 << 20 };

/** The agents and credentials of the store in `dir` as the open would find them, or null when in any doubt. */
export function readProfileRecords(dir: string): ProfileRecords | null {
  try {
    return read(dir);
  } catch {
    return null;
  }
}

function read(dir: string): ProfileRecords | null {
  const files = listStoreFiles(dir);
  const gen = files.snapshots.at(-1);
  if (gen === undefined) return null;
  const file = path.join(dir, snapshotName(gen));
  const index = readSnapshotIndex(file, gen);
  if (!index) return null;
  const journals = files.journals.filter((g) => g >= gen);
  const journalBytes = journals.reduce((n, g) => n + statSync(path.join(dir, journalName(g))).size, 0);
  if (journalBytes > PREVIEW_LIMITS.journalBytes) return null;

  const colls: Record<ProfileCollection, Map<string, unknown>> = { agents: new Map(), credentials: new Map() };
  const fd = openSync(file, 'r');
  let seq: number;
  try {
    const head = headerOf(fd);
    if (!head || head.version !== SCHEMA_VERSION) return null;
    seq = head.seq;
    for (const coll of PROFILE_COLLECTIONS) {
      const extent = index.sections[coll];
      if (!extent) return null;
      const [start, end, count] = extent;
      if (end - start > PREVIEW_LIMITS.sectionBytes) return null;
      const records = sectionRecords(fd, coll, start, end);
      if (!records || records.length !== count) return null;
      for (const rec of records) colls[coll].set(rec.id, rec);
    }
  } finally {
    closeSync(fd);
  }

  // The journals since that snapshot, only their changes to profiles; a torn line is the open's business.
  const replay: ReplayResult = { lastSeq: seq, applied: 0, bad: [] };
  for (const g of journals) {
    const stream = new JournalStream(path.join(dir, journalName(g)));
    for (const item of stream.items()) {
      if (stream.version !== SCHEMA_VERSION) return null;
      if (!item.entry) continue;
      const changes = item.entry.changes.filter((ch) => PROFILE_COLLECTIONS.includes((ch as RawChange | null)?.coll as ProfileCollection));
      replayEntry(stream.version, { ...item.entry, changes }, colls, true, replay);
      if (replay.bad.length > 0) return null;
    }
  }
  return { agents: colls.agents as Map<string, Agent>, credentials: colls.credentials as Map<string, Credential> };
}

/** One section's records, each checked against its schema; null when a line is not what the layout says. */
function sectionRecords(fd: number, coll: ProfileCollection, start: number, end: number): { id: string }[] | null {
  const buf = Buffer.allocUnsafe(end - start);
  if (readSync(fd, buf, 0, buf.length, start) !== buf.length) return null;
  const lines = buf.toString('utf8').split('\n');
  const opening = COLLECTION_RE.exec(lines[0]);
  if (!opening || JSON.parse(opening[1]) !== coll) return null;
  const schema = recordSchemaOf(coll);
  const out: { id: string }[] = [];
  for (const line of lines.slice(1)) {
    if (line === ']' || line === '') continue;
    const r = schema.safeParse(JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line));
    if (!r.success) return null;
    out.push(r.data as { id: string });
  }
  return out;
}
