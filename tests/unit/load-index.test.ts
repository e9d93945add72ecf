import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CollectionName, Conversation, RecordOf } from '../../shared/schema';
import { Status } from '../../shared/schema';
import { isActive } from '../../shared/rules/transitions';
import { CustomerIndex } from '../../electron/core/services/customerIndex';
import { LoadBook } from '../../electron/core/services/routing/loadBook';
import { BatchStore } from '../../electron/core/services/spool/batchStore';
import type { Change, Store } from '../../electron/core/store/types';

/**
 * The incremental indexes of the import path (routing's per-agent loads, the per-customer conversation index) must
 * always equal a full recount over the store they are asked about: the committed store, or an import batch on it
 * with its savepoints and rollbacks. Random operations, then both compared after every step.
 */

/** Just enough of a Store: a map per collection, commits applied in order, listeners called after each. */
function memoryStore(): Store {
  const data = new Map<string, Map<string, unknown>>();
  const listeners: ((c: readonly Change[]) => void)[] = [];
  const coll = (c: string) => data.get(c) ?? data.set(c, new Map()).get(c)!;
  const unsupported = () => {
    throw new Error('not in this test');
  };
  return {
    get: <K extends CollectionName>(c: K, id: string) => coll(c).get(id) as RecordOf<K> | undefined,
    all: <K extends CollectionName>(c: K) => coll(c) as Map<string, RecordOf<K>>,
    async commit(changes) {
      for (const ch of changes) {
        if (ch.op === 'put') coll(ch.coll).set(ch.rec.id, ch.rec);
        else coll(ch.coll).delete(ch.id);
      }
      for (const l of listeners) l(changes);
    },
    onCommit(l) {
      listeners.push(l);
      return () => listeners.splice(listeners.indexOf(l), 1);
    },
    problems: [],
    newProblems: [],
    dismissProblem: unsupported,
    isNew: false,
    seed: unsupported,
    compact: unsupported,
    close: unsupported,
  };
}

const AGENTS = ['a1', 'a2', 'a3'];
const CUSTOMERS = ['u1', 'u2', 'u3'];
const IDS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];

const conversation = fc.record({
  id: fc.constantFrom(...IDS),
  customerId: fc.constantFrom(...CUSTOMERS),
  assigneeId: fc.constantFrom(null, ...AGENTS),
  status: fc.constantFrom(...Status.options),
});
const write = fc.oneof(
  conversation.map((c): Change => ({ op: 'put', coll: 'conversations', rec: c as unknown as Conversation })),
  fc.constantFrom(...IDS).map((id): Change => ({ op: 'del', coll: 'conversations', id })),
);
type Op =
  | { kind: 'commit'; changes: Change[] }
  | { kind: 'begin' }
  | { kind: 'write'; change: Change }
  | { kind: 'batchCommit'; changes: Change[] }
  | { kind: 'savepoint' }
  | { kind: 'rollback' }
  | { kind: 'end'; keep: boolean };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.array(write, { minLength: 1, maxLength: 4 }).map((changes) => ({ kind: 'commit' as const, changes })),
  fc.constant({ kind: 'begin' as const }),
  write.map((change) => ({ kind: 'write' as const, change })),
  fc.array(write, { minLength: 1, maxLength: 3 }).map((changes) => ({ kind: 'batchCommit' as const, changes })),
  fc.constant({ kind: 'savepoint' as const }),
  fc.constant({ kind: 'rollback' as const }),
  fc.boolean().map((keep) => ({ kind: 'end' as const, keep })),
);

const recount = (reader: Pick<Store, 'all'>, agentId: string) =>
  [...reader.all('conversations').values()].filter((c) => c.assigneeId === agentId && isActive(c.status)).length;
const idsOf = (reader: Pick<Store, 'all'>, customerId: string) =>
  [...reader.all('conversations').values()].filter((c) => c.customerId === customerId).map((c) => c.id).sort();

function check(book: LoadBook, customers: CustomerIndex, reader: Store) {
  for (const a of AGENTS) expect(book.loadOf(a, reader)).toBe(recount(reader, a));
  for (const u of CUSTOMERS) expect(customers.of(u, reader).map((c) => c.id).sort()).toEqual(idsOf(reader, u));
}

describe('incremental indexes of the import path', () => {
  it('loads and customer lists equal a full recount, committed and inside a batch, after random operations', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 6 }), fc.array(op, { maxLength: 40 }), (initial, ops) => {
        const base = memoryStore();
        base.commit(initial);
        const book = new LoadBook(base);
        const customers = new CustomerIndex(base);
        let batch: BatchStore | null = null;
        for (const o of ops) {
          if (o.kind === 'commit') {
            // Only between batches: an import batch runs synchronously, nothing else commits meanwhile.
            if (!batch) base.commit(o.changes);
          } else if (o.kind === 'begin') batch ??= new BatchStore(base);
          else if (batch && o.kind === 'write') batch.apply(o.change);
          else if (batch && o.kind === 'batchCommit') batch.commit(o.changes);
          else if (batch && o.kind === 'savepoint') batch.savepoint();
          else if (batch && o.kind === 'rollback') batch.rollback();
          else if (batch && o.kind === 'end') {
            if (o.keep) base.commit(batch.changes());
            batch = null;
          }
          check(book, customers, base);
          if (batch) check(book, customers, batch);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('signals freed capacity when a conversation leaves a load or ends while assigned, and not otherwise', () => {
    const base = memoryStore();
    let freed = 0;
    new LoadBook(base, () => freed++);
    const put = (c: Partial<Conversation>) => base.commit([{ op: 'put', coll: 'conversations', rec: { id: 'c1', customerId: 'u1', assigneeId: null, status: 'queued', ...c } as Conversation }]);
    put({});
    put({ assigneeId: 'a1', status: 'open' });
    expect(freed).toBe(0);
    put({ assigneeId: 'a2', status: 'open' }); // a1's load drops
    expect(freed).toBe(1);
    put({ assigneeId: 'a2', status: 'resolved' });
    expect(freed).toBe(2);
    put({ id: 'c2', assigneeId: 'a3', status: 'closed' }); // routed and closed within one batch
    expect(freed).toBe(3);
    put({ id: 'c3', assigneeId: null, status: 'closed' });
    put({ id: 'c4', assigneeId: 'a1', status: 'pending' });
    expect(freed).toBe(3);
    base.commit([{ op: 'del', coll: 'conversations', id: 'c4' }]);
    expect(freed).toBe(4);
  });
});
