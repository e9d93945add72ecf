import type { Status } from '../schema/common';

/**
 * Which status changes an agent may make. `bot` and `closed` are set by the system (hand-over, auto-close),
 * never by hand; a resolved conversation can be reopened.
 */
const ALLOWED: Record<Status, readonly Status[]> = {
  bot: [],
  queued: ['open', 'resolved'],
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['open'],
  closed: [],
};

export function canTransition(from: Status, to: Status): boolean {
  return ALLOWED[from].includes(to);
}

/** Statuses that sit in the human queue (an agent owes work or waits on the customer). */
export const ACTIVE_STATUSES: readonly Status[] = ['queued', 'open', 'pending'];
export const isActive = (s: Status): boolean => ACTIVE_STATUSES.includes(s);
