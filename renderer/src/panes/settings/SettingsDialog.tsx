import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { Settings } from '../../../../shared/schema';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { useSession } from '../../app/session';

/**
 * The team's SLA numbers. Everyone can read them; only a lead can change them (the core enforces it too, and
 * validates and audits every change).
 */
export function SettingsDialog({ settings, onClose }: { settings: Settings; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const lead = session.agent.role === 'lead';
  const [form, setForm] = useState({
    normal: settings.slaHours.normal,
    vip: settings.slaHours.vip,
    days: settings.complaintWorkingDays,
    atRisk: settings.atRiskMinutes,
    lockAfter: settings.lockAfterMinutes,
  });
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call['settings.update']({
      slaHours: { normal: form.normal, vip: form.vip },
      complaintWorkingDays: form.days,
      atRiskMinutes: form.atRisk,
      lockAfterMinutes: form.lockAfter,
    });
    setError(r.ok ? null : r.error);
    setSaved(r.ok);
  };
  const field = (key: keyof typeof form, label: string, step = 1, min = 1) => (
    <label>
      {label}
      <input
        ref={key === 'normal' ? first : undefined}
        type="number"
        min={min}
        step={step}
        value={Number.isFinite(form[key]) ? form[key] : ''}
        readOnly={!lead}
        onChange={(e) => setForm({ ...form, [key]: e.target.valueAsNumber })}
      />
    </label>
  );

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-label={t('settings.title')} className="dialog" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>{t('settings.title')}</h2>
        {!lead && <p className="hint">{t('settings.leadOnly')}</p>}
        {!lead ? (
          // Read-only for everyone but a lead: values, not fields that look editable.
          <>
            <dl className="settings-values">
              {(
                [
                  ['normal', 'settings.normalHours'],
                  ['vip', 'settings.vipHours'],
                  ['days', 'settings.complaintDays'],
                  ['atRisk', 'settings.atRiskMinutes'],
                  ['lockAfter', 'settings.lockAfterMinutes'],
                ] as const
              ).map(([key, label]) => (
                <div key={key}>
                  <dt>{t(label)}</dt>
                  <dd>{form[key].toLocaleString(i18n.language)}</dd>
                </div>
              ))}
            </dl>
            <div className="dialog-actions">
              <button type="button" onClick={onClose}>
                {t('settings.close')}
              </button>
            </div>
          </>
        ) : (
        <form onSubmit={(e) => void submit(e)} className="settings-form">
          {field('normal', t('settings.normalHours'), 0.5)}
          {field('vip', t('settings.vipHours'), 0.5)}
          {field('days', t('settings.complaintDays'))}
          {field('atRisk', t('settings.atRiskMinutes'))}
          {field('lockAfter', t('settings.lockAfterMinutes'), 1, 0)}
          {error && <ErrorText error={error} />}
          {saved && <p role="status">{t('settings.saved')}</p>}
          <div className="dialog-actions">
            {lead && (
              <button type="submit" className="primary">
                {t('settings.save')}
              </button>
            )}
            <button type="button" onClick={onClose}>
              {t('settings.close')}
            </button>
          </div>
        </form>
        )}
      </div>
    </div>
  );
}
