import { useCallback, useEffect, useRef, useState } from 'react';
import { topic } from '../../../../shared/contract';
import type { QueueRowItem } from '../../../../shared/contract/queue';
import type { QueueFilterInput } from '../../../../shared/schema/savedView';
import { api } from '../../api/client';
import { useChanges } from '../../api/hooks';

export const PAGE_SIZE = 100;

export interface QueueAnchor {
  id: string;
  /** Where the anchor row sits after the latest refresh (-1: no longer in this view). */
  index: number;
}

/**
 * The queue as pages fetched on demand for the rows on screen. A `queue` change event refetches only the pages
 * in view, together with the position of the anchor (the row under the agent's keyboard focus), applied in one
 * render so the pane can keep that row where it was. The renderer never holds the whole queue.
 */
export function useQueuePages(filter: QueueFilterInput, anchorId: string | null) {
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, QueueRowItem[]>>(new Map());
  const [atRiskMinutes, setAtRiskMinutes] = useState(120);
  const [anchor, setAnchor] = useState<QueueAnchor | null>(null);
  const wanted = useRef(new Set<number>([0]));
  const inFlight = useRef(new Set<string>());
  /** Moves on when the filter changes: an answer for another filter is never shown. */
  const generation = useRef(0);
  /** One refresh at a time; changes during it ask for one more after it (see refresh). */
  const refreshing = useRef(false);
  const again = useRef(false);
  const filterKey = JSON.stringify(filter);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const anchorRef = useRef(anchorId);
  anchorRef.current = anchorId;

  const fetchPage = useCallback(async (page: number) => {
    const r = await api.call['queue.page']({ offset: page * PAGE_SIZE, limit: PAGE_SIZE, filter: filterRef.current });
    return r.ok ? r.value : null;
  }, []);

  /**
   * Refetches the pages in view and the anchor's place. Never more than one at a time: a change arriving while one
   * is out asks for exactly one more after it, and the answer in flight is still shown. (Superseding it instead
   * starved the pane during a large spool import: batches came faster than the core answered, so no refresh and no
   * page fetched on scrolling ever landed, and rows stayed "loading".)
   */
  const refresh = useCallback(async () => {
    if (refreshing.current) {
      again.current = true;
      return;
    }
    refreshing.current = true;
    try {
      do {
        again.current = false;
        const gen = generation.current;
        const id = anchorRef.current;
        const [where, ...results] = await Promise.all([
          id ? api.call['queue.indexOf']({ id, filter: filterRef.current }) : Promise.resolve(null),
          ...[...wanted.current].map(async (p) => [p, await fetchPage(p)] as const),
        ]);
        if (gen !== generation.current) continue; // fetched for another filter: the new filter asked for another round
        const next = new Map<number, QueueRowItem[]>();
        let count: number | null = null;
        for (const [p, value] of results) {
          if (!value) continue;
          next.set(p, value.items);
          count = value.total;
          setAtRiskMinutes(value.atRiskMinutes);
        }
        if (count !== null) setTotal(count);
        // Pages scrolled to while this round was out (fetched on demand) stay until the next round covers them.
        setPages((prev) => {
          for (const p of wanted.current) if (!next.has(p) && prev.has(p)) next.set(p, prev.get(p)!);
          return next;
        });
        if (id && where && where.ok) setAnchor({ id, index: where.value.index });
      } while (again.current);
    } finally {
      refreshing.current = false;
    }
  }, [fetchPage]);

  // A new filter starts from the top.
  useEffect(() => {
    generation.current++;
    wanted.current = new Set([0]);
    setPages(new Map());
    void refresh();
  }, [filterKey, refresh]);
  useChanges((t) => t === topic.queue || t === 'settings', () => void refresh());

  /** Tell the hook which rows are on screen; missing pages load. */
  const ensureRange = useCallback(
    (first: number, last: number) => {
      const next = new Set<number>();
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) next.add(p);
      wanted.current = next;
      for (const p of next) {
        const gen = generation.current;
        const key = `${gen}:${p}`;
        if (pages.has(p) || inFlight.current.has(key)) continue;
        inFlight.current.add(key);
        void fetchPage(p)
          .then((value) => {
            // Shown unless the filter changed meanwhile; a refresh that already brought this page wins (it is newer).
            if (!value || gen !== generation.current) return;
            setTotal(value.total);
            setPages((prev) => (prev.has(p) ? prev : new Map(prev).set(p, value.items)));
          })
          .catch(() => {}) // a failed call leaves the page missing: the next range change or refresh asks again
          .finally(() => inFlight.current.delete(key));
      }
    },
    [fetchPage, pages],
  );

  const itemAt = useCallback((index: number): QueueRowItem | undefined => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [pages]);
  return { total, itemAt, ensureRange, atRiskMinutes, anchor };
}
