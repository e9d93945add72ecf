import { useVirtualizer } from '@tanstack/react-virtual';
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '../../../../shared/schema/savedView';
import { topic } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { useSession } from '../../app/session';
import { QUEUE_LIST_ID } from '../../app/keyboard/focusPane';
import { dueSummary } from './dueSummary';
import { EMPTY_FILTER } from './filterModel';
import { QueueFilters } from './QueueFilters';
import { QueueHead } from './QueueHead';
import { QueueRow } from './QueueRow';
import { isTyping, moveFor } from './shortcuts';
import { useQueuePages } from './useQueuePages';
import classes from './QueuePane.module.css';

// Neither dialog is on the first screen: each loads when first opened.
const CheatSheet = lazy(() => import('./CheatSheet'));
const SettingsDialog = lazy(() => import('../settings/SettingsDialog'));

const ROW_HEIGHT = 76;
/** Each profile's filter is its own (a colleague signing in on this machine starts from theirs). */
const filterKey = (agentId: string) => `kefu.queueFilter.${agentId}`;

function rememberedFilter(agentId: string): QueueFilter {
  try {
    return { ...EMPTY_FILTER, ...(JSON.parse(localStorage.getItem(filterKey(agentId)) ?? '{}') as Partial<QueueFilter>) };
  } catch {
    return EMPTY_FILTER;
  }
}

/**
 * The priority queue: filters and saved views over a virtualised listbox (the DOM holds only the rows on screen).
 * The row under keyboard focus is tracked by conversation id, not index: when the order changes the list is
 * scrolled by the same amount the row moved, so it stays put under the agent's eyes. j/k or arrows move, Enter
 * opens, `r` goes to the reply box (app/keyboard), `?` lists the shortcuts.
 */
export function QueuePane({ selectedId, onSelect }: { selectedId: string | null; onSelect(id: string): void }) {
  const { t, i18n } = useTranslation();
  const { agent } = useSession();
  const [filter, setFilter] = useState<QueueFilter>(() => rememberedFilter(agent.id));
  const [activeId, setActiveId] = useState<string | null>(selectedId);
  const [help, setHelp] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { total, itemAt, ensureRange, atRiskMinutes, anchor } = useQueuePages(filter, activeId);
  const settings = useCall('settings.get', {}, ['settings']);
  const counts = useCall('queue.counts', {}, [topic.queue]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLInputElement>(null);
  const activeIndex = useRef<number | null>(null);

  const changeFilter = (f: QueueFilter) => {
    localStorage.setItem(filterKey(agent.id), JSON.stringify(f));
    activeIndex.current = null;
    setFilter(f);
  };

  // A conversation opened elsewhere (a notice, the customer's history) becomes the focused row, scrolled into view.
  const activeRef = useRef(activeId);
  activeRef.current = activeId;
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const scrollToId = useRef<(index: number) => void>(() => {});
  useEffect(() => {
    if (!selectedId || selectedId === activeRef.current) return;
    setActiveId(selectedId);
    void api.call['queue.indexOf']({ id: selectedId, filter: filterRef.current }).then((r) => {
      if (!r.ok || r.value.index < 0) return;
      activeIndex.current = r.value.index;
      scrollToId.current(r.value.index);
    });
  }, [selectedId]);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  scrollToId.current = (index) => virtualizer.scrollToIndex(index, { align: 'center' });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensureRange(first, last), [first, last, ensureRange]);

  // Keep the focused row where it was on screen when the order changes under it.
  useLayoutEffect(() => {
    if (!anchor || anchor.id !== activeId) return;
    const el = scrollRef.current;
    const before = activeIndex.current;
    if (anchor.index < 0) return; // it left this view (resolved, filtered out): the next row takes its place
    if (el && before !== null && before !== anchor.index) {
      const top = before * ROW_HEIGHT;
      const onScreen = top + ROW_HEIGHT > el.scrollTop && top < el.scrollTop + el.clientHeight;
      if (onScreen) el.scrollTop += (anchor.index - before) * ROW_HEIGHT;
    }
    activeIndex.current = anchor.index;
  }, [anchor, activeId]);

  // `?` opens the cheat sheet and `/` the text filter, from anywhere but a text field.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '?') {
        e.preventDefault();
        setHelp(true);
      } else if (e.key === '/') {
        e.preventDefault();
        textRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const indexOfActive = (): number => {
    if (activeIndex.current !== null && itemAt(activeIndex.current)?.id === activeId) return activeIndex.current;
    for (const v of items) if (itemAt(v.index)?.id === activeId) return v.index;
    return activeIndex.current ?? -1;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!total) return;
    if (e.key === 'Enter') {
      // Nothing focused yet (a fresh page): the first row, so Enter opens the top of the queue.
      const id = activeId ?? itemAt(Math.max(0, indexOfActive()))?.id;
      if (id) {
        e.preventDefault();
        onSelect(id);
      }
      return;
    }
    const next = moveFor(e.key, indexOfActive(), total);
    if (next === null) return;
    e.preventDefault();
    activeIndex.current = next;
    virtualizer.scrollToIndex(next);
    const item = itemAt(next);
    if (item) setActiveId(item.id);
  };

  const hours = settings.status === 'ok' ? settings.value.slaHours : { normal: 24, vip: 12 };
  const days = settings.status === 'ok' ? settings.value.complaintWorkingDays : 7;
  const uncovered = counts.status === 'ok' ? counts.value.uncoveredYears : [];

  return (
    <div className={classes.pane}>
      <QueueHead total={total} counts={counts} onSettings={() => setSettingsOpen(true)} onHelp={() => setHelp(true)} />
      {uncovered.length > 0 && (
        <p className={classes.banner} role="alert">
          {t('queue.calendarBanner', { years: uncovered.join(', ') })}
        </p>
      )}
      <QueueFilters filter={filter} onChange={changeFilter} textRef={textRef} />
      {total === 0 && <p className={classes.empty}>{t('queue.empty')}</p>}
      <div
        ref={scrollRef}
        id={QUEUE_LIST_ID}
        className={classes.scroll}
        role="listbox"
        aria-label={t('queue.listLabel')}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={activeId ? `queue-row-${activeId}` : undefined}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const item = itemAt(v.index);
            return (
              <div
                key={item?.id ?? `loading-${v.index}`}
                id={item ? `queue-row-${item.id}` : undefined}
                role="option"
                aria-selected={item !== undefined && item.id === selectedId}
                aria-label={item ? `${item.tier === 'vip' ? `${t('tier.vip')} ` : ''}${item.customerName} · ${item.subject}` : t('app.loading')}
                className={classes.row}
                data-active={item !== undefined && item.id === activeId ? '' : undefined}
                data-severe={item?.severity === 'severe' ? '' : undefined}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
                onClick={() => {
                  if (!item) return;
                  activeIndex.current = v.index;
                  setActiveId(item.id);
                  onSelect(item.id);
                }}
              >
                {item ? (
                  <QueueRow item={item} atRiskMinutes={atRiskMinutes} why={dueSummary(item, t, i18n.language, hours, days)} />
                ) : (
                  <span className={classes.line}>{t('app.loading')}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <Suspense fallback={null}>
        {help && <CheatSheet onClose={() => setHelp(false)} />}
        {settingsOpen && settings.status === 'ok' && <SettingsDialog settings={settings.value} onClose={() => setSettingsOpen(false)} />}
      </Suspense>
    </div>
  );
}
