import type { CollectionName } from '../../../../shared/schema';
import type { Change, Store } from '../../store/types';

/**
 * The store every service gets, with one addition: `augment` may add records to each commit (the outbox entries
 * for replies and status changes), so they are durable in the same commit as the action, without the services
 * knowing. `committed` runs after a commit that `augment` added to (the outbox writer is scheduled there).
 */
export function withCommitHook(store: Store, hook: { augment(changes: readonly Change[], before: Store): Change[]; committed(): void }): Store {
  return {
    get: <K extends CollectionName>(coll: K, id: string) => store.get(coll, id),
    all: <K extends CollectionName>(coll: K) => store.all(coll),
    async commit(changes: Change[]) {
      const extra = hook.augment(changes, store);
      await store.commit(extra.length > 0 ? [...changes, ...extra] : changes);
      if (extra.length > 0) hook.committed();
    },
    onCommit: (listener) => store.onCommit(listener),
    get problems() {
      return store.problems;
    },
    get newProblems() {
      return store.newProblems;
    },
    dismissProblem: (id) => store.dismissProblem(id),
    get isNew() {
      return store.isNew;
    },
    seed: (changes) => store.seed(changes),
    compact: () => store.compact(),
    close: () => store.close(),
  };
}
