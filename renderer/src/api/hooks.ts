import { hashKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { fail, type CallName, type ContractError, type Input, type Output, type Result, type Topic } from '../../../shared/contract';
import { api } from './client';
import { trackTopics } from './queryClient';

export type Loaded<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: ContractError };

/** Subscribe to change events whose topics match (`withTopics` also gets them); cleans up on unmount. */
export function useChanges(match: (topic: string) => boolean, onMatch: () => void, withTopics?: (topics: string[]) => void): void {
  const matchRef = useRef(match);
  const cbRef = useRef(onMatch);
  const topicsRef = useRef(withTopics);
  matchRef.current = match;
  cbRef.current = onMatch;
  topicsRef.current = withTopics;
  useEffect(
    () =>
      api.onChange((e) => {
        if (!e.topics.some((t) => matchRef.current(t))) return;
        cbRef.current();
        topicsRef.current?.(e.topics);
      }),
    [],
  );
}

/**
 * Calls the core and keeps the answer fresh: refetches when a change event names one of `topics`.
 * `input` null means "nothing to load yet".
 *
 * Answers live in the app's one query cache (api/queryClient.ts) under [name, input]: every component asking the
 * same thing shares one fetch and one copy, and one change event refetches it once however many show it. A contract
 * refusal (Result ok:false) is a cached value like any answer, shown as status 'error' until the next change or
 * reload(); a call that throws (a broken transport) becomes an 'internal' refusal the same way.
 */
export function useCall<N extends CallName>(name: N, input: Input<N> | null, topics: Topic[]): Loaded<Output<N>> & { reload(): void } {
  const client = useQueryClient();
  const queryKey = [name, input] as const;
  const enabled = input !== null;
  const query = useQuery({
    queryKey,
    queryFn: () => callAsValue(name, input as Input<N>),
    enabled,
    // Per call, not only in the app's client defaults, so any provider's client (tests) behaves the same: only
    // change topics make an answer stale, and the local core is always "online".
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    networkMode: 'always',
  });
  const hash = hashKey(queryKey);
  const topicKey = topics.join('|');
  useEffect(
    () => trackTopics(client, api.onChange, queryKey, topicKey ? topicKey.split('|') : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- hash and topicKey stand for queryKey and topics
    [client, hash, topicKey],
  );
  const { refetch } = query;
  const reload = useCallback(() => {
    if (enabled) void refetch();
  }, [enabled, refetch]);
  const r = query.data;
  const state: Loaded<Output<N>> = r === undefined ? { status: 'loading' } : r.ok ? { status: 'ok', value: r.value } : { status: 'error', error: r.error };
  return { ...state, reload };
}

async function callAsValue<N extends CallName>(name: N, input: Input<N>): Promise<Result<Output<N>>> {
  try {
    return (await api.call[name](input)) as Result<Output<N>>;
  } catch (e) {
    return fail('internal', `${name} failed: ${(e as Error).message}`);
  }
}
