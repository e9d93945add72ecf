import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptSummary } from '../../../../shared/contract/training';
import { formatTime } from '../../app/format';
import type { ChartColors } from '../performance/chartTheme';
import { useEChart } from '../performance/useEChart';
import { scoreText } from './text';
import classes from './training.module.css';

export function scorePoints(attempts: readonly AttemptSummary[]): { at: number; score: number; title: string }[] {
  return attempts
    .filter((a) => a.state === 'finished' && a.score !== null && a.finishedAt !== null)
    .map((a) => ({ at: a.finishedAt!, score: a.score!, title: a.scenarioTitle }))
    .sort((a, b) => a.at - b.at);
}

/**
 * Scores over time, one point per finished attempt (ECharts on a canvas, with the performance pane's small build
 * and colours read from the app's tokens, again when the scheme changes). The container is an image named by its
 * label; the sentence under it says the same figures in words.
 */
export function ScoreChart({ attempts }: { attempts: readonly AttemptSummary[] }) {
  const { t, i18n } = useTranslation();
  const descriptionId = useId();
  const points = scorePoints(attempts);
  const key = points.map((p) => `${p.at}:${p.score}`).join(',');
  // `key` stands for the points (a new array each render).
  const ref = useEChart((colors) => scoreOption(points, colors, i18n.language, t('training.home.chartAxis')), [key, i18n.language, t]);

  const last = points.slice(-5).map((p) => scoreText(p.score, i18n.language));
  return (
    <>
      <div ref={ref} role="img" aria-label={t('training.home.chartLabel')} aria-describedby={descriptionId} className={classes.chart} />
      <p id={descriptionId} className={classes.detail}>
        {points.length === 0 ? t('training.home.chartEmpty') : t('training.home.chartText', { count: points.length, last: last.join(t('training.home.listSeparator')) })}
      </p>
    </>
  );
}

/** The ECharts option: scores 0–100 by finish time, the scenario in the tooltip (drawn on the canvas: CSP). */
export function scoreOption(points: { at: number; score: number; title: string }[], c: ChartColors, locale: string, axisName: string) {
  const axisText = { color: c.muted };
  return {
    animation: false,
    color: [c.accent],
    textStyle: { color: c.text },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      backgroundColor: c.pane,
      borderColor: c.line,
      textStyle: { color: c.text },
      formatter: (p: { dataIndex: number }) => {
        const point = points[p.dataIndex];
        return point ? `${point.title}\n${formatTime(point.at, locale)}: ${scoreText(point.score, locale)}` : '';
      },
    },
    xAxis: { type: 'category', data: points.map((p) => formatTime(p.at, locale)), axisLabel: axisText, axisLine: { lineStyle: { color: c.line } } },
    yAxis: { type: 'value', min: 0, max: 100, name: axisName, nameTextStyle: axisText, axisLabel: axisText, splitLine: { lineStyle: { color: c.line } } },
    series: [{ type: 'line', data: points.map((p) => p.score), showSymbol: true, symbolSize: 7, lineStyle: { width: 2 } }],
  };
}
