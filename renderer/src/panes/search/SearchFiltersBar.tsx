import { useTranslation } from 'react-i18next';
import type { SearchFilters } from '../../../../shared/contract/search';
import { CATEGORIES, type Category } from '../../../../shared/schema';
import { useSession } from '../../app/session';

const DAY = 24 * 3600_000;
/** A yyyy-mm-dd field as a Shanghai-day boundary (the service's calendar), in epoch ms. */
const dayStart = (v: string) => Date.parse(`${v}T00:00:00+08:00`);

/** Category, date range, customer (id) and agent filters, each labelled. */
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
    <div className="search-filters">
      <label>
        {t('search.category')}{' '}
        <select value={filters.category ?? ''} onChange={(e) => set({ category: (e.target.value || undefined) as Category | undefined })}>
          <option value="">{t('search.any')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('search.agent')}{' '}
        <select value={filters.agentId ?? ''} onChange={(e) => set({ agentId: e.target.value || undefined })}>
          <option value="">{t('search.any')}</option>
          {agents.filter((a) => a.role !== 'trainee').map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('search.customer')}{' '}
        <input value={filters.customerId ?? ''} placeholder="cu-0001" size={9} onChange={(e) => set({ customerId: e.target.value.trim() || undefined })} />
      </label>
      <label>
        {t('search.from')} <input type="date" value={toDate(filters.from)} onChange={(e) => set({ from: e.target.value ? dayStart(e.target.value) : undefined })} />
      </label>
      <label>
        {t('search.to')} <input type="date" value={toDate(filters.to, true)} onChange={(e) => set({ to: e.target.value ? dayStart(e.target.value) + DAY - 1 : undefined })} />
      </label>
    </div>
  );
}
