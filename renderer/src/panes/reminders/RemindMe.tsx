import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { REMINDERS_TOPIC, type ReminderWhen } from '../../../../shared/contract/reminders';
import { REMINDER_PRESETS, type ReminderPreset } from '../../../../shared/rules/reminderPresets';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import './reminders.css';

/** A datetime-local value is read as Shanghai time, like every time the app shows. */
const fromLocalInput = (v: string) => Date.parse(`${v}:00+08:00`);

/**
 * "Remind me" on a conversation: a preset or a chosen time, a note, and (for a conversation waiting for the
 * customer) the choice to hide it from the queue until then.
 */
export function RemindMe({ conversationId, pending = false }: { conversationId: string; pending?: boolean }) {
  const { t, i18n } = useTranslation();
  const mine = useCall('reminders.list', { conversationId }, [REMINDERS_TOPIC]);
  const [open, setOpen] = useState(false);
  const [preset, setPreset] = useState<ReminderPreset | 'custom'>('in_1_hour');
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const [snooze, setSnooze] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const active = mine.status === 'ok' ? mine.value.filter((r) => r.status !== 'done') : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const when: ReminderWhen = preset === 'custom' ? { at: fromLocalInput(at) } : { preset };
    const r = await api.call['reminders.create']({ conversationId, when, note, snooze: pending && snooze });
    if (!r.ok) return setError(r.error);
    setError(null);
    setDone(r.value.dueAt);
    setOpen(false);
    setNote('');
  };

  return (
    <div className="remind-me">
      <button type="button" aria-expanded={open} aria-label={t('reminders.remindMeLabel')} onClick={() => setOpen((o) => !o)}>
        {t('reminders.remindMe')}
      </button>
      {active.length > 0 && <span className="reminder-count">{t('reminders.onThis', { count: active.length })}</span>}
      {done !== null && !open && (
        <span role="status" className="reminder-set">
          {t('reminders.setDone', { time: formatTime(done, i18n.language) })}
        </span>
      )}
      {open && (
        <form className="remind-me-form" onSubmit={submit} aria-label={t('reminders.remindMeLabel')}>
          <fieldset>
            <legend>{t('reminders.when')}</legend>
            {[...REMINDER_PRESETS, 'custom' as const].map((p) => (
              <label key={p}>
                <input type="radio" name={`remind-${conversationId}`} checked={preset === p} onChange={() => setPreset(p)} /> {t(`reminders.presets.${p}`)}
              </label>
            ))}
            {preset === 'custom' && (
              <label>
                {t('reminders.at')} <input type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
              </label>
            )}
          </fieldset>
          <label>
            {t('reminders.note')} <input type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          {pending && (
            <label>
              <input type="checkbox" checked={snooze} onChange={(e) => setSnooze(e.target.checked)} /> {t('reminders.snooze')}
            </label>
          )}
          <span className="reminder-actions">
            <button type="submit" className="primary">
              {t('reminders.set')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('reminders.cancel')}
            </button>
          </span>
          {error && <ErrorText error={error} />}
        </form>
      )}
    </div>
  );
}
