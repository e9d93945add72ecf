import { Badge, Button, Progress, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchFilters } from '../../../../shared/contract/search';
import { formatTime } from '../../app/format';
import { Dialog } from '../../app/ui/Dialog';
import { Highlighted } from './Highlighted';
import { SearchFiltersBar } from './SearchFiltersBar';
import { useSearch } from './useSearch';
import classes from './search.module.css';

/**
 * One box across messages, customers and conversations (Ctrl/Cmd+K or the button), in the app's Dialog. Arrow
 * keys move through the hits, Enter or a click opens the hit's conversation. While the index is still being built
 * the dialog says how far it is, and searches what is indexed so far. Loaded on demand (SearchLauncher).
 */
export default function SearchDialog({ onOpen, onClose }: { onOpen(conversationId: string): void; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [active, setActive] = useState(0);
  const { result, hits, generation, more, loadingMore, progress } = useSearch(q, filters);
  const box = useRef<HTMLInputElement>(null);
  const hasMore = !!result && result.nextOffset !== null;
  useEffect(() => {
    setActive(0);
  }, [generation]);
  // The "more" button goes away with the last page: give the focus back to the box rather than to the page.
  const hadMore = useRef(false);
  useEffect(() => {
    if (hadMore.current && !hasMore && (document.activeElement === document.body || document.activeElement === null)) box.current?.focus();
    hadMore.current = hasMore;
  }, [hasMore]);
  const open = (i: number) => {
    const id = hits[i]?.conversationId;
    if (!id) return;
    onOpen(id);
    onClose();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      // Past the last hit shown, the next page is fetched (the same as the "more" button).
      if (active >= hits.length - 1 && hasMore) more();
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(active);
    }
  };
  // Keep the hit under the keyboard in view as it moves. (Braces: scrollIntoView returns a promise in recent
  // Chromium, and an effect must return nothing or a cleanup function.)
  useEffect(() => {
    document.getElementById(`search-hit-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  return (
    <Dialog title={t('search.title')} onClose={onClose} size={760}>
      <div className={classes.head}>
        <TextInput
          ref={box}
          type="search"
          role="combobox"
          data-autofocus
          aria-expanded={hits.length > 0}
          aria-controls="search-results"
          aria-activedescendant={hits[active] ? `search-hit-${active}` : undefined}
          aria-label={t('search.box')}
          placeholder={t('search.placeholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <SearchFiltersBar filters={filters} onChange={setFilters} />
        {progress && !progress.ready && (
          <p role="status" className={classes.status}>
            {t('search.indexing', { indexed: progress.indexed.toLocaleString(i18n.language), total: progress.total.toLocaleString(i18n.language) })}
            <Progress className={classes.progress} size="sm" value={progress.total ? (progress.indexed / progress.total) * 100 : 0} aria-label={t('search.indexProgress')} />
          </p>
        )}
        {result && (
          <p className={classes.status} role="status">
            {result.totalExact ? t('search.count', { count: result.total }) : t('search.countAtLeast', { count: result.total })}
            {hits.length > 0 && <> · {t('search.shown', { count: hits.length })}</>}
          </p>
        )}
      </div>
      <ul id="search-results" role="listbox" aria-label={t('search.results')} className={classes.results}>
        {hits.map((h, i) => (
          <li key={`${h.kind}:${h.id}`} id={`search-hit-${i}`} role="option" aria-selected={i === active} className={classes.hit} onMouseEnter={() => setActive(i)} onClick={() => open(i)}>
            <span className={classes.title}>
              <Badge size="xs" variant="light" radius="sm" className={classes.kind}>
                {t(`search.kind.${h.kind}`)}
              </Badge>
              <span>{h.kind === 'customer' ? <Highlighted text={h.snippet} marks={h.marks} /> : h.title}</span>
            </span>
            {h.kind !== 'customer' && (
              <span className={classes.snippet}>
                <Highlighted text={h.snippet} marks={h.marks} />
              </span>
            )}
            <span className={classes.meta}>
              {h.customerName}
              {h.category && <> · {t(`category.${h.category}`)}</>}
              {h.author && <> · {t(`conversation.author.${h.author}`)}</>} · {formatTime(h.at, i18n.language)}
            </span>
          </li>
        ))}
      </ul>
      {hasMore && (
        // Not `disabled` while loading: a disabled button drops the keyboard focus. The name stays the same.
        <div className={classes.more}>
          <Button variant="default" size="xs" aria-busy={loadingMore} aria-disabled={loadingMore} aria-controls="search-results" title={loadingMore ? t('search.loadingMore') : undefined} onClick={more}>
            {t('search.more')}
          </Button>
        </div>
      )}
      {result && hits.length === 0 && <p className={classes.empty}>{t('search.none')}</p>}
    </Dialog>
  );
}
