import type { Category, Role, Status, Tier } from '../schema/common';
import type { QueueFilter } from '../schema/savedView';
import { urgencyAt } from './urgency';

/** The fields a filter looks at (the core's index keeps them per queue entry). */
export interface FilterableItem {
  category: Category;
  tier: Tier;
  status: Status;
  severe: boolean;
  ownerId: string | null;
  assigneeId: string | null;
  dueAt: number | null;
  pausedAt: number | null;
  snoozedUntil: number | null;
  /** Lower-cased id, subject and customer name. */
  text: string;
}

export interface Viewer {
  agentId: string;
  role: Role;
}

/** Lower-cased, trimmed; an empty needle matches everything. */
export const normaliseText = (s: string) => s.trim().toLocaleLowerCase();

/**
 * Whether a queue item shows under a filter. Snoozed conversations stay out until their time (reminders).
 * Severe complaints stay at the top of every lead's view whatever the scope/category/tier/status/urgency filter
 * (only the text filter applies to them: a lead typing is searching).
 */
export function matchesFilter(item: FilterableItem, f: QueueFilter, viewer: Viewer, now: number, atRiskMinutes: number, needle = normaliseText(f.text)): boolean {
  if (item.snoozedUntil !== null && item.snoozedUntil > now) return false;
  if (needle && !item.text.includes(needle)) return false;
  if (item.severe && viewer.role === 'lead') return true;
  if (f.scope === 'mine' && item.assigneeId !== viewer.agentId && item.ownerId !== viewer.agentId) return false;
  if (f.scope === 'unassigned' && item.assigneeId !== null) return false;
  if (f.categories.length && !f.categories.includes(item.category)) return false;
  if (f.tiers.length && !f.tiers.includes(item.tier)) return false;
  if (f.statuses.length && !f.statuses.includes(item.status)) return false;
  if (f.urgencies.length && !f.urgencies.includes(urgencyAt({ dueAt: item.dueAt, slaPausedAt: item.pausedAt }, now, atRiskMinutes))) return false;
  return true;
}
