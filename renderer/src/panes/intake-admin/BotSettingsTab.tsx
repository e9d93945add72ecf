import { Button, Fieldset, Group, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { BotSettings, RoutingSettings } from '../../../../shared/schema/settings';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { usePlacedError } from '../../app/fieldErrors';
import { fieldAlert } from './fieldAlert';

type NumberKey = 'minConfidence' | 'minFaqScore' | 'unhelpfulLimit';
type Field = NumberKey | 'enabled' | 'vipToHuman' | 'vipFirst';
/** Where bot.updateSettings' validation points for each field (errors.fields paths). */
const PATHS: Record<Field, string> = {
  enabled: 'bot/enabled',
  minConfidence: 'bot/minConfidence',
  minFaqScore: 'bot/minFaqScore',
  unhelpfulLimit: 'bot/unhelpfulLimit',
  vipToHuman: 'bot/vipToHuman',
  vipFirst: 'routing/vipFirst',
};
const NUMBERS: { key: NumberKey; min: number; max: number; step: number }[] = [
  { key: 'minConfidence', min: 0, max: 1, step: 0.05 },
  { key: 'minFaqScore', min: 0, max: 1, step: 0.05 },
  { key: 'unhelpfulLimit', min: 1, max: 10, step: 1 },
];

/** The bot's thresholds and the VIP rules, read from settings.get; saved together through bot.updateSettings (audited). */
export function BotSettingsTab() {
  const settings = useCall('settings.get', {}, ['settings']);
  if (settings.status === 'error') return <ErrorText error={settings.error} />;
  if (settings.status !== 'ok') return null;
  return <BotSettingsForm bot={settings.value.bot} routing={settings.value.routing} />;
}

function BotSettingsForm({ bot: initialBot, routing: initialRouting }: { bot: BotSettings; routing: RoutingSettings }) {
  const { t } = useTranslation();
  const [bot, setBot] = useState(initialBot);
  const [routing, setRouting] = useState(initialRouting);
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState(false);
  const placed = usePlacedError<Field>(error, PATHS);
  const change = (next: Partial<BotSettings>) => {
    setSaved(false);
    setBot({ ...bot, ...next });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call['bot.updateSettings']({ bot, routing });
    setError(r.ok ? null : r.error);
    setSaved(r.ok);
  };
  return (
    // noValidate: the core's reasons show under each field, in the UI language (not the browser's bubble).
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Fieldset legend={t('intakeAdmin.settings.bot')}>
          <Stack gap="sm">
            <Switch
              label={t('intakeAdmin.settings.enabled')}
              checked={bot.enabled}
              onChange={(e) => change({ enabled: e.currentTarget.checked })}
              error={placed.byField.enabled}
              data-autofocus
            />
            {NUMBERS.map((f) => (
              <TextInput
                key={f.key}
                type="number"
                label={t(`intakeAdmin.settings.${f.key}`)}
                min={f.min}
                max={f.max}
                step={f.step}
                value={Number.isFinite(bot[f.key]) ? String(bot[f.key]) : ''}
                onChange={(e) => change({ [f.key]: e.currentTarget.valueAsNumber })}
                error={placed.byField[f.key]}
                {...fieldAlert}
              />
            ))}
            <Switch
              label={t('intakeAdmin.settings.vipToHuman')}
              checked={bot.vipToHuman}
              onChange={(e) => change({ vipToHuman: e.currentTarget.checked })}
              error={placed.byField.vipToHuman}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('intakeAdmin.settings.routing')}>
          <Switch
            label={t('intakeAdmin.settings.vipFirst')}
            checked={routing.vipFirst}
            onChange={(e) => {
              setSaved(false);
              setRouting({ vipFirst: e.currentTarget.checked });
            }}
            error={placed.byField.vipFirst}
          />
        </Fieldset>
        {placed.rest && <ErrorText error={placed.rest} />}
        {saved && <p role="status">{t('intakeAdmin.settings.saved')}</p>}
        <Group>
          <Button type="submit">{t('intakeAdmin.settings.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
