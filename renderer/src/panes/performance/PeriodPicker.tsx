import { Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PERIOD_PRESETS, type Period, type PeriodPreset } from './period';

/** The last 7 / 30 / 90 Beijing days, with the dates they stand for spelled out. */
export function PeriodPicker({ preset, period, onChange }: { preset: PeriodPreset; period: Period; onChange(preset: PeriodPreset): void }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap">
      <SegmentedControl
        size="xs"
        aria-label={t('performance.period.label')}
        value={String(preset)}
        onChange={(v) => onChange(Number(v) as PeriodPreset)}
        data={PERIOD_PRESETS.map((d) => ({ value: String(d), label: t(`performance.period.last${d}`) }))}
      />
      <Text size="sm" c="dimmed">
        {t('performance.period.range', { from: period.from, to: period.to })}
      </Text>
    </Group>
  );
}
