import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { Settings } from '../../../../shared/schema';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { alertError, usePlacedError } from '../../app/fieldErrors';
import { useSession } from '../../app/session';
import { Dialog } from '../../app/ui/Dialog';
import classes from './SettingsDialog.module.css';

type Key = 'normal' | 'vip' | 'days' | 'atRisk' | 'lockAfter';
/** Each field: its label, where the core's validation points (errors.fields paths), its step and minimum. */
const FIELDS: { key: Key; label: string; path: string; step: number; min: number }[] = [
  { key: 'normal', label: 'settings.normalHours', path: 'slaHours/normal', step: 0.5, min: 0.5 },
  { key: 'vip', label: 'settings.vipHours', path: 'slaHours/vip', step: 0.5, min: 0.5 },
  { key: 'days', label: 'settings.complaintDays', path: 'complaintWorkingDays', step: 1, min: 1 },
  { key: 'atRisk', label: 'settings.atRiskMinutes', path: 'atRiskMinutes', step: 1, min: 1 },
  { key: 'lockAfter', label: 'settings.lockAfterMinutes', path: 'lockAfterMinutes', step: 1, min: 0 },
];
const PATHS = Object.fromEntries(FIELDS.map((f) => [f.key, f.path])) as Record<Key, string>;

/**
 * The team's SLA numbers. Everyone can read them; only a lead can change them (the core enforces it too, and
 * validates and audits every change). Opened lazily from the queue's settings button.
 */
export default function SettingsDialog({ settings, onClose }: { settings: Settings; onClose(): void }) {
  const { t } = useTranslation();
  const lead = useSession().agent.role === 'lead';
  const values: Record<Key, number> = {
    normal: settings.slaHours.normal,
    vip: settings.slaHours.vip,
    days: settings.complaintWorkingDays,
    atRisk: settings.atRiskMinutes,
    lockAfter: settings.lockAfterMinutes,
  };
  return (
    <Dialog title={t('settings.title')} onClose={onClose} size="md">
      {lead ? <SettingsForm initial={values} /> : <SettingsValues values={values} />}
    </Dialog>
  );
}
export { SettingsDialog };

/** Read-only for everyone but a lead: values, not fields that look editable. */
function SettingsValues({ values }: { values: Record<Key, number> }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('settings.leadOnly')}
      </Text>
      <dl className={classes.values}>
        {FIELDS.map((f) => (
          <div key={f.key} className={classes.value}>
            <dt>{t(f.label)}</dt>
            <dd>{values[f.key].toLocaleString(i18n.language)}</dd>
          </div>
        ))}
      </dl>
    </Stack>
  );
}

/** A lead's form: number fields, each with the core's message for it underneath; Save applies all at once. */
function SettingsForm({ initial }: { initial: Record<Key, number> }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState(false);
  const placed = usePlacedError<Key>(error, PATHS, { vip_over_normal: 'vip', at_risk_too_long: 'atRisk' });
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
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="sm">
        {FIELDS.map((f, i) => (
          <TextInput
            key={f.key}
            type="number"
            label={t(f.label)}
            min={f.min}
            step={f.step}
            value={Number.isFinite(form[f.key]) ? String(form[f.key]) : ''}
            onChange={(e) => {
              setSaved(false);
              setForm({ ...form, [f.key]: e.currentTarget.valueAsNumber });
            }}
            error={placed.byField[f.key]}
            {...alertError}
            data-autofocus={i === 0 ? true : undefined}
          />
        ))}
        {placed.rest && <ErrorText error={placed.rest} />}
        {saved && <p role="status">{t('settings.saved')}</p>}
        <Group>
          <Button type="submit">{t('settings.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
