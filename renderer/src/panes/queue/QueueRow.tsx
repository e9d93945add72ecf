import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueRowItem } from '../../../../shared/contract/queue';
import { Countdown } from '../../app/Countdown';
import classes from './QueuePane.module.css';

// Inline (set through the CSSOM, allowed by the CSP) because Mantine sets a badge's colours inline too: the app
// tokens have a light and a dark value, each AA on the pane.
const VIP = { background: 'var(--vip)', color: 'var(--pane)' };
const SEVERE = { color: 'var(--breach)', borderColor: 'var(--breach)', background: 'transparent' };

/** One queue row: customer (VIP, severe), live countdown (with its "why"), subject, category · status, owner. */
export function QueueRow({ item, atRiskMinutes, why }: { item: QueueRowItem; atRiskMinutes: number; why: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={classes.line}>
        {item.tier === 'vip' && (
          <Badge size="xs" radius="sm" className={classes.badge} style={VIP}>
            {t('tier.vip')}
          </Badge>
        )}
        {item.severity === 'severe' && (
          <Badge size="xs" radius="sm" variant="outline" className={classes.badge} style={SEVERE}>
            {t('queue.severe')}
          </Badge>
        )}
        <span className={classes.customer}>{item.customerName}</span>
        <span className={classes.due} title={why}>
          <Countdown dueAt={item.dueAt} pausedAt={item.pausedAt} atRiskMinutes={atRiskMinutes} />
          {item.calendarFallback && (
            <span className={classes.calendarFlag} role="img" aria-label={t('queue.why.calendarFallback')}>
              ⚠
            </span>
          )}
        </span>
      </span>
      <span className={`${classes.line} ${classes.subject}`}>{item.subject}</span>
      <span className={`${classes.line} ${classes.meta}`}>
        <span className={classes.tags}>
          {t(`category.${item.category}`)} · {t(`status.${item.status}`)}
          {item.ownerAway && <> · {t('conversation.ownerAway')}</>}
        </span>
        {/* Who has it now: routing's pick (or a re-route) before the dedicated owner; "unassigned" only when nobody. */}
        <span className={classes.owner}>{item.assigneeName ?? item.ownerName ?? t('queue.noOwner')}</span>
      </span>
    </>
  );
}
