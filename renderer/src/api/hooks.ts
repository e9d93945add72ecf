import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallName, ContractError, Input, Output, Topic } from '../../../shared/contract';
import { api } from './client';

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
 */
export function useCall<N extends CallName>(name: N, input: Input<N> | null, topics: Topic[]): Loaded<Output<N>> & { reload(): void } {
  const [state, setState] = useState<Loaded<Output<N>>>({ status: 'loading' });
  const key = JSON.stringify(input);
  const seq = useRef(0);
  const load = useCallback(() => {
    if (input === null) return;
    const mine = ++seq.current;
    void api.call[name](input).then((r) => {
      if (mine !== seq.current) return; // a newer request superseded this one
      setState(r.ok ? { status: 'ok', value: r.value as Output<N> } : { status: 'error', error: r.error });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key]);
  useEffect(() => {
    setState({ status: 'loading' });
    load();
  }, [load]);
  const topicKey = topics.join('|');
  useChanges((t) => topicKey.split('|').includes(t), load);
  return { ...state, reload: load } as Loaded<Output<N>> & { reload(): void };
}
