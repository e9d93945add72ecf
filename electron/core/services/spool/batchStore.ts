import type { CollectionName, RecordOf } from '../../../../shared/schema';
import { parseCommit } from '../../store/validate';
import type { Change, Store } from '../../store/types';

const GONE = Symbol('deleted');
type Slot = unknown | typeof GONE;

/** One change of what a reader sees on top of the committed store: the record before and after (undefined: none). */
export interface PendingWrite {
  coll: CollectionName;
  id: string;
  before: unknown;
  after: unknown;
}

/**
 * The writes a reader holds on top of the committed store, in order (a rollback appends the writes that undo).
 * `key` names the holder: incremental indexes (routing's loads, the customer index) keep a small layer per key and
 * read only the log entries they have not seen, so a decision inside a batch costs O(new writes), not O(store).
 * Only the collections such indexes follow are logged (LOGGED): the rest would be allocation for nobody.
 */
export interface PendingWrites {
  readonly key: object;
  readonly log: readonly PendingWrite[];
}

/** The collections a BatchStore logs (what the incremental indexes read). */
export const LOGGED: ReadonlySet<CollectionName> = new Set<CollectionName>(['conversations']);

/** The writes `reader` holds on top of the committed store (null: it is the committed store itself). */
export function pendingWritesOf(reader: object): PendingWrites | null {
  return (reader as { pendingWrites?: PendingWrites | null }).pendingWrites ?? null;
}

/**
 * A Store that holds one import batch in memory on top of the real store: the services that handle an event
 * (intake's `receive`, the bot, routing) read their own earlier writes and "commit" into the batch, and the
 * importer then makes the whole batch durable in ONE real commit together with the file cursor, so a crash leaves
 * either all of a batch or none of it. Several writes to one record collapse to the last (one put per record).
 *
 * `validate`: check each inner commit against the schemas at once (the importer's retry after the real commit
 * refused a batch, to pin the bad event instead of failing the batch again).
 */
export class BatchStore implements Store {
  /** Final state per touched record, in first-touch order: what the real commit writes. */
  private readonly pending = new Map<string, Change>();
  private readonly over = new Map<CollectionName, Map<string, Slot>>();
  /** Merged copies for all(), made on first use per collection and kept current by later writes. */
  private readonly views = new Map<CollectionName, Map<string, unknown>>();
  /** What each write replaced, since the last savepoint (for rollback). */
  private undo: { coll: CollectionName; id: string; key: string; change: Change | undefined; slot: Slot | undefined; had: boolean }[] = [];
  /** Every visible change, for incremental indexes (see PendingWrites). */
  readonly pendingWrites: PendingWrites = { key: this, log: [] };
  private readonly log = this.pendingWrites.log as PendingWrite[];

  constructor(
    private readonly base: Store,
    private readonly validate = false,
    /** Extra changes to add to each inner commit (the outbox entries), given this batch's view as "before". */
    private readonly augment: (changes: readonly Change[], before: Store) => Change[] = () => [],
  ) {}

  get size(): number {
    return this.pending.size;
  }

  /** The batch as one change list for the real commit. */
  changes(): Change[] {
    return [...this.pending.values()];
  }

  get<K extends CollectionName>(coll: K, id: string): RecordOf<K> | undefined {
    // One look-up (a slot holds a record or GONE, never undefined): the import's services read ~20 times an event.
    const v = this.over.get(coll)?.get(id);
    if (v !== undefined) return v === GONE ? undefined : (v as RecordOf<K>);
    return this.base.get(coll, id);
  }

  all<K extends CollectionName>(coll: K): ReadonlyMap<string, RecordOf<K>> {
    const o = this.over.get(coll);
    if (!o) return this.base.all(coll);
    let v = this.views.get(coll);
    if (!v) {
      // One copy per collection per batch: cheaper than a merged iterator for callers that scan it many times.
      v = new Map(this.base.all(coll) as ReadonlyMap<string, unknown>);
      for (const [id, r] of o) {
        if (r === GONE) v.delete(id);
        else v.set(id, r);
      }
      this.views.set(coll, v);
    }
    return v as ReadonlyMap<string, RecordOf<K>>;
  }

