import { useEffect, useRef, useState, type RefObject } from 'react';
import { readChartColors, type ChartColors } from './chartTheme';
import { echarts } from './echarts';

/** A canvas we can draw on (a test DOM without one shows only the text alternative). */
function canDraw(): boolean {
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

const scheme = () => document.documentElement.getAttribute('data-mantine-color-scheme');

type Option = Parameters<echarts.ECharts['setOption']>[0];

/**
 * One ECharts canvas chart in the element the returned ref is put on: created once (none without a canvas),
 * resized with its box, disposed on unmount, and drawn with `build(colors)` whenever `deps` change or the colour
 * scheme does (the colours are read from the app's CSS variables at that moment: chartTheme.ts).
 */
export function useEChart(build: (colors: ChartColors) => Option, deps: readonly unknown[], opts: { dirtyRect?: boolean } = {}): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const [colorScheme, setColorScheme] = useState(scheme);
  const dirtyRect = opts.dirtyRect ?? false;

  useEffect(() => {
    const observer = new MutationObserver(() => setColorScheme(scheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-mantine-color-scheme'] });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el || !canDraw()) return;
    const chart = echarts.init(el, null, { renderer: 'canvas', useDirtyRect: dirtyRect });
    chartRef.current = chart;
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [dirtyRect]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !ref.current) return;
    chart.setOption(build(readChartColors(ref.current)), { notMerge: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` stand for what `build` reads
  }, [...deps, colorScheme]);

  return ref;
}
