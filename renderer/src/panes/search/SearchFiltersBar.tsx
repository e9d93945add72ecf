import { NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchFilters } from '../../../../shared/contract/search';
import { CATEGORIES, type Category } from '../../../../shared/schema';
import { useSession } from '../../app/session';
import classes from './search.module.css';

const DAY = 24 * 3600_000;
/** A yyyy-mm-dd field as a Shanghai-day boundary (the service's calendar), in epoch ms. */
const dayStart = (v: string) => Date.parse(`${v}T00:00:00+08:00`);

/** Category, agent, customer (id) and date-range filters, each labelled; native selects and date fields. */
export function SearchFiltersBar({ filters, onChange }: { filters: SearchFilters; onChange(f: SearchFilters): void }) {
  const { t } = useTranslation();
  const { agents } = useSession();
  const set = (patch: Partial<SearchFilters>) => {
    const next = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof SearchFilters)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next);
  };
  const toDate = (ms: number | undefined, end = false) => (ms === undefined ? '' : new Date((end ? ms - DAY + 1 : ms) + 8 * 3600_000).toISOString().slice(0, 10));
  return (
    <div className={classes.filters}>
      <NativeSelect
        size="xs"
        label={t('search.category')}
        value={filters.category ?? ''}
        onChange={(e) => set({ category: (e.currentTarget.value || undefined) as Category | undefined })}
        data={[{ value: '', label: t('search.any') }, ...CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))]}
      />
      <NativeSelect
        size="xs"
        label={t('search.agent')}
        value={filters.agentId ?? ''}
        onChange={(e) => set({ agentId: e.currentTarget.value || undefined })}
        data={[{ value: '', label: t('search.any') }, ...agents.filter((a) => a.role !== 'trainee').map((a) => ({ value: a.id, label: a.name }))]}
      />
      <TextInput size="xs" label={t('search.customer')} value={filters.customerId ?? ''} placeholder="cu-0001" onChange={(e) => set({ customerId: e.currentTarget.value.trim() || undefined })} />
      <TextInput size="xs" type="date" label={t('search.from')} value={toDate(filters.from)} onChange={(e) => set({ from: e.currentTarget.value ? dayStart(e.currentTarget.value) : undefined })} />
      <TextInput size="xs" type="date" label={t('search.to')} value={toDate(filters.to, true)} onChange={(e) => set({ to: e.currentTarget.value ? dayStart(e.currentTarget.value) + DAY - 1 : undefined })} />
    </div>
  );
}
