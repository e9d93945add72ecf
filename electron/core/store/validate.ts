/**
 * Record validation against shared/schema. Always one record at a time: parsing a whole collection with
 * one schema rejects 49 999 good records because of one bad one, and a store must keep the good ones.
 *
 * The parsed output (defaults filled, unknown keys stripped) is what the store keeps and journals, so what
 * is on disk is exactly what is in memory.
 */
import { z } from 'zod';
import { COLLECTIONS, recordSchemas, type CollectionName } from '../../../shared/schema';
import { recordSchemaOf } from './compiledSchemas';
import type { Change } from './types';

export type Collections = Record<CollectionName, Map<string, unknown>>;

export function emptyCollections(): Collections {
  const out = {} as Collections;
  for (const c of COLLECTIONS) out[c] = new Map();
  return out;
}

export const isCollection = (c: unknown): c is CollectionName =>
  typeof c === 'string' && Object.prototype.hasOwnProperty.call(recordSchemas, c);

const oneLine = (e: z.ZodError) => z.prettifyError(e).replace(/\n\s*/g, ' ');

export type RecordCheck = { ok: true; value: { id: string } } | { ok: false; error: string };

export function checkRecord(coll: string, raw: unknown): RecordCheck {
  if (!isCollection(coll)) return { ok: false, error: `unknown collection "${coll}"` };
  const r = recordSchemaOf(coll).safeParse(raw);
  return r.success ? { ok: true, value: r.data as { id: string } } : { ok: false, error: oneLine(r.error) };
}

export type ChangeCheck = { ok: true; change: Change } | { ok: false; coll: string; error: string; raw: unknown };

/** Checks one change read from disk (or handed to commit). */
export function checkChange(raw: unknown): ChangeCheck {
  const ch = raw as { op?: unknown; coll?: unknown; rec?: unknown; id?: unknown } | null;
  const coll = typeof ch?.coll === 'string' ? ch.coll : '?';
  if (!ch || typeof ch !== 'object') return { ok: false, coll, error: 'a change must be an object', raw };
  if (!isCollection(ch.coll)) return { ok: false, coll, error: `unknown collection "${coll}"`, raw };
  if (ch.op === 'del') {
    if (typeof ch.id !== 'string' || ch.id === '') return { ok: false, coll, error: 'del needs a string id', raw };
    return { ok: true, change: { op: 'del', coll: ch.coll, id: ch.id } as Change };
  }
  if (ch.op === 'put') {
    const r = checkRecord(ch.coll, ch.rec);
    if (!r.ok) return { ok: false, coll, error: r.error, raw };
    return { ok: true, change: { op: 'put', coll: ch.coll, rec: r.value } as Change };
  }
  return { ok: false, coll, error: `unknown op ${JSON.stringify(ch.op)}`, raw };
}

/** For commit(): all or nothing. Throws one Error naming every bad change (up to 5). */
export function parseCommit(changes: readonly Change[]): Change[] {
  if (!Array.isArray(changes)) throw new Error('Store.commit: changes must be an array');
  const out: Change[] = [];
  const errors: string[] = [];
  changes.forEach((raw, i) => {
    const r = checkChange(raw);
    if (r.ok) out.push(r.change);
    else {
      const id = (raw as { rec?: { id?: unknown }; id?: unknown })?.rec?.id ?? (raw as { id?: unknown })?.id;
      errors.push(`#${i} ${r.coll}/${typeof id === 'string' ? id : '?'}: ${r.error}`);
    }
  });
  if (errors.length > 0) {
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
    throw new Error(`Store.commit rejected, nothing was written: ${errors.slice(0, 5).join('; ')}${more}`);
  }
  return out;
}

/**
 * For a trusted commit (CommitOptions.trusted): the frame of each change only, all or nothing, same error as
 * parseCommit. Records are kept as given (no defaults filled, no unknown keys stripped: typed core code builds
 * complete records).
 *
 * The trade, decided for the spool import (thousands of records per commit): a full zod parse of each record cost
 * ~44 µs per imported event (~3.5 records), a third of the commit. The records are typed (z.infer of the same
 * schemas) and built from spool lines that were validated at the boundary, so the parse could only catch a bug in
 * core code. If one slipped through, the record would be journaled and served until the next start, where open
 * validates every record and quarantines the bad one with a banner (nothing is silently lost; a message the
 * snapshot keeps on disk is validated when it is first read instead, and quarantined the same way: lazyMessages.ts). To catch such a
 * bug before it ships, trusted commits are fully validated under test (see openStore: validateTrusted), and every
 * other commit (agent actions: a few records each) is always fully validated.
 */
