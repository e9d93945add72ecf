import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { CATEGORIES } from '../../../../shared/schema';
import type { QueueFilter } from '../../../../shared/schema/savedView';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { useSession } from '../../app/session';

export const EMPTY_FILTER: QueueFilter = { scope: 'team', categories: [], tiers: [], statuses: [], urgencies: [], text: '' };
const STATUSES = ['queued', 'open', 'pending'] as const;
const URGENCIES = ['breached', 'at_risk', 'calm'] as const;
const one = <T,>(v: string): T[] => (v ? [v as T] : []);

/** Scope, category, tier, status, urgency and text filters, and the agent's saved views. */
export function QueueFilters({ filter, onChange, textRef }: { filter: QueueFilter; onChange(f: QueueFilter): void; textRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const session = useSession();
  const views = useCall('views.list', {}, [`views:${session.agent.id}`]);
  const [name, setName] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const set = (patch: Partial<QueueFilter>) => onChange({ ...filter, ...patch });
  const list = views.status === 'ok' ? views.value : [];
  const current = list.find((v) => JSON.stringify(v.filter) === JSON.stringify(filter));

  const save = async () => {
    const r = await api.call['views.save']({ name: name.trim(), filter });
    setError(r.ok ? null : r.error);
    if (r.ok) setName('');
  };

  return (
    <div className="queue-filters">
      <div className="filter-row">
        <select aria-label={t('queue.filter.scope')} value={filter.scope} onChange={(e) => set({ scope: e.target.value as QueueFilter['scope'] })}>
          {(['team', 'mine', 'unassigned'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`queue.scope.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('queue.filter.category')} value={filter.categories[0] ?? ''} onChange={(e) => set({ categories: one(e.target.value) })}>
          <option value="">{t('queue.filter.allCategories')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('queue.filter.tier')} value={filter.tiers[0] ?? ''} onChange={(e) => set({ tiers: one(e.target.value) })}>
          <option value="">{t('queue.filter.allTiers')}</option>
          <option value="vip">{t('tier.vip')}</option>
          <option value="normal">{t('tier.normal')}</option>
        </select>
        <select aria-label={t('queue.filter.status')} value={filter.statuses[0] ?? ''} onChange={(e) => set({ statuses: one(e.target.value) })}>
          <option value="">{t('queue.filter.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('queue.filter.urgency')} value={filter.urgencies.join(',')} onChange={(e) => set({ urgencies: e.target.value ? (e.target.value.split(',') as QueueFilter['urgencies']) : [] })}>
          <option value="">{t('queue.filter.allUrgencies')}</option>
          <option value="breached,at_risk">{t('queue.urgency.breachedOrAtRisk')}</option>
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {t(`queue.urgency.${u}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-row">
        <input ref={textRef} type="search" aria-label={t('queue.filter.text')} placeholder={t('queue.filter.textPlaceholder')} value={filter.text} maxLength={200} onChange={(e) => set({ text: e.target.value })} />
        <select
          aria-label={t('queue.views.label')}
          value={current?.id ?? ''}
          onChange={(e) => {
            const v = list.find((x) => x.id === e.target.value);
            onChange(v ? v.filter : EMPTY_FILTER);
          }}
        >
          <option value="">{current ? t('queue.views.none') : t('queue.views.custom')}</option>
          {list.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        {current && (
          <button type="button" aria-label={t('queue.views.deleteLabel', { name: current.name })} onClick={() => void api.call['views.delete']({ id: current.id })}>
            {t('queue.views.delete')}
          </button>
        )}
      </div>
      <div className="filter-row">
        <input aria-label={t('queue.views.name')} placeholder={t('queue.views.name')} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        <button type="button" disabled={!name.trim()} onClick={() => void save()}>
          {t('queue.views.save')}
        </button>
        {JSON.stringify(filter) !== JSON.stringify(EMPTY_FILTER) && (
          <button type="button" onClick={() => onChange(EMPTY_FILTER)}>
            {t('queue.filter.clear')}
          </button>
        )}
      </div>
      {error && <ErrorText error={error} />}
    </div>
  );
}
