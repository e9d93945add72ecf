import { useTranslation } from 'react-i18next';
import { urgencyAt, type Urgency } from '../../../shared/rules/urgency';
import { formatDuration } from './format';
import { useNow } from './session';

export type { Urgency };

/** Kept for callers that only know a due time (a running clock). */
export function urgencyOf(dueAt: number | null, now: number, atRiskMs = 2 * 3600_000): Urgency {
  return urgencyAt({ dueAt, slaPausedAt: null }, now, atRiskMs / 60_000);
}

/**
 * Time left (or overdue) to the due time, live: calm, at risk within the configured minutes, breached with how
 * long. A paused clock (pending) shows its frozen time left and does not tick.
 */
export function Countdown({ dueAt, pausedAt = null, atRiskMinutes = 120 }: { dueAt: number | null; pausedAt?: number | null; atRiskMinutes?: number }) {
  const { t } = useTranslation();
  const now = useNow();
  if (dueAt === null) return <span className="countdown none">{t('time.noDue')}</span>;
  const urgency = urgencyAt({ dueAt, slaPausedAt: pausedAt }, now, atRiskMinutes);
  const left = pausedAt !== null ? dueAt - pausedAt : dueAt - now;
  const text = urgency === 'breached' ? t('time.overdue', { time: formatDuration(-left, t) }) : t('time.left', { time: formatDuration(left, t) });
  if (pausedAt !== null) {
    return (
      <span className={`countdown ${urgency} paused`}>
        {t('time.paused')} · {text}
      </span>
    );
  }
  return <span className={`countdown ${urgency}`}>{text}</span>;
}
