import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REMINDERS_TOPIC, type ReminderView } from '../../../../shared/contract/reminders';
import { REMINDER_PRESETS, type ReminderPreset } from '../../../../shared/rules/reminderPresets';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { formatTime } from '../../app/format';
import { useSession } from '../../app/session';
import { Modal } from '../canned/Modal';
import './reminders.css';

const BUCKETS = ['due', 'overdue', 'upcoming', 'done'] as const;

/** The reminders view: the agent's own by bucket, with complete / snooze again / delete; leads also see the team's overdue ones. */
export function RemindersView({ onClose, onOpen }: { onClose(): void; onOpen(conversationId: string): void }) {
  const { t } = useTranslation();
  const session = useSession();
  // The clock topic: buckets move (upcoming → due → overdue) as time passes.
  const mine = useCall('reminders.list', {}, [REMINDERS_TOPIC, 'clock']);
  const list = mine.status === 'ok' ? mine.value : [];
  const open = (r: ReminderView) => {
    onOpen(r.conversationId);
    onClose();
  };

  return (
    <Modal title={t('reminders.title')} onClose={onClose} className="reminders-view">
      <button type="button" className="reminders-close" onClick={onClose}>
        {t('reminders.close')}
      </button>
      {BUCKETS.map((b) => {
        const rows = list.filter((r) => r.bucket === b);
        return (
          <section key={b} aria-label={t(`reminders.bucket.${b}`)}>
            <h3>
              {t(`reminders.bucket.${b}`)} ({rows.length})
            </h3>
            {rows.length === 0 ? <p className="muted">{t('reminders.none')}</p> : <ReminderRows rows={rows} onOpen={open} own />}
          </section>
        );
      })}
      {session.agent.role === 'lead' && <TeamOverdue onOpen={open} />}
    </Modal>
  );
}

function TeamOverdue({ onOpen }: { onOpen(r: ReminderView): void }) {
  const { t } = useTranslation();
  const team = useCall('reminders.teamOverdue', {}, [REMINDERS_TOPIC, 'clock']);
  const rows = team.status === 'ok' ? team.value : [];
  return (
    <section aria-label={t('reminders.team')}>
      <h3>{t('reminders.team')}</h3>
      {rows.length === 0 ? <p className="muted">{t('reminders.teamNone')}</p> : <ReminderRows rows={rows} onOpen={onOpen} own={false} />}
    </section>
  );
}

function ReminderRows({ rows, onOpen, own }: { rows: ReminderView[]; onOpen(r: ReminderView): void; own: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="reminder-rows">
      {rows.map((r) => (
        <li key={r.id} className={`reminder ${r.bucket}`}>
          <span className="reminder-main">
            <strong>{formatTime(r.dueAt, i18n.language)}</strong> {r.subject} · {r.customerName}
            {!own && <> · {r.agentName}</>}
            {r.late && <span className="late"> · {t('reminders.late')}</span>}
            {r.note && <span className="reminder-note">{r.note}</span>}
          </span>
          <span className="reminder-actions">
            <button type="button" aria-label={t('reminders.openLabel', { subject: r.subject })} onClick={() => onOpen(r)}>
              {t('reminders.openConversation')}
            </button>
            {own && r.status !== 'done' && (
              <button type="button" aria-label={t('reminders.completeLabel', { subject: r.subject })} onClick={() => void api.call['reminders.complete']({ id: r.id })}>
                {t('reminders.complete')}
              </button>
            )}
            {own && <SnoozeAgain r={r} />}
            {own && (
              <button type="button" aria-label={t('reminders.deleteLabel', { subject: r.subject })} onClick={() => void api.call['reminders.delete']({ id: r.id })}>
                {t('reminders.delete')}
              </button>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

function SnoozeAgain({ r }: { r: ReminderView }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  return (
    <select
      aria-label={t('reminders.snoozeLabel', { subject: r.subject })}
      value={value}
      onChange={(e) => {
        const preset = e.target.value as ReminderPreset;
        setValue('');
        if (preset) void api.call['reminders.snooze']({ id: r.id, when: { preset } });
      }}
    >
      <option value="">{t('reminders.snoozeAgain')}</option>
      {REMINDER_PRESETS.map((p) => (
        <option key={p} value={p}>
          {t(`reminders.presets.${p}`)}
        </option>
      ))}
    </select>
  );
}

/** Header button: the reminders view, with how many are due or overdue. */
export function RemindersButton({ onOpen }: { onOpen(conversationId: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const mine = useCall('reminders.list', {}, [REMINDERS_TOPIC, 'clock']);
  const waiting = mine.status === 'ok' ? mine.value.filter((r) => r.bucket === 'due' || r.bucket === 'overdue').length : 0;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {waiting ? t('reminders.openWithCount', { count: waiting }) : t('reminders.open')}
      </button>
      {open && <RemindersView onClose={() => setOpen(false)} onOpen={onOpen} />}
    </>
  );
}
