import type { AgentScore, DrillMetric, ScoreComponent } from '../../../../shared/contract/performance';
import type { PerformanceComponent } from '../../../../shared/schema/settings';

/**
 * The dashboard table's columns: what each sorts by, which way is better, the score component it stands for (so a
 * figure with too little data says "not enough data", as the score does) and the drill-down behind it. Pure.
 */
export const SORT_KEYS = ['name', 'score', 'handled', 'firstResponse', 'nextReply', 'resolution', 'slaCompliance', 'csat', 'complaints', 'reopen', 'botHandovers', 'training'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export interface Column {
  key: SortKey;
  /** Higher is better (first click sorts descending) or lower is better (ascending): best first either way. */
  better: 'high' | 'low' | 'alpha';
  /** The figure sorted by; null: nothing to measure. */
  value(a: AgentScore): number | string | null;
  component?: PerformanceComponent;
  drill?: DrillMetric;
}

export const COLUMNS: readonly Column[] = [
  { key: 'name', better: 'alpha', value: (a) => a.metrics.name },
  { key: 'score', better: 'high', value: (a) => a.score },
  { key: 'handled', better: 'high', value: (a) => a.metrics.handled, drill: 'handled' },
  { key: 'firstResponse', better: 'low', value: (a) => a.metrics.firstResponseMedianMs, component: 'firstResponse', drill: 'firstResponse' },
  { key: 'nextReply', better: 'low', value: (a) => a.metrics.nextReplyMedianMs, drill: 'nextReply' },
  { key: 'resolution', better: 'low', value: (a) => a.metrics.resolutionMedianMs, component: 'resolution', drill: 'resolution' },
  { key: 'slaCompliance', better: 'high', value: (a) => a.metrics.slaCompliancePct, component: 'slaCompliance', drill: 'slaCompliance' },
  { key: 'csat', better: 'high', value: (a) => a.metrics.csatAverage, component: 'csat', drill: 'csat' },
  { key: 'complaints', better: 'low', value: (a) => a.metrics.complaintsUpheld, component: 'complaints', drill: 'complaints' },
  { key: 'reopen', better: 'low', value: (a) => a.metrics.reopenRatePct, component: 'reopen', drill: 'reopen' },
  { key: 'botHandovers', better: 'high', value: (a) => a.metrics.botHandoversTaken, drill: 'botHandovers' },
  { key: 'training', better: 'high', value: (a) => a.metrics.trainingScore, component: 'training' },
];

export const columnOf = (key: SortKey): Column => COLUMNS.find((c) => c.key === key)!;

/** The score component behind a column for one agent, if the column stands for one. */
export function componentOf(a: AgentScore, column: Column): ScoreComponent | undefined {
  return column.component ? a.components.find((c) => c.component === column.component) : undefined;
}

/** The figure to sort by, or null when there is nothing to rank: no data, or not enough of it for the score. */
export function rankValue(a: AgentScore, column: Column): number | string | null {
  if (componentOf(a, column)?.notEnough) return null;
  return column.value(a);
}

/** The direction of a first click on a column: best first. */
export const firstDir = (column: Column): SortDir => (column.better === 'high' ? 'descending' : 'ascending');

/**
 * The agents in the asked order. Agents with nothing to rank stay at the bottom in both directions (flipping the
 * order must not put "not enough data" on top as if it were the best or the worst); ties keep name order.
 */
export function sortAgents(agents: readonly AgentScore[], sort: Sort, locale: string): AgentScore[] {
  const column = columnOf(sort.key);
  const collator = new Intl.Collator(locale);
  const byName = (x: AgentScore, y: AgentScore) => collator.compare(x.metrics.name, y.metrics.name);
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return [...agents].sort((x, y) => {
    const a = rankValue(x, column);
    const b = rankValue(y, column);
    if (a === null || b === null) return a === b ? byName(x, y) : a === null ? 1 : -1;
    const d = typeof a === 'string' || typeof b === 'string' ? collator.compare(String(a), String(b)) : a - b;
    return d !== 0 ? sign * d : byName(x, y);
  });
}
