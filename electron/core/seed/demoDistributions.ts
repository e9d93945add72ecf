/** How statuses, categories, ages and ratings are spread in the demo. */
import type { Category, Status } from '../../../shared/schema';
import type { Rng } from './random';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------------
// Distributions
// ---------------------------------------------------------------------------------------------------

export const STATUS_SHARE: [Status, number][] = [
  ['bot', 0.05], ['queued', 0.35], ['open', 0.25], ['pending', 0.1], ['resolved', 0.2], ['closed', 0.05],
];
export const CATEGORY_SHARE: [Category, number][] = [
  ['account', 0.24], ['video_upload', 0.28], ['payment', 0.24], ['complaint', 0.1], ['other', 0.14],
];
export const CATEGORY_INDEX: Record<Category, number> = { account: 0, video_upload: 1, payment: 2, complaint: 3, other: 4 };
export const MIN_MESSAGES: Record<Status, number> = { bot: 2, queued: 2, open: 3, pending: 4, resolved: 4, closed: 4 };
/** How many conversations a generic customer has (index = count - 1). */
export const CONVERSATIONS_PER_CUSTOMER = [0.45, 0.22, 0.15, 0.1, 0.05, 0.03];
export const RATING_WEIGHTS = [0.06, 0.08, 0.14, 0.3, 0.42];
export const TRAINEE_RATING_WEIGHTS = [0.1, 0.15, 0.25, 0.3, 0.2];

/** Exact counts per value by largest remainder, so small data sets still contain every value. */
export function quota<T>(shares: [T, number][], n: number, rng: Rng): T[] {
  const exact = shares.map(([, s]) => s * n);
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k].i]++;
  const out: T[] = [];
  shares.forEach(([v], i) => {
    for (let c = 0; c < counts[i]; c++) out.push(v);
  });
  return rng.shuffle(out);
}

export function ageFor(status: Status, rng: Rng): number {
  switch (status) {
    case 'bot':
      return rng.float(3 * MIN, 40 * MIN);
    case 'queued':
    case 'open': {
      const r = rng.next();
      if (r < 0.25) return rng.float(0.25 * HOUR, 6 * HOUR); // well within time
      if (r < 0.9) return rng.float(6 * HOUR, 30 * HOUR); // some at risk or breached
      return rng.float(30 * HOUR, 72 * HOUR); // breached
    }
    case 'pending':
      return rng.float(4 * HOUR, 4 * DAY);
    case 'resolved':
      return rng.float(8 * HOUR, 14 * DAY);
    case 'closed':
      return rng.float(3 * DAY, 14 * DAY);
  }
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

