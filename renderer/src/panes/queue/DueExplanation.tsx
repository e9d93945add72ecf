import { useTranslation } from 'react-i18next';
import { topic } from '../../../../shared/contract';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { formatDuration, formatTime } from '../../app/format';
import classes from './DueExplanation.module.css';

/**
 * "Why is this due then?" for one conversation: the rule, the clock that runs and since when, the pauses, the
 * working days counted, and a warning when the calendar data did not cover a year. A disclosure to drop into the
 * conversation header: `<DueExplanation conversationId={id} />`.
 */
export function DueExplanation({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation();
  const r = useCall('sla.explain', { id: conversationId }, [topic.conversation(conversationId), 'settings', topic.clock]);
  const at = (ms: number) => formatTime(ms, i18n.language);
  if (r.status === 'error') return <ErrorText error={r.error} />;
  if (r.status !== 'ok') return null;
  const e = r.value;
  return (
    <details className={classes.explanation}>
      <summary>{t('queue.explain.summary')}</summary>
      {e.state !== 'owed' ? (
        <p>{t(`queue.explain.state.${e.state}`)}</p>
      ) : (
        <ul aria-label={t('queue.explain.summary')}>
          <li>{e.rule === 'complaint' ? t('queue.why.complaint', { days: e.targetWorkingDays }) : t('queue.why.response', { hours: e.targetHours, tier: t(e.rule === 'response_vip' ? 'tier.vip' : 'tier.normal') })}</li>
          {e.clockStartedAt !== null && <li>{t(`queue.why.clock.${e.clock ?? 'handover'}`, { at: at(e.clockStartedAt) })}</li>}
          {e.workingDays.length > 0 && <li>{t('queue.explain.workingDays', { days: e.workingDays.join(', ') })}</li>}
          {e.pauses.map((p) => (
            <li key={p.from}>{p.to === null ? t('queue.why.pausedSince', { at: at(p.from) }) : t('queue.explain.pause', { from: at(p.from), to: at(p.to), time: formatDuration(p.to - p.from, t) })}</li>
          ))}
          {e.pausedMs > 0 && <li>{t('queue.why.pausedBefore', { time: formatDuration(e.pausedMs, t) })}</li>}
          {e.effectiveDueAt !== null && <li>{t('queue.explain.due', { at: at(e.effectiveDueAt) })}</li>}
          {e.uncoveredYears.length > 0 && (
            <li role="alert" className={classes.warning}>
              {t('queue.calendarBanner', { years: e.uncoveredYears.join(', ') })}
            </li>
          )}
        </ul>
      )}
    </details>
  );
}
