/**
 * Conversation records journaled as patches. A conversation is rewritten by nearly every commit that touches it (a
 * customer's message moves its clocks, a reply its status), and its whole record (~1 KB with the bot's hand-over and
 * the routing reasons) made 58 % of an import's journal bytes, where the fields that changed are a few dozen bytes.
 * So the journal carries `{"op":"patch","coll":"conversations","id":…,"set":{…},"unset":[…]}` for a record the store
 * already holds: the fields whose value is not the very same (`!==`: a nested array or object the service kept is
 * not written again), and the fields it no longer has.
 *
 * Only the journal changes: services, listeners and `Store.commit` still see whole records. Reading applies a patch
 * to the record as the commits before it left it, and the result is validated like a put (journal.ts replayEntry,
 * compactWorker.ts). A patch of a record that is not there (it was quarantined at open) cannot be applied, and goes
 * to quarantine itself.
 *
 * A patch is written in the schema version of its journal (the header's); a later version that renames a field
 * must migrate `set` and `unset` as it migrates records (migrations.ts passes patches through as they are today).
 */

/** Collections whose puts are journaled as patches when the store holds the record. */
const PATCHED: ReadonlySet<string> = new Set(['conversations']);

export interface PatchChange {
  op: 'patch';
  coll: string;
  id: string;
  set: Record<string, unknown>;
  unset?: string[];
}

type Rec = Record<string, unknown>;

/**
 * The patch that turns `before` into `after` (same id), or null when a put is no longer than it would be (more than
 * half the fields changed). A field set to `undefined` is unset: JSON has no undefined, and writing it would leave
 * the old value in place on replay.
 */
export function patchOf(coll: string, before: Rec, after: Rec): PatchChange | null {
  const set: Rec = {};
  let unset: string[] | undefined;
  let changed = 0;
  let fields = 0;
  for (const k in after) {
    fields++;
    const v = after[k];
    if (v === before[k]) continue;
    changed++;
    if (v === undefined) (unset ??= []).push(k);
    else set[k] = v;
  }
  for (const k in before) {
    if (before[k] !== undefined && !(k in after)) {
      (unset ??= []).push(k);
      changed++;
    }
  }
  if (changed * 2 > fields) return null;
  const patch: PatchChange = { op: 'patch', coll, id: after.id as string, set };
  if (unset) patch.unset = unset;
  return patch;
}

/**
 * The changes as the journal writes them: each put of a patched collection whose record the store holds (or an
 * earlier change of the same commit put) becomes a patch against that record. `held` is the store's collections
 * before the commit is applied.
 */
export function journalChanges<C extends { op: string; coll: string }>(changes: readonly C[], held: Record<string, ReadonlyMap<string, unknown>>): (C | PatchChange)[] {
  let out: (C | PatchChange)[] | null = null;
  /** Records of patched collections as this commit leaves them so far (null: deleted). */
  let inCommit: Map<string, Rec | null> | null = null;
  for (let i = 0; i < changes.length; i++) {
    const ch = changes[i] as unknown as { op: string; coll: string; rec?: Rec; id?: string };
    if (!PATCHED.has(ch.coll)) {
      out?.push(changes[i]);
      continue;
    }
    inCommit ??= new Map();
    const key = `${ch.coll}\u0000${ch.op === 'put' ? (ch.rec!.id as string) : ch.id}`;
    if (ch.op !== 'put') {
      inCommit.set(key, null);
      out?.push(changes[i]);
      continue;
    }
    const rec = ch.rec!;
    const before = inCommit.has(key) ? inCommit.get(key) : (held[ch.coll]?.get(rec.id as string) as Rec | undefined);
    inCommit.set(key, rec);
    const patch = before ? patchOf(ch.coll, before, rec) : null;
    if (patch) {
      out ??= changes.slice(0, i);
      out.push(patch);
    } else out?.push(changes[i]);
  }
  return out ?? (changes as (C | PatchChange)[]);
}

export const isPatch = (ch: unknown): ch is PatchChange => (ch as { op?: unknown } | null)?.op === 'patch';

/** Why a patch read back cannot be applied, or null. */
export function patchProblem(ch: PatchChange, base: unknown): string | null {
  if (typeof ch.id !== 'string' || ch.id === '') return 'patch needs a string id';
  if (!ch.set || typeof ch.set !== 'object' || Array.isArray(ch.set)) return 'patch needs a "set" object';
  if (ch.unset !== undefined && !(Array.isArray(ch.unset) && ch.unset.every((k) => typeof k === 'string'))) return 'patch "unset" must be a list of field names';
  if (!base || typeof base !== 'object') return `patch of ${ch.coll}/${ch.id}, which is not in the store`;
  return null;
}

/** `base` with the patch applied: a new record, fields in `base`'s order, new fields at the end. */
export function applyPatch(base: object, ch: PatchChange): Rec {
  const rec: Rec = { ...(base as Rec), ...ch.set };
  if (!ch.unset || ch.unset.length === 0) return rec;
  // Copied without them rather than `delete`d: a delete turns the object into a slow dictionary for good.
  const gone = new Set(ch.unset);
  const kept: Rec = {};
  for (const k in rec) if (!gone.has(k)) kept[k] = rec[k];
  return kept;
}