export function checkFrames(changes: readonly Change[]): Change[] {
  if (!Array.isArray(changes)) throw new Error('Store.commit: changes must be an array');
  let errors: string[] | null = null;
  for (let i = 0; i < changes.length; i++) {
    const ch = changes[i] as { op?: unknown; coll?: unknown; rec?: { id?: unknown } | null; id?: unknown } | null;
    let error: string | null = null;
    if (!ch || typeof ch !== 'object') error = 'a change must be an object';
    else if (!isCollection(ch.coll)) error = `unknown collection "${String(ch.coll)}"`;
    else if (ch.op === 'put') {
      if (!ch.rec || typeof ch.rec !== 'object' || Array.isArray(ch.rec)) error = 'put needs a record object';
      else if (typeof ch.rec.id !== 'string' || ch.rec.id === '' || ch.rec.id.length > 128) error = 'id: a record needs a string id of 1–128 characters';
    } else if (ch.op === 'del') {
      if (typeof ch.id !== 'string' || ch.id === '') error = 'del needs a string id';
    } else error = `unknown op ${JSON.stringify(ch.op)}`;
    if (error) {
      const id = ch?.rec?.id ?? ch?.id;
      (errors ??= []).push(`#${i} ${typeof ch?.coll === 'string' ? ch.coll : '?'}/${typeof id === 'string' ? id : '?'}: ${error}`);
    }
  }
  if (errors) {
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
    throw new Error(`Store.commit rejected, nothing was written: ${errors.slice(0, 5).join('; ')}${more}`);
  }
  return changes as Change[];
}

export interface BadRecord {
  coll: string;
  error: string;
  raw: unknown;
}

/**
 * Validates a snapshot's collections record by record into maps. Bad records go to `onBad`; good ones are
 * kept. Releases each raw record as it goes so a 1-million-record load does not hold two copies.
 */
export function loadCollections(raw: Record<string, unknown[]>, onBad: (bad: BadRecord) => void): Collections {
  const out = emptyCollections();
  for (const _ of checkSteps(raw, onBad, out)) {
    // the next records at once
  }
  return out;
}

/**
 * loadCollections letting the event loop run every 16 384 records (opening a large store on the main thread:
 * ~3 s of zod at 1 000 000 records), telling `onChecked` how many are done. `into`: maps to add to instead of new
 * ones (the messages the snapshot reader left on disk, lazyMessages.ts).
 */
export async function loadCollectionsYielding(
  raw: Record<string, unknown[]>,
  onBad: (bad: BadRecord) => void,
  onChecked: (records: number) => void,
  into: Partial<Collections> = {},
): Promise<Collections> {
  const out = { ...emptyCollections(), ...into };
  for (const checked of checkSteps(raw, onBad, out)) {
    onChecked(checked);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

/** loadCollections' work, 16 384 records per step (yields how many are done, and once more at the end). */
function* checkSteps(raw: Record<string, unknown[]>, onBad: (bad: BadRecord) => void, out: Collections): Generator<number> {
  let checked = 0;
  for (const [coll, records] of Object.entries(raw)) {
    for (let i = 0; i < records.length; i++) {
      const r = checkRecord(coll, records[i]);
      if (r.ok) out[coll as CollectionName].set(r.value.id, r.value);
      else onBad({ coll, error: r.error, raw: records[i] });
      records[i] = undefined;
      if ((++checked & 0x3fff) === 0) yield checked;
    }
  }
  yield checked;
}

/** For the worker when the data is known clean: index by id without the cost of zod. */
export function indexCollections(raw: Record<string, unknown[]>): Collections {
  const out = emptyCollections();
  for (const [coll, records] of Object.entries(raw)) {
    if (!isCollection(coll)) continue;
    const map = out[coll];
    for (const rec of records) map.set((rec as { id: string }).id, rec);
  }
  return out;
}
