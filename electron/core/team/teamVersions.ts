import type { CollectionName } from '../../../shared/schema';
import type { Change } from '../store/types';
import { SHARED_RECORDS } from './sharedCollections';
import type { AppliedAction, TeamAction, TeamOutcome } from './teamActions';

/** One map key per record of any shared collection. */
export const key = (coll: string, id: string) => `${coll}\u0000${id}`;

/** A write of one whole record (compare-and-set on its version). */
type RecordWrite = Extract<TeamAction, { kind: 'publish' | 'publishRecord' | 'deleteRecord' }>;
const isRecordWrite = (a: TeamAction): a is RecordWrite => a.kind === 'publish' || a.kind === 'publishRecord' || a.kind === 'deleteRecord';

/** The record a write changes, as its collection and id (null: an action that is not a record write). */
export function recordOf(a: TeamAction): { coll: CollectionName; id: string } | null {
  if (a.kind === 'publish') return { coll: 'conversations', id: a.conversation.id };
  if (a.kind === 'publishRecord') return { coll: a.coll as CollectionName, id: a.record.id };
  if (a.kind === 'deleteRecord') return { coll: a.coll as CollectionName, id: a.recordId };
  return null;
}

/** The key of the record a write changes (null: an action that is not a record write). */
export function keyOfAction(a: TeamAction): string | null {
  const r = recordOf(a);
  return r ? key(r.coll, r.id) : null;
}

/**
 * What this desktop knows of the team's versions, for compare-and-set (teamSync.ts): which version each local
 * shared record is based on, which of its own writes are still waiting (a later change of the same record follows
 * the waiting one, on the version that one makes), and where its change gave way to another desktop's.
 */
export class TeamVersions {
  /** The team's version each local shared record is based on (read from the team, or made by this desktop). */
  private readonly versions = new Map<string, number>();
  /** The version each of this desktop's own applied writes made (what a follower expects: not a pulled one). */
  private readonly own = new Map<string, number>();
  /** Records with a write of this desktop still waiting, and how many. */
  private readonly waiting = new Map<string, number>();
  /** Records where this desktop's change gave way to another desktop's: its waiting followers give way too. */
  private readonly gaveWay = new Set<string>();
  /** Records the join uploaded: a change of one queued before the upload is sent on the version the upload made. */
  private readonly uploaded = new Set<string>();

  /** The outbox's waiting writes, read back at start. */
  constructor(pending: readonly TeamAction[]) {
    for (const a of pending) {
      const k = keyOfAction(a);
      if (k) this.count(k, 1);
    }
  }

  private count(k: string, by: number): void {
    const n = (this.waiting.get(k) ?? 0) + by;
    if (n > 0) this.waiting.set(k, n);
    else {
      this.waiting.delete(k);
      this.gaveWay.delete(k);
    }
  }

  /** The team had this record (at some version) when this desktop last read it, or this desktop wrote it. */
  knows(coll: string, id: string): boolean {
    return this.versions.has(key(coll, id));
  }

  /** A write of this desktop to this record waits to be sent. */
  isWaiting(coll: string, id: string): boolean {
    return this.waiting.has(key(coll, id));
  }

  /**
   * This desktop has a write of this record waiting or on its way that has not given way: the team's copy is not
   * newer than the local one (it is this desktop's own echo, or a change its write will meet as a conflict, which
   * reads the team's copy then). A read from the team leaves the local copy alone meanwhile.
   */
  writeInFlight(coll: string, id: string): boolean {
    const k = key(coll, id);
    return this.waiting.has(k) && !this.gaveWay.has(k);
  }

  /** A version read from the team: true (and noted) when it is newer than what this desktop is based on. */
  newer(coll: string, id: string, version: number): boolean {
    const k = key(coll, id);
    if (version <= (this.versions.get(k) ?? 0)) return false;
    this.versions.set(k, version);
    return true;
  }

  /** Announced: is this version newer than what this desktop is based on? (not noted: the read notes it). */
  isNewer(coll: string, id: string, version: number): boolean {
    return version > (this.versions.get(key(coll, id)) ?? 0);
  }

  /** The join wrote this record (version 1) for this desktop. */
  uploadedOnJoin(coll: string, id: string): void {
    const k = key(coll, id);
    this.versions.set(k, Math.max(this.versions.get(k) ?? 0, 1));
    this.own.set(k, 1);
    this.uploaded.add(k);
  }

  /** The outbox actions of one local commit (each record write on the version this desktop is based on). */
  actionsOf(changes: readonly Change[], newId: (prefix: string) => string, at: number): TeamAction[] {
    const actions: TeamAction[] = [];
    const base = (coll: string, id: string) => {
      const k = key(coll, id);
      const follows = this.waiting.has(k);
      this.count(k, 1);
      return { follows, expectedVersion: follows ? null : (this.versions.get(k) ?? null) };
    };
    for (const ch of changes) {
      if (ch.op === 'del') {
        if (SHARED_RECORDS.has(ch.coll)) actions.push({ id: newId('ta-'), kind: 'deleteRecord', coll: ch.coll, recordId: ch.id, ...base(ch.coll, ch.id), at });
      } else if (ch.coll === 'conversations') {
        actions.push({ id: newId('ta-'), kind: 'publish', conversation: ch.rec, ...base(ch.coll, ch.rec.id), at });
      } else if (SHARED_RECORDS.has(ch.coll)) {
        const record = ch.rec as { id: string };
        actions.push({ id: newId('ta-'), kind: 'publishRecord', coll: ch.coll, record, ...base(ch.coll, record.id), at });
      } else if (ch.coll === 'messages') {
        actions.push({ id: newId('ta-'), kind: 'message', message: ch.rec, at });
      }
    }
    return actions;
  }

  /**
   * An action as it is sent now: a follower on the version its predecessor made (settled by then: one record's
   * writes never share a chunk), or given way at once when its predecessor gave way; else as queued.
   */
  prepare(a: TeamAction): TeamAction | AppliedAction {
    const k = keyOfAction(a);
    if (!k || !isRecordWrite(a)) return a;
    if (a.follows) {
      if (this.gaveWay.has(k)) return { outcome: { status: 'conflict', version: this.versions.get(k) ?? 1 }, duplicate: false };
      return { ...a, expectedVersion: this.own.get(k) ?? null };
    }
    // Made before the join's upload wrote this record (which it could not know then): on the upload's version.
    if (a.expectedVersion === null && this.uploaded.has(k)) return { ...a, expectedVersion: this.own.get(k) ?? null };
    return a;
  }

  /**
   * Notes how a record write came out. Returns true for a conflict to tell the agent about (another desktop's change
   * stood); a follower of a change that gave way is told once, with that one.
   */
  settled(a: TeamAction, outcome: TeamOutcome): boolean {
    const k = keyOfAction(a);
    if (!k || !isRecordWrite(a)) return false;
    this.count(k, -1);
    if (outcome.status === 'applied' && outcome.version) {
      this.own.set(k, outcome.version);
      this.versions.set(k, Math.max(this.versions.get(k) ?? 0, outcome.version));
    }
    if (outcome.status !== 'conflict') return false;
    if (this.waiting.has(k)) this.gaveWay.add(k);
    return !a.follows;
  }
}
