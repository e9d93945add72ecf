import type { TFunction } from 'i18next';
import type { QueueRowItem } from '../../../../shared/contract/queue';
import { formatDuration, formatTime } from '../../app/format';

/** One line saying why a row is due when it is (rule, clock start, pauses): the row's tooltip. */
export function dueSummary(item: QueueRowItem, t: TFunction, locale: string, hours: { normal: number; vip: number }, workingDays: number): string {
  if (item.dueAt === null || item.clockStartedAt === null) return t('queue.why.none');
  const rule =
    item.category === 'complaint'
      ? t('queue.why.complaint', { days: workingDays })
      : t('queue.why.response', { hours: hours[item.tier], tier: t(`tier.${item.tier}`) });
  const parts = [rule, t(`queue.why.clock.${item.clock ?? 'handover'}`, { at: formatTime(item.clockStartedAt, locale) })];
  if (item.pausedMs > 0) parts.push(t('queue.why.pausedBefore', { time: formatDuration(item.pausedMs, t) }));
  if (item.pausedAt !== null) parts.push(t('queue.why.pausedSince', { at: formatTime(item.pausedAt, locale) }));
  if (item.calendarFallback) parts.push(t('queue.why.calendarFallback'));
  if (item.escalated) parts.push(t('queue.why.escalated'));
  return parts.join(' · ');
}
