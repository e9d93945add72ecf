/**
 * The chart's colours, read from the app's CSS variables when the chart draws (a canvas cannot use var()), so it
 * follows the light/dark scheme and the app's tokens; TrendChart reads them again when the scheme changes.
 */
export interface ChartColors {
  text: string;
  muted: string;
  line: string;
  pane: string;
  accent: string;
  /** One colour per agent line, cycling: Mantine's per-scheme text shade of each hue (dark on light, light on dark). */
  series: string[];
}

const HUES = ['blue', 'red', 'teal', 'grape', 'orange', 'indigo', 'green', 'pink', 'cyan', 'violet', 'lime', 'yellow'] as const;

export function readChartColors(el: Element): ChartColors {
  const style = getComputedStyle(el);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const text = v('--text', 'CanvasText');
  return {
    text,
    muted: v('--muted', text),
    line: v('--line', text),
    pane: v('--pane', 'Canvas'),
    accent: v('--accent', text),
    series: HUES.map((h) => v(`--mantine-color-${h}-text`, text)),
  };
}

/** Solid, dashed, dotted: with 12 hues, 36 agents get a line of their own before any look alike. */
export const LINE_TYPES = ['solid', 'dashed', 'dotted'] as const;
