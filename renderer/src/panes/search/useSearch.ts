import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { SearchFilters } from '../../../../shared/contract/search';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';

export type SearchResult = Output<'search.query'>;
const DEBOUNCE_MS = 120;

/** Runs the query as the agent types (debounced; a late answer never overwrites a newer one). */
export function useSearch(q: string, filters: SearchFilters) {
  const [result, setResult] = useState<SearchResult | null>(null);
  const seq = useRef(0);
  const progress = useCall('search.status', {}, ['search']);
  const ready = progress.status === 'ok' && progress.value.ready;
  const key = JSON.stringify(filters);
  useEffect(() => {
    const mine = ++seq.current;
    if (!q.trim()) {
      setResult(null);
      return;
    }
    const timer = setTimeout(() => {
      void api.call['search.query']({ q, filters, limit: 30 }).then((r) => {
        if (mine === seq.current && r.ok) setResult(r.value);
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `ready` re-runs the query once the index is complete.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, key, ready]);
  return { result, progress: progress.status === 'ok' ? progress.value : null };
}
