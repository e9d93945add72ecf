import { Group, NativeSelect, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendPoint } from '../../../../shared/contract/performance';
import { ErrorText } from '../../app/ErrorText';
import { decimal, duration, percent } from './cells';
import type { Period } from './period';
import classes from './performance.module.css';
import { usePerformanceCall } from './topics';
import { TREND_METRICS, TrendChart, type TrendMetric } from './TrendChart';

type Granularity = 'day' | 'week';

/**
 * Trends by day or week: a lead sees one line per agent (`agentId` left out), an agent their own line. The figures
 * are also there as a table, opened on demand (50 agents × 90 days is 4 500 cells: not rendered until asked).
 */
export function TrendSection({ period, mine = false }: { period: Period; mine?: boolean }) {
  const { t, i18n } = useTranslation();
  const [granularity, setGranularity] = useState<Granularity>('day');
  const [metric, setMetric] = useState<TrendMetric>('score');
  // The table is rendered only while its <details> is open (a closed <details> still holds its children).
  const [asTable, setAsTable] = useState(false);
  const trend = usePerformanceCall('performance.trend', { ...period, granularity });
  const scores = usePerformanceCall('performance.scores', period);
  const names = useMemo(() => new Map(scores.status === 'ok' ? scores.value.agents.map((a) => [a.metrics.agentId, a.metrics.name]) : []), [scores]);
  const metricLabel = t(`performance.trend.metrics.${metric}`);
  const by = t(`performance.trend.${granularity}`);
  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end">
        <SegmentedControl
          size="xs"
          aria-label={t('performance.trend.granularity')}
          value={granularity}
          onChange={(v) => setGranularity(v as Granularity)}
          data={(['day', 'week'] as const).map((g) => ({ value: g, label: t(`performance.trend.${g}`) }))}
        />
        <NativeSelect
          size="xs"
          label={t('performance.trend.metric')}
          value={metric}
          onChange={(e) => setMetric(e.currentTarget.value as TrendMetric)}
          data={TREND_METRICS.map((m) => ({ value: m, label: t(`performance.trend.metrics.${m}`) }))}
        />
      </Group>
      {trend.status === 'error' && <ErrorText error={trend.error} />}
      {trend.status === 'ok' &&
        (trend.value.points.length === 0 ? (
          <Text size="sm">{t('performance.trend.empty')}</Text>
        ) : (
          <>
            <TrendChart
              points={trend.value.points}
              metric={metric}
              names={names}
              small={mine}
              label={t(mine ? 'performance.trend.labelMine' : 'performance.trend.label', { metric: metricLabel, granularity: by, from: period.from, to: period.to })}
              description={t(mine ? 'performance.trend.descriptionMine' : 'performance.trend.description', { granularity: by })}
            />
            <details onToggle={(e) => setAsTable(e.currentTarget.open)}>
              <summary>{t('performance.trend.asTable')}</summary>
              {asTable && <TrendTable points={trend.value.points} metric={metric} names={names} mine={mine} locale={i18n.language} />}
            </details>
          </>
        ))}
    </Stack>
  );
}

function TrendTable({ points, metric, names, mine, locale }: { points: readonly TrendPoint[]; metric: TrendMetric; names: ReadonlyMap<string, string>; mine: boolean; locale: string }) {
  const { t } = useTranslation();
  const show = (p: TrendPoint) => {
    const v = p[metric];
    if (v === null) return t('performance.noData');
    if (metric === 'firstResponseMedianMs') return duration(v, t)!;
    if (metric === 'slaCompliancePct') return percent(v, locale)!;
    return decimal(v, locale, metric === 'csatAverage' ? 2 : 0)!;
  };
  return (
    <div className={classes.drillScroll}>
      <Table verticalSpacing={2} fz="sm" stickyHeader className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            {!mine && <Table.Th scope="col">{t('performance.trend.agent')}</Table.Th>}
            <Table.Th scope="col">{t('performance.trend.date')}</Table.Th>
            <Table.Th scope="col">{t(`performance.trend.metrics.${metric}`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((p) => (
            <Table.Tr key={`${p.agentId}:${p.date}`}>
              {!mine && <Table.Td>{names.get(p.agentId) ?? p.agentId}</Table.Td>}
              <Table.Td>{p.date}</Table.Td>
              <Table.Td>{show(p)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
