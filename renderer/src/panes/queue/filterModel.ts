import type { TFunction } from 'i18next';
import { CATEGORIES } from '../../../../shared/schema';
import type { QueueFilter } from '../../../../shared/schema/savedView';

/** No filter: the whole team's queue. "Clear all" goes back to this. */
export const EMPTY_FILTER: QueueFilter = { scope: 'team', categories: [], tiers: [], statuses: [], urgencies: [], text: '' };

export const SCOPES = ['team', 'mine', 'unassigned'] as const;
/** The statuses a queue row can have (bot, resolved and closed never show in the queue). */
export const STATUSES = ['queued', 'open', 'pending'] as const;
export const URGENCIES = ['breached', 'at_risk', 'calm'] as const;
export const TIERS = ['vip', 'normal'] as const;

/** The multi-choice filters of the filter popover, each a list in QueueFilter ("none chosen" means "any"). */
export type ListKey = 'categories' | 'tiers' | 'statuses' | 'urgencies';
export const LIST_FILTERS: { key: ListKey; label: string; options: readonly string[]; optionLabel(t: TFunction, v: string): string }[] = [
  { key: 'categories', label: 'queue.filter.category', options: CATEGORIES, optionLabel: (t, v) => t(`category.${v}`) },
  { key: 'tiers', label: 'queue.filter.tier', options: TIERS, optionLabel: (t, v) => t(`tier.${v}`) },
  { key: 'statuses', label: 'queue.filter.status', options: STATUSES, optionLabel: (t, v) => t(`status.${v}`) },
  { key: 'urgencies', label: 'queue.filter.urgency', options: URGENCIES, optionLabel: (t, v) => t(`queue.urgency.${v}`) },
];

export interface ActiveFilter {
  /** Stable React key, e.g. "categories:payment". */
  id: string;
  /** "Category", "Payment": what the chip shows. */
  group: string;
  value: string;
  /** The filter without this one value. */
  without: QueueFilter;
}

/** One removable chip per chosen value of the popover's filters (scope and text have their own visible controls). */
export function activeFilters(filter: QueueFilter, t: TFunction): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  for (const f of LIST_FILTERS) {
    const chosen = filter[f.key] as string[];
    for (const v of chosen) {
      out.push({ id: `${f.key}:${v}`, group: t(f.label), value: f.optionLabel(t, v), without: { ...filter, [f.key]: chosen.filter((x) => x !== v) } });
    }
  }
  return out;
}

/** Equal filters whatever the order of their lists (a saved view matches however its values were picked). */
export function sameFilter(a: QueueFilter, b: QueueFilter): boolean {
  const norm = (f: QueueFilter) =>
    JSON.stringify({ ...f, categories: [...f.categories].sort(), tiers: [...f.tiers].sort(), statuses: [...f.statuses].sort(), urgencies: [...f.urgencies].sort() });
  return norm(a) === norm(b);
}

export const isEmptyFilter = (f: QueueFilter) => sameFilter(f, EMPTY_FILTER);
