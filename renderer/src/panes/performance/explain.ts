import type { AgentScore, ScoreComponent } from '../../../../shared/contract/performance';
import type { PerformanceComponent } from '../../../../shared/schema/settings';
import { decimal, duration, percent, words, type Translate } from './cells';

/**
 * A component's measured value or target in words. Both are in the unit of the component's target in
 * settings.performance.targets (minutes, hours, percent, a 1–5 average, upheld complaints per 100 conversations).
 */
export function amount(component: PerformanceComponent, x: number, translate: Translate, locale: string): string {
  const t = words(translate);
  switch (component) {
    case 'firstResponse':
      return duration(x * 60_000, t)!;
    case 'resolution':
      return duration(x * 3_600_000, t)!;
    case 'slaCompliance':
    case 'reopen':
      return percent(x, locale)!;
    case 'csat':
      return t('performance.explain.csatAmount', { value: decimal(x, locale) });
    case 'complaints':
      return t('performance.explain.per100', { value: decimal(x, locale) });
    case 'training':
      return t('performance.explain.trainingAmount', { value: decimal(x, locale) });
  }
}

export interface ComponentLine {
  component: PerformanceComponent;
  value: string | null;
  /** "at most 30 minutes" / "at least 95%". */
  target: string;
  weight: number;
  /** The weight's share of the weights of the components that count, in percent; null: it does not count. */
  share: number | null;
  /** 0–100, or null with `why` saying there is not enough data or the weight is 0. */
  score: number | null;
  /** Points this component adds to the composite (share × score / 100). */
  points: number | null;
  why: string;
}

/**
 * The score explained: each component with its value, target, weight and what it adds to the composite, the
 * composite being the weighted mean of the components with enough data (docs/rules.md "Performance"). Pure.
 */
export function explainScore(a: AgentScore, translate: Translate, locale: string): ComponentLine[] {
  const t = words(translate);
  const counted = (c: ScoreComponent) => c.score !== null && c.weight > 0;
  const total = a.components.filter(counted).reduce((s, c) => s + c.weight, 0);
  return a.components.map((c) => {
    const value = c.value === null ? null : amount(c.component, c.value, t, locale);
    const target = t(`performance.explain.target.${c.component}`, { target: amount(c.component, c.target, t, locale) });
    const share = counted(c) && total > 0 ? (c.weight / total) * 100 : null;
    const points = share === null ? null : (share * c.score!) / 100;
    let why: string;
    if (c.notEnough) why = t(`performance.explain.why.notEnough.${c.component === 'csat' ? 'ratings' : 'conversations'}`, { have: c.notEnough.have, need: c.notEnough.need });
    else if (c.weight === 0) why = t('performance.explain.why.weightZero');
    else if (c.score === null) why = t('performance.explain.why.noData');
    else why = t('performance.explain.why.scored', { value: value ?? t('performance.noData'), target, score: decimal(c.score, locale, 0), points: decimal(points, locale, 1) });
    return { component: c.component, value, target, weight: c.weight, share, score: c.score, points, why };
  });
}
