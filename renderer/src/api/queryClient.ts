import { QueryClient, hashKey, type QueryKey } from '@tanstack/react-query';
import type { ChangeEvent } from '../../../shared/contract';
import { onClientReset } from '../app/clientState';

/**
 * The renderer's one cache of contract calls (keyed by call name and input; see api/hooks.ts). Freshness comes
 * from the core's change topics, not from timers: nothing goes stale on its own, nothing refetches on focus.
 * networkMode 'always': the core is local (IPC or loopback HTTP), so the browser's online flag must not pause it.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: Infinity,
      gcTime: 5 * 60_000,
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      networkMode: 'always',
    },
  },
});

type Subscribe = (listener: (e: ChangeEvent) => void) => () => void;

/**
 * What keeps one QueryClient fresh: ONE subscription to the change feed for all its queries (not one per hook),
 * and the topics each cached query declared. A change event invalidates exactly the queries that named one of its
 * topics, in one pass, so a query read by three components is refetched once. Held while any `useCall` is mounted.
 */
type Binding = { users: number; topics: Map<string, Set<string>>; release(): void };
const bindings = new WeakMap<QueryClient, Binding>();

function bind(client: QueryClient, subscribe: Subscribe): Binding {
  const topics = new Map<string, Set<string>>(); // query hash -> every topic any reader declared for it
  /**
   * Queries a change hit while their fetch was in flight. The answer in flight is let through (cancelling it, the
   * default, starves a view when changes come faster than the core answers: during a large spool import every
   * batch cancelled the previous refetch and nothing ever landed), and ONE more fetch follows when it lands, since
   * that answer may predate the change. So at most one fetch in flight and one queued per query.
   */
  const trailing = new Set<string>();
  const offChanges = subscribe((e) => {
    const named = new Set(e.topics);
    const hit = new Set<string>();
    for (const [hash, declared] of topics) for (const t of declared) if (named.has(t)) hit.add(hash);
    if (hit.size === 0) return;
    const cache = client.getQueryCache();
    for (const h of hit) if (cache.get(h)?.state.fetchStatus === 'fetching') trailing.add(h);
    void client.invalidateQueries({ predicate: (q) => hit.has(q.queryHash) }, { cancelRefetch: false });
  });
  const offCache = client.getQueryCache().subscribe((e) => {
    // A query the cache dropped (garbage-collected, reset) takes its declared topics with it.
    if (e.type === 'removed') {
      topics.delete(e.query.queryHash);
      trailing.delete(e.query.queryHash);
      return;
    }
    if (e.type === 'updated' && (e.action.type === 'success' || e.action.type === 'error') && trailing.delete(e.query.queryHash)) {
      const hash = e.query.queryHash;
      // After this dispatch finishes (the cache is notifying its listeners of the landed answer right now).
      queueMicrotask(() => void client.invalidateQueries({ predicate: (q) => q.queryHash === hash }, { cancelRefetch: false }));
    }
  });
  // Sign-out, profile switch, lock: nothing of the previous profile may be shown again from this cache.
  const offReset = onClientReset(() => forgetProfile(client));
  return {
    users: 0,
    topics,
    release() {
      offChanges();
      offCache();
      offReset();
      // Nobody hears the feed any more, so what stays cached may go out of date: the next reader refetches it.
      void client.invalidateQueries({ refetchType: 'none' });
    },
  };
}

/**
 * Drops every cached answer: queries nobody shows are removed; the ones on screen go back to "loading" (their
 * data cleared, not just marked stale, so the old profile's values are not shown while refetching) and refetch.
 * Removing a query a component still observes would leave that component on a dead query, hence the two steps.
 */
export function forgetProfile(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.getObserversCount() === 0 });
  void client.resetQueries();
}

/**
 * Called by each mounted `useCall`: registers the topics of its query and makes sure the client listens to the feed.
 * Returns the unmount cleanup (the last reader to leave ends the subscription).
 */
export function trackTopics(client: QueryClient, subscribe: Subscribe, queryKey: QueryKey, declared: readonly string[]): () => void {
  let binding = bindings.get(client);
  if (!binding) {
    binding = bind(client, subscribe);
    bindings.set(client, binding);
  }
  binding.users++;
  const hash = hashKey(queryKey); // the cache's own key hash (no client here sets queryKeyHashFn)
  const set = binding.topics.get(hash) ?? new Set<string>();
  for (const t of declared) set.add(t);
  binding.topics.set(hash, set);
  const mine = binding;
  return () => {
    if (--mine.users > 0) return;
    mine.release();
    if (bindings.get(client) === mine) bindings.delete(client);
  };
}
