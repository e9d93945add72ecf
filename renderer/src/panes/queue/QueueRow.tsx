import { useTranslation } from 'react-i18next';
import type { QueueRowItem } from '../../../../shared/contract/queue';
import { Countdown } from '../../app/Countdown';

/** One queue row: customer (VIP mark), subject, category, status, live countdown (with its "why"), owner. */
export function QueueRow({ item, atRiskMinutes, why }: { item: QueueRowItem; atRiskMinutes: number; why: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="row-line">
        {item.tier === 'vip' && <span className="vip">{t('tier.vip')}</span>}
        {item.severity === 'severe' && <span className="severe-mark">{t('queue.severe')}</span>}
        <span className="customer">{item.customerName}</span>
        <span className="due" title={why}>
          <Countdown dueAt={item.dueAt} pausedAt={item.pausedAt} atRiskMinutes={atRiskMinutes} />
          {item.calendarFallback && <span className="calendar-flag" aria-label={t('queue.why.calendarFallback')}>⚠</span>}
        </span>
      </span>
      <span className="row-line subject">{item.subject}</span>
      <span className="row-line meta">
        <span className={`chip cat-${item.category}`}>{t(`category.${item.category}`)}</span>
        <span className="chip">{t(`status.${item.status}`)}</span>
        {item.ownerAway && <span className="chip owner-away">{t('conversation.ownerAway')}</span>}
        <span className="owner">{item.ownerName ?? t('queue.noOwner')}</span>
      </span>
    </>
  );
}
