import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { SearchFilters, SearchHit } from '../../../../shared/contract/search';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';

export type SearchResult = Output<'search.query'>;
const DEBOUNCE_MS = 120;
export const PAGE_SIZE = 30;
const keyOf = (h: SearchHit) => `${h.kind}:${h.id}`;

/**
 * Runs the query as the agent types (debounced; a late answer never overwrites a newer one), and pages through
 * every hit with `more()`: each page is appended (a hit already shown is not repeated if the index moved).
 * `result` is the latest page's answer (total, next offset); `hits` everything shown so far; `generation` changes
 * with each new query, not with a page.
 */
export function useSearch(q: string, filters: SearchFilters) {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [generation, setGeneration] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const seq = useRef(0);
  const progress = useCall('search.status', {}, ['search']);
  const ready = progress.status === 'ok' && progress.value.ready;
  const key = JSON.stringify(filters);
  useEffect(() => {
    const mine = ++seq.current;
    setLoadingMore(false);
    if (!q.trim()) {
      setResult(null);
      setHits([]);
      return;
    }
    const timer = setTimeout(() => {
      void api.call['search.query']({ q, filters, limit: PAGE_SIZE, offset: 0 }).then((r) => {
        if (mine !== seq.current || !r.ok) return;
        setResult(r.value);
        setHits(r.value.hits);
        setGeneration((g) => g + 1);
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `ready` re-runs the query once the index is complete.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, key, ready]);

  const more = useCallback(() => {
    if (!result || result.nextOffset === null || loadingMore) return;
    const mine = seq.current;
    setLoadingMore(true);
    void api.call['search.query']({ q, filters, limit: PAGE_SIZE, offset: result.nextOffset }).then((r) => {
      if (mine !== seq.current) return;
      setLoadingMore(false);
      if (!r.ok) return;
      setResult(r.value);
      setHits((shown) => {
        const seen = new Set(shown.map(keyOf));
        return [...shown, ...r.value.hits.filter((h) => !seen.has(keyOf(h)))];
      });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result, loadingMore, q, key]);

  return { result, hits, generation, more, loadingMore, progress: progress.status === 'ok' ? progress.value : null };
}