  /** Into the batch, in memory (the importer's one real commit makes the batch durable): settled at once. */
  commit(changes: Change[]): Promise<void> {
    try {
      const checked = this.validate ? parseCommit(changes) : changes;
      const all = [...checked, ...this.augment(checked, this)];
      for (const ch of this.validate ? parseCommit(all) : all) this.apply(ch);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** Starts recording what writes replace: one event's effects can then be taken back whole. */
  savepoint(): void {
    this.undo = [];
  }

  /** Takes back every write since the savepoint (an event that failed half-way leaves nothing behind). */
  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) {
      const u = this.undo[i];
      const logged = LOGGED.has(u.coll);
      const seen = logged ? this.get(u.coll, u.id) : undefined;
      if (u.change) this.pending.set(u.key, u.change);
      else this.pending.delete(u.key);
      const o = this.over.get(u.coll)!;
      if (u.had) o.set(u.id, u.slot);
      else o.delete(u.id);
      const v = this.views.get(u.coll);
      if (v) {
        const now = u.had ? u.slot : this.base.get(u.coll, u.id);
        if (now === GONE || now === undefined) v.delete(u.id);
        else v.set(u.id, now);
      }
      if (logged) this.log.push({ coll: u.coll, id: u.id, before: seen, after: this.get(u.coll, u.id) });
    }
    this.undo = [];
  }

  /** Adds one change to the batch (the importer's own records: customers, links, quarantine, cursors). */
  apply(raw: Change): void {
    const ch = this.validate ? parseCommit([raw])[0] : raw;
    const id = ch.op === 'put' ? (ch.rec as { id: string }).id : ch.id;
    const key = `${ch.coll}\u0000${id}`;
    const before = this.over.get(ch.coll);
    const had = before?.has(id) ?? false;
    const slot = before?.get(id);
    const logged = LOGGED.has(ch.coll);
    const seen = !logged ? undefined : had ? (slot === GONE ? undefined : slot) : this.base.get(ch.coll, id);
    this.undo.push({ coll: ch.coll, id, key, change: this.pending.get(key), slot, had });
    // Map.set on a known key keeps its first-touch position: a conversation stays ahead of its messages.
    this.pending.set(key, ch);
    let o = this.over.get(ch.coll);
    if (!o) this.over.set(ch.coll, (o = new Map()));
    const value = ch.op === 'put' ? ch.rec : GONE;
    o.set(id, value);
    if (logged) this.log.push({ coll: ch.coll, id, before: seen, after: value === GONE ? undefined : value });
    const v = this.views.get(ch.coll);
    if (v) {
      if (value === GONE) v.delete(id);
      else v.set(id, value);
    }
  }

  onCommit(): () => void {
    // Listeners belong to the real store: they see the batch when it is committed there.
    return () => {};
  }

  get problems() {
    return this.base.problems;
  }
  get newProblems() {
    return this.base.newProblems;
  }
  dismissProblem(): undefined {
    throw new Error('BatchStore: not during an import batch');
  }
  get isNew() {
    return false;
  }
  seed(): Promise<void> {
    throw new Error('BatchStore: not during an import batch');
  }
  compact(): Promise<void> {
    return this.base.compact();
  }
  close(): Promise<void> {
    throw new Error('BatchStore: not during an import batch');
  }
}

/**
 * A Store that forwards every call to `current()`: the import's services are built once and read through it, so
 * each batch is a fresh BatchStore without building them again (and a service that keeps `ctx.store` still writes
 * into the batch).
 */
export function delegatingStore(current: () => Store): Store & { readonly pendingWrites: PendingWrites | null } {
  return {
    get pendingWrites() {
      return pendingWritesOf(current());
    },
    get: <K extends CollectionName>(coll: K, id: string) => current().get(coll, id),
    all: <K extends CollectionName>(coll: K) => current().all(coll),
    commit: (changes) => current().commit(changes),
    onCommit: (listener) => current().onCommit(listener),
    get problems() {
      return current().problems;
    },
    get newProblems() {
      return current().newProblems;
    },
    dismissProblem: (id) => current().dismissProblem(id),
    get isNew() {
      return current().isNew;
    },
    seed: (changes) => current().seed(changes),
    compact: () => current().compact(),
    close: () => current().close(),
  };
}
