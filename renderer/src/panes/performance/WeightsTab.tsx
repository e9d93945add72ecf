import { Button, Fieldset, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { PERFORMANCE_COMPONENTS, type PerformanceSettings, type Settings } from '../../../../shared/schema/settings';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { usePlacedError } from '../../app/fieldErrors';
import { fieldAlert } from '../intake-admin/fieldAlert';
import classes from './performance.module.css';

type TargetKey = keyof PerformanceSettings['targets'];
const TARGETS: { key: TargetKey; min: number; max: number; step: number }[] = [
  { key: 'firstResponseMinutes', min: 1, max: 24 * 60, step: 1 },
  { key: 'resolutionHours', min: 1, max: 24 * 30, step: 1 },
  { key: 'slaCompliancePct', min: 0, max: 100, step: 1 },
  { key: 'csatAverage', min: 1, max: 5, step: 0.1 },
  { key: 'upheldComplaintsPer100', min: 0, max: 100, step: 0.5 },
  { key: 'reopenPct', min: 0, max: 100, step: 1 },
  { key: 'trainingScore', min: 0, max: 100, step: 1 },
];
type Field = `weights.${(typeof PERFORMANCE_COMPONENTS)[number]}` | `targets.${TargetKey}` | 'minRatings' | 'minConversations';
/** Where settings.update's validation points for each field (errors.fields paths). */
const PATHS = Object.fromEntries(
  [...PERFORMANCE_COMPONENTS.map((c) => `weights.${c}`), ...TARGETS.map((x) => `targets.${x.key}`), 'minRatings', 'minConversations'].map((f) => [f, `performance/${f.replace('.', '/')}`]),
) as Record<Field, string>;

/** The lead's weights, targets and "enough data" thresholds of the score (settings.performance; audited in the core). */
export function WeightsTab() {
  const settings = useCall('settings.get', {}, ['settings']);
  if (settings.status === 'error') return <ErrorText error={settings.error} />;
  if (settings.status !== 'ok') return null;
  return <WeightsForm settings={settings.value} />;
}

function WeightsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const [perf, setPerf] = useState<PerformanceSettings>(settings.performance);
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState(false);
  const placed = usePlacedError<Field>(error, PATHS);
  const edit = (next: PerformanceSettings) => {
    setSaved(false);
    setPerf(next);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // settings.update takes the SLA numbers with any group; they are sent back unchanged from settings.get.
    const r = await api.call['settings.update']({ slaHours: settings.slaHours, complaintWorkingDays: settings.complaintWorkingDays, atRiskMinutes: settings.atRiskMinutes, performance: perf });
    setError(r.ok ? null : r.error);
    setSaved(r.ok);
  };
  const numberProps = (value: number, field: Field) => ({
    type: 'number',
    value: Number.isFinite(value) ? String(value) : '',
    error: placed.byField[field],
    ...fieldAlert,
  });
  return (
    // noValidate: the core's reasons show under each field, in the UI language (not the browser's bubble).
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Fieldset legend={t('performance.weights.weights')}>
          <div className={classes.fields}>
            {PERFORMANCE_COMPONENTS.map((c, i) => (
              <TextInput
                key={c}
                label={t(`performance.components.${c}`)}
                min={0}
                max={100}
                step={1}
                data-autofocus={i === 0 || undefined}
                onChange={(e) => edit({ ...perf, weights: { ...perf.weights, [c]: e.currentTarget.valueAsNumber } })}
                {...numberProps(perf.weights[c], `weights.${c}`)}
              />
            ))}
          </div>
        </Fieldset>
        <Fieldset legend={t('performance.weights.targets')}>
          <div className={classes.fields}>
            {TARGETS.map((x) => (
              <TextInput
                key={x.key}
                label={t(`performance.weights.target.${x.key}`)}
                min={x.min}
                max={x.max}
                step={x.step}
                onChange={(e) => edit({ ...perf, targets: { ...perf.targets, [x.key]: e.currentTarget.valueAsNumber } })}
                {...numberProps(perf.targets[x.key], `targets.${x.key}`)}
              />
            ))}
          </div>
        </Fieldset>
        <Fieldset legend={t('performance.weights.thresholds')}>
          <div className={classes.fields}>
            {(['minRatings', 'minConversations'] as const).map((k) => (
              <TextInput key={k} label={t(`performance.weights.${k}`)} min={1} max={1000} step={1} onChange={(e) => edit({ ...perf, [k]: e.currentTarget.valueAsNumber })} {...numberProps(perf[k], k)} />
            ))}
          </div>
        </Fieldset>
        {placed.rest && <ErrorText error={placed.rest} />}
        {saved && <p role="status">{t('performance.weights.saved')}</p>}
        <Group>
          <Button type="submit">{t('performance.weights.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
