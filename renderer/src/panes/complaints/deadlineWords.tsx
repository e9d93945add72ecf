import type { TFunction } from 'i18next';
import type { ComplaintView } from '../../../../shared/contract/complaints';
import { formatTime } from '../../app/format';
import classes from './complaints.module.css';

/**
 * Where a complaint stands against its deadline, in words and the SLA colours: "7 working days left", "due today",
 * "overdue by 2 working days"; closed ones say on time or late.
 */
export function DeadlineWords({ c, t, locale }: { c: ComplaintView; t: TFunction; locale: string }) {
  const due = t('complaints.deadline', { at: formatTime(c.dueAt, locale) });
  if (c.status === 'closed') {
    return (
      <span>
        {due} · <span className={c.bucket === 'closed_late' ? classes.overdue : undefined}>{t(`complaints.bucket.${c.bucket}`)}</span>
      </span>
    );
  }
  const left = c.workingDaysLeft ?? 0;
  const overdue = c.bucket === 'overdue';
  const words = overdue ? (left < 0 ? t('complaints.overdueBy', { count: -left }) : t('complaints.overdue')) : left === 0 ? t('complaints.dueToday') : t('complaints.left', { count: left });
  return (
    <span>
      {due} · <span className={overdue ? classes.overdue : c.bucket === 'due_soon' ? classes.dueSoon : undefined}>{words}</span>
    </span>
  );
}
