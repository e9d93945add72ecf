import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendPoint } from '../../../../shared/contract/performance';
import { decimal, duration, percent, words as tr, type Translate } from './cells';
import { LINE_TYPES, type ChartColors } from './chartTheme';
import { useEChart } from './useEChart';
import classes from './performance.module.css';

export const TREND_METRICS = ['score', 'handled', 'csatAverage', 'firstResponseMedianMs', 'slaCompliancePct'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

/** The plotted number: minutes for first response (readable on an axis), else the figure itself. */
const plotted = (p: TrendPoint, metric: TrendMetric): number | null => {
  const v = p[metric];
  return v === null ? null : metric === 'firstResponseMedianMs' ? Math.round(v / 600) / 100 : v;
};

function figure(metric: TrendMetric, v: number, t: Translate, locale: string): string {
  if (metric === 'firstResponseMedianMs') return duration(v * 60_000, t)!;
  if (metric === 'slaCompliancePct') return percent(v, locale)!;
  return decimal(v, locale, metric === 'csatAverage' ? 2 : 0)!;
}

/**
 * One line per agent of one trend metric by day or week, drawn with ECharts on a canvas. Theme colours are read
 * from the app's CSS variables when drawing and again when the colour scheme changes; the accessible name is on
 * the container (role img) and `description` says where the same figures are as text.
 */
export function TrendChart({ points, metric, names, label, description, small = false }: { points: readonly TrendPoint[]; metric: TrendMetric; names: ReadonlyMap<string, string>; label: string; description: string; small?: boolean }) {
  const { t, i18n } = useTranslation();
  const descriptionId = useId();
  // Dirty rectangles: moving the tooltip over 50 lines repaints only what it covered, not the whole canvas.
  const ref = useEChart((colors) => trendOption(points, metric, names, colors, t, i18n.language), [points, metric, names, t, i18n.language], { dirtyRect: true });

  return (
    <>
      <div ref={ref} role="img" aria-label={label} aria-describedby={descriptionId} className={`${classes.chart} ${small ? classes.small : ''}`} />
      <p id={descriptionId} className={classes.detail}>
        {description}
      </p>
    </>
  );
}

/** The ECharts option (exported for the test of its shape). */
export function trendOption(points: readonly TrendPoint[], metric: TrendMetric, names: ReadonlyMap<string, string>, c: ChartColors, translate: Translate, locale: string) {
  const t = tr(translate);
  const dates = [...new Set(points.map((p) => p.date))].sort();
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const byAgent = new Map<string, (number | null)[]>();
  for (const p of points) {
    let row = byAgent.get(p.agentId);
    if (!row) byAgent.set(p.agentId, (row = dates.map(() => null)));
    row[dateIndex.get(p.date)!] = plotted(p, metric);
  }
  const agents = [...byAgent.keys()].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b, locale));
  const many = agents.length > 1;
  const zoom = dates.length > 31;
  const axisText = { color: c.muted };
  return {
    // 50 agents × 90 days is 4 500 points: drawn at once, without the entry animation.
    animation: points.length <= 500,
    color: c.series,
    textStyle: { color: c.text },
    grid: { left: 8, right: 24, top: many ? 40 : 24, bottom: zoom ? 48 : 8, containLabel: true },
    legend: many ? { type: 'scroll', top: 0, textStyle: { color: c.text }, inactiveColor: c.muted, pageTextStyle: { color: c.text }, pageIconColor: c.accent, pageIconInactiveColor: c.muted } : { show: false },
    tooltip: {
      trigger: 'axis',
      // Drawn on the canvas: the HTML tooltip's markup carries style attributes, which the CSP refuses.
      renderMode: 'richText',
      backgroundColor: c.pane,
      borderColor: c.line,
      textStyle: { color: c.text },
      formatter: (params: { seriesName: string; value: number | null; axisValue: string }[]) => {
        const list = params.filter((p) => p.value !== null && p.value !== undefined).sort((a, b) => (b.value as number) - (a.value as number));
        const shown = list.slice(0, 12).map((p) => `${p.seriesName}: ${figure(metric, p.value as number, t, locale)}`);
        if (list.length > shown.length) shown.push(t('performance.trend.more', { count: list.length - shown.length }));
        return [params[0]?.axisValue ?? '', ...(shown.length ? shown : [t('performance.noData')])].join('\n');
      },
    },
    xAxis: { type: 'category', data: dates, boundaryGap: false, axisLabel: axisText, axisLine: { lineStyle: { color: c.line } }, axisTick: { lineStyle: { color: c.line } } },
    yAxis: {
      type: 'value',
      name: t(`performance.trend.unit.${metric}`),
      nameTextStyle: axisText,
      axisLabel: axisText,
      splitLine: { lineStyle: { color: c.line } },
      ...(metric === 'score' || metric === 'slaCompliancePct' ? { min: 0, max: 100 } : metric === 'csatAverage' ? { min: 1, max: 5 } : {}),
    },
    dataZoom: zoom
      ? [
          { type: 'inside', filterMode: 'none' },
          { type: 'slider', filterMode: 'none', height: 18, bottom: 8, borderColor: c.line, textStyle: axisText, dataBackground: { lineStyle: { color: c.muted }, areaStyle: { color: c.line } } },
        ]
      : [],
    series: agents.map((id, i) => ({
      type: 'line',
      name: names.get(id) ?? id,
      data: byAgent.get(id),
      connectNulls: false,
      showSymbol: dates.length <= 31 && agents.length <= 10,
      symbolSize: 5,
      lineStyle: { width: many ? 1.5 : 2.5, type: LINE_TYPES[Math.floor(i / c.series.length) % LINE_TYPES.length] },
      // Fading the other lines on hover repaints them all: worth it for a few lines, not for a team of 50.
      emphasis: agents.length <= 10 ? { focus: 'series' } : { disabled: true },
    })),
  };
}
