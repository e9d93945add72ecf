import { Button, CloseButton, Group, SegmentedControl, TextInput } from '@mantine/core';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '../../../../shared/schema/savedView';
import { activeFilters, EMPTY_FILTER, isEmptyFilter, SCOPES } from './filterModel';
import { FilterPopover } from './FilterPopover';
import { SearchIcon } from './icons';
import { SavedViews } from './SavedViews';
import classes from './QueueFilters.module.css';

export { EMPTY_FILTER };

/**
 * One compact bar over the queue: the text filter (`/` focuses it), the other filters behind a button, saved views;
 * under it the scope (team / mine / unassigned) and, only while something is filtered, one removable chip per
 * active filter and "clear all".
 */
export function QueueFilters({ filter, onChange, textRef }: { filter: QueueFilter; onChange(f: QueueFilter): void; textRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const chips = activeFilters(filter, t);
  return (
    <div className={classes.bar}>
      <div className={classes.row}>
        <TextInput
          ref={textRef}
          type="search"
          size="xs"
          className={classes.grow}
          leftSection={<SearchIcon />}
          aria-label={t('queue.filter.text')}
          placeholder={t('queue.filter.textPlaceholder')}
          value={filter.text}
          maxLength={200}
          onChange={(e) => onChange({ ...filter, text: e.currentTarget.value })}
        />
        <FilterPopover filter={filter} onChange={onChange} />
        <SavedViews filter={filter} onChange={onChange} />
      </div>
      <div className={classes.row}>
        <SegmentedControl
          size="xs"
          className={classes.scope}
          aria-label={t('queue.filter.scope')}
          value={filter.scope}
          onChange={(v) => onChange({ ...filter, scope: v as QueueFilter['scope'] })}
          data={SCOPES.map((s) => ({ value: s, label: t(`queue.scope.${s}`) }))}
        />
        {!isEmptyFilter(filter) && (
          <Group gap={4} className={classes.chips} role="group" aria-label={t('queue.filter.active')}>
            {chips.map((c) => (
              <span key={c.id} className={classes.chip}>
                {t('queue.filter.chip', { group: c.group, value: c.value })}
                <CloseButton size="xs" aria-label={t('queue.filter.remove', { filter: `${c.group} ${c.value}` })} onClick={() => onChange(c.without)} />
              </span>
            ))}
            <Button size="compact-xs" variant="subtle" onClick={() => onChange(EMPTY_FILTER)}>
              {t('queue.filter.clear')}
            </Button>
          </Group>
        )}
      </div>
    </div>
  );
}
