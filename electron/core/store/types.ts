import type { CollectionName, RecordOf } from '../../../shared/schema';

/** One change to one record. A commit is a list of them, applied and made durable together. */
export type Change = {
  [K in CollectionName]: { op: 'put'; coll: K; rec: RecordOf<K> } | { op: 'del'; coll: K; id: string };
}[CollectionName];

export interface CommitOptions {
  /**
   * The caller vouches that every record was built by typed core code from input already validated at its own
   * boundary (the spool importer: each line passed SpoolInEvent, whose limits match the record schemas). The store
   * then checks only what it needs to stay consistent (known collection, op, a string id, a record object) and skips
   * the per-record schema parse, a third of an import commit's cost. See validate.ts (checkFrames) for the trade.
   */
  trusted?: boolean;
}

/** Something the store could not read; it was moved to quarantine, never silently dropped. */
export interface StoreProblem {
  /** Stable across starts (the problem is kept in problems.json until a lead dismisses it). */
  id: string;
  /** Where it came from: "snapshot", "journal", or a record "conversations/c-1". */
  source: string;
  /** A one-line human explanation (English; the UI translates the kind). */
  message: string;
  kind: 'corrupt_file' | 'invalid_record' | 'torn_journal_line';
  /** The quarantine file that keeps the unreadable bytes. */
  quarantinedTo: string;
  at: number;
}

/**
 * The one interface every service talks to. The lowdb snapshot + journal implementation lives beside it;
 * a shared database can be another implementation of this interface: `commit` is asynchronous for that (a commit
 * to a database is durable when the server says so), and every caller awaits it before telling anyone it is done.
 */
export interface Store {
  get<K extends CollectionName>(coll: K, id: string): RecordOf<K> | undefined;
  /** A live read-only view of a collection (do not mutate the records). */
  all<K extends CollectionName>(coll: K): ReadonlyMap<string, RecordOf<K>>;
  /**
   * Apply the changes and make them durable; resolves once they are. Reads see the changes as soon as the call
   * returns (before the promise settles), so a service's read-modify-write stays one step; acknowledge nothing
   * before the promise resolves. Records are validated against their schema first; an invalid record rejects and
   * nothing is applied. `trusted` (bulk paths only, see CommitOptions) checks only the frame of each change.
   * The local store writes and fsyncs before returning (its promise is already settled); a remote one may not.
   */
  commit(changes: Change[], opts?: CommitOptions): Promise<void>;
  /** Listeners run after every successful commit (services keep their indexes this way). */
  onCommit(listener: (changes: readonly Change[]) => void): () => void;
  /**
   * Every problem not yet dismissed: found on this start or an earlier one (kept in problems.json), oldest first.
   */
  readonly problems: readonly StoreProblem[];
  /** Only what this open found (and quarantined). */
  readonly newProblems: readonly StoreProblem[];
  /** Removes one problem from the list, durably. Returns it, or undefined when no problem has that id. */
  dismissProblem(id: string): StoreProblem | undefined;
  /** True when the data folder held no store at all (first run: seed demo data). */
  readonly isNew: boolean;
  /**
   * First run only (isNew, nothing committed yet): writes `changes` as the store's first snapshot in one atomic step
   * (temp file, fsync, rename, fsync of the folder). A crash before it returns leaves the folder new (the next start
   * seeds again), never a half store. Validated like commit(): an invalid record throws and nothing is written.
   */
  seed(changes: Change[]): Promise<void>;
  /** Fold the journal into a fresh snapshot, off the main thread; resolves when done. */
  compact(): Promise<void>;
  close(): Promise<void>;
}
