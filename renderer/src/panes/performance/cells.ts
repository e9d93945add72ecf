import type { TFunction } from 'i18next';
import type { AgentScore } from '../../../../shared/contract/performance';
import { formatDuration, type DurationTranslate } from '../../app/format';
import { componentOf, type Column } from './columns';

/** i18next's `t` or a test's: the performance words are plain keys with options. */
export type Translate = DurationTranslate | TFunction;
export const words = (t: Translate) => t as DurationTranslate;

/** One figure of the table as words: the figure, a line under it, and whether it is "not enough data". */
export interface Cell {
  main: string;
  detail: string | null;
  /** Too few ratings or conversations for the score: shown as such, never as a low figure. */
  notEnough: boolean;
}

export const duration = (ms: number | null, t: Translate): string | null => (ms === null ? null : formatDuration(ms, words(t)));
export const percent = (pct: number | null, locale: string): string | null =>
  pct === null ? null : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(pct / 100);
export const decimal = (n: number | null, locale: string, digits = 2): string | null =>
  n === null ? null : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);

/** What one column shows for one agent. Pure (given `t`). */
export function cellOf(a: AgentScore, column: Column, translate: Translate, locale: string): Cell {
  const t = words(translate);
  const m = a.metrics;
  const comp = componentOf(a, column);
  if (comp?.notEnough) {
    return { main: t('performance.notEnough'), detail: t(`performance.notEnoughDetail.${column.key === 'csat' ? 'ratings' : 'conversations'}`, { have: comp.notEnough.have, need: comp.notEnough.need }), notEnough: true };
  }
  if (column.key === 'score' && a.score === null) return { main: t('performance.notEnough'), detail: null, notEnough: true };
  const noData = t('performance.noData');
  const n = (x: number) => new Intl.NumberFormat(locale).format(x);
  switch (column.key) {
    case 'name':
      return { main: m.name, detail: null, notEnough: false };
    case 'score':
      return { main: n(Math.round(a.score!)), detail: null, notEnough: false };
    case 'handled':
      return { main: n(m.handled), detail: null, notEnough: false };
    case 'firstResponse': {
      const p90 = duration(m.firstResponseP90Ms, t);
      return { main: duration(m.firstResponseMedianMs, t) ?? noData, detail: p90 && t('performance.detail.p90', { time: p90 }), notEnough: false };
    }
    case 'nextReply':
      return { main: duration(m.nextReplyMedianMs, t) ?? noData, detail: null, notEnough: false };
    case 'resolution':
      return { main: duration(m.resolutionMedianMs, t) ?? noData, detail: null, notEnough: false };
    case 'slaCompliance':
      return { main: percent(m.slaCompliancePct, locale) ?? noData, detail: t('performance.detail.replies', { count: m.slaReplies, n: n(m.slaReplies) }), notEnough: false };
    case 'csat':
      return {
        main: decimal(m.csatAverage, locale) ?? noData,
        detail: m.ratings === 0 ? null : t('performance.detail.ratings', { count: m.ratings, n: n(m.ratings), positive: percent(m.csatPositivePct, locale) }),
        notEnough: false,
      };
    case 'complaints':
      return { main: t('performance.detail.upheld', { n: n(m.complaintsUpheld) }), detail: t('performance.detail.received', { n: n(m.complaintsReceived) }), notEnough: false };
    case 'reopen':
      return { main: percent(m.reopenRatePct, locale) ?? noData, detail: m.resolved === 0 ? null : t('performance.detail.reopened', { reopened: n(m.reopened), resolved: n(m.resolved) }), notEnough: false };
    case 'botHandovers':
      return { main: n(m.botHandoversTaken), detail: null, notEnough: false };
    case 'training':
      return { main: m.trainingScore === null ? noData : n(Math.round(m.trainingScore)), detail: null, notEnough: false };
  }
}
