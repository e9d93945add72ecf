import type { Category, Status, Tier } from '../schema/common';
import type { Conversation } from '../schema/conversation';
import type { Settings } from '../schema/settings';
import { addWorkingDays } from './calendar';

const HOUR = 3600_000;

/**
 * The SLA clocks, as pure functions of a conversation's clock fields and the team settings (docs/rules.md).
 *
 * A conversation carries two clocks; its category says which one is due:
 * - The **response clock** (`slaClockStartedAt`): a response is owed since the hand-over or the **oldest customer
 *   message not yet answered**. A customer chasing a reply does not restart it (that would push the deadline
 *   later); only an agent's public reply settles it (an internal note does not). 12 h for VIPs, 24 h otherwise,
 *   wall-clock, measured on the tier the customer had when the response started being owed (`responseTier`), so
 *   an upgrade to VIP shortens every response owed after it and leaves what was owed before alone.
 * - The **result clock** (`resultClockStartedAt`): the start of the current episode (hand-over or reopen). A
 *   complaint's result is due N working days on the mainland-China calendar from there, whatever has been
 *   replied.
 * Both run only while something is owed (`queued`, `open`, `pending`). `pending` pauses both (`slaPausedAt`); the
 * paused time is folded into `slaPausedMs` / `resultPausedMs` when the pause ends. Stored `dueAt` = target end +
 * folded pauses; while paused the effective due time moves with the clock (the time left is frozen).
 */
export type SlaRule = 'response_normal' | 'response_vip' | 'complaint';

export type SlaClock = Pick<
  Conversation,
  'category' | 'tierAtArrival' | 'status' | 'slaClockStartedAt' | 'responseTier' | 'slaPausedAt' | 'slaPausedMs' | 'resultClockStartedAt' | 'resultPausedMs'
>;

type ClockPatch = Pick<Conversation, 'dueAt' | 'slaClockStartedAt' | 'responseTier' | 'slaPausedAt' | 'slaPausedMs' | 'resultClockStartedAt' | 'resultPausedMs'>;

/** The tier the response now owed is measured on. */
export const owedTier = (c: Pick<Conversation, 'responseTier' | 'tierAtArrival'>): Tier => c.responseTier ?? c.tierAtArrival;

export const ruleFor = (category: Category, tier: Tier): SlaRule =>
  category === 'complaint' ? 'complaint' : tier === 'vip' ? 'response_vip' : 'response_normal';

/**
 * When a response owed since `clockStartedAt` is due: 12 h VIP / 24 h normal of wall-clock time, plus the paused
 * time. Whole milliseconds, whatever fraction of an hour the settings hold.
 */
export function responseDueAt(tier: Tier, clockStartedAt: number, pausedMs: number, settings: Settings): number {
  return clockStartedAt + Math.round(settings.slaHours[tier] * HOUR) + pausedMs;
}

/** A complaint's result is due within N working days on the mainland-China calendar. */
export function complaintDueAt(startedAt: number, settings: Settings): { dueAt: number; uncoveredYears: number[] } {
  const d = addWorkingDays(startedAt, settings.complaintWorkingDays);
  return { dueAt: d.dueAt, uncoveredYears: d.uncoveredYears };
}

const OWES: ReadonlySet<Status> = new Set<Status>(['queued', 'open', 'pending']);

/**
 * The stored due time these clock fields imply (null while nothing is owed). Paused time already folded in moves
 * it later; a running pause does not (see `effectiveDueAt`). For complaints the folded pause is added as
 * wall-clock time after the working-day deadline (documented simplification).
 */
export function computeDue(c: SlaClock, settings: Settings): { dueAt: number | null; uncoveredYears: number[] } {
  if (!OWES.has(c.status)) return { dueAt: null, uncoveredYears: [] };
  if (c.category === 'complaint') {
    if (c.resultClockStartedAt === null) return { dueAt: null, uncoveredYears: [] };
    const d = complaintDueAt(c.resultClockStartedAt, settings);
    return { dueAt: d.dueAt + c.resultPausedMs, uncoveredYears: d.uncoveredYears };
  }
  if (c.slaClockStartedAt === null) return { dueAt: null, uncoveredYears: [] };
  return { dueAt: responseDueAt(owedTier(c), c.slaClockStartedAt, c.slaPausedMs, settings), uncoveredYears: [] };
}

/** The due time as of `now`: a paused clock's due time slides forward with the pause. */
export function effectiveDueAt(c: { dueAt: number | null; slaPausedAt: number | null }, now: number): number | null {
  if (c.dueAt === null) return null;
  return c.slaPausedAt !== null ? c.dueAt + Math.max(0, now - c.slaPausedAt) : c.dueAt;
}

/** Milliseconds left (negative: breached for that long); null when nothing is owed. Frozen while paused. */
export function timeLeft(c: { dueAt: number | null; slaPausedAt: number | null }, now: number): number | null {
  if (c.dueAt === null) return null;
  return c.slaPausedAt !== null ? c.dueAt - c.slaPausedAt : c.dueAt - now;
}

const SETTLED: Omit<ClockPatch, 'dueAt'> = {
  slaClockStartedAt: null,
  responseTier: null,
  slaPausedAt: null,
  slaPausedMs: 0,
  resultClockStartedAt: null,
  resultPausedMs: 0,
};

/** The patch for these clock fields, with the due time they imply. */
function patchOf(c: SlaClock, settings: Settings): ClockPatch {
  return {
    dueAt: computeDue(c, settings).dueAt,
    slaClockStartedAt: c.slaClockStartedAt,
    responseTier: c.slaClockStartedAt === null ? null : c.responseTier,
    slaPausedAt: c.slaPausedAt,
    slaPausedMs: c.slaClockStartedAt === null ? 0 : c.slaPausedMs,
    resultClockStartedAt: c.resultClockStartedAt,
    resultPausedMs: c.resultClockStartedAt === null ? 0 : c.resultPausedMs,
  };
}

/**
 * Only the clock fields of a record. The rules below spread what they are given, and callers pass whole conversation
 * records (~30 fields): a spread of those was ~1 KB of garbage per customer message during an import.
 */
function clockOf(c: SlaClock): SlaClock {
  return {
    category: c.category,
    tierAtArrival: c.tierAtArrival,
    status: c.status,
    slaClockStartedAt: c.slaClockStartedAt,
    responseTier: c.responseTier,
    slaPausedAt: c.slaPausedAt,
    slaPausedMs: c.slaPausedMs,
    resultClockStartedAt: c.resultClockStartedAt,
    resultPausedMs: c.resultPausedMs,
  };
}

/** Ends a running pause: its length is folded into each clock that was running. */
function resumed<C extends SlaClock>(c: C, now: number): C {
  if (c.slaPausedAt === null) return c;
  const paused = Math.max(0, now - c.slaPausedAt);
  return {
    ...c,
    slaPausedAt: null,
    slaPausedMs: c.slaClockStartedAt === null ? 0 : c.slaPausedMs + paused,
    resultPausedMs: c.resultClockStartedAt === null ? 0 : c.resultPausedMs + paused,
  };
}

/** Both clocks starting now (hand-over, or a resolved conversation reopened by the customer). */
function freshEpisode<C extends SlaClock>(c: C, now: number, tier: Tier, status: Status): C {
  return { ...c, ...SETTLED, status, slaClockStartedAt: now, responseTier: tier, resultClockStartedAt: now };
}

/**
 * The clocks after a status change by an agent. `pending` pauses them; leaving `pending` resumes them;
 * `resolved`/`closed` settle everything (nothing is owed until the customer writes again). An agent reopening a
 * resolved conversation starts a new result clock (a reopened complaint owes a new result) and owes no response.
 */
export function clockOnStatus(record: SlaClock, to: Status, now: number, settings: Settings): ClockPatch {
  if (!OWES.has(to)) return { dueAt: null, ...SETTLED };
  const before = clockOf(record);
  if (!OWES.has(before.status)) {
    return patchOf({ ...before, ...SETTLED, status: to, resultClockStartedAt: now }, settings);
  }
  if (to === 'pending') {
    const running = before.slaClockStartedAt !== null || before.resultClockStartedAt !== null;
    return patchOf({ ...before, status: to, slaPausedAt: running ? (before.slaPausedAt ?? now) : null }, settings);
  }
  return patchOf({ ...resumed(before, now), status: to }, settings);
}

/**
 * The clocks after a customer message; `tier` is the customer's tier now. With the bot nothing runs yet. A
 * resolved conversation reopens: both clocks start again. Otherwise a pause ends, and a response becomes owed from
 * this message only if none was owed already (the oldest unanswered message keeps the clock).
 */
export function clockOnCustomerMessage(record: SlaClock, now: number, tier: Tier, settings: Settings): ClockPatch {
  if (record.status === 'bot') return { dueAt: null, ...SETTLED };
  const before = clockOf(record);
  if (before.status === 'resolved' || before.status === 'closed') return patchOf(freshEpisode(before, now, tier, 'open'), settings);
  const status: Status = before.status === 'queued' ? 'queued' : 'open';
  const next = { ...resumed(before, now), status };
  if (next.slaClockStartedAt === null) Object.assign(next, { slaClockStartedAt: now, responseTier: tier, slaPausedMs: 0 });
  if (next.resultClockStartedAt === null) Object.assign(next, { resultClockStartedAt: now, resultPausedMs: 0 });
  return patchOf(next, settings);
}

/** The clocks after the agent's public answer: the response is settled; the result clock runs on. */
export function clockOnAgentReply(before: SlaClock, settings: Settings): ClockPatch {
  return patchOf({ ...clockOf(before), slaClockStartedAt: null, responseTier: null, slaPausedMs: 0 }, settings);
}

/** The clocks of a conversation the bot hands over now (bot time does not count); `tier` is the customer's tier now. */
export function clockOnHandOver(c: SlaClock, now: number, tier: Tier, settings: Settings): ClockPatch {
  return patchOf(freshEpisode(clockOf(c), now, tier, 'queued'), settings);
}

/** The conversation with its due time recomputed from its clocks (re-categorising, settings changes, seeding). */
export function withComputedDue<C extends SlaClock & Pick<Conversation, 'dueAt'>>(c: C, settings: Settings): C {
  const dueAt = computeDue(c, settings).dueAt;
  return dueAt === c.dueAt ? c : { ...c, dueAt };
}

export type ClockKind = 'handover' | 'oldest_unanswered' | 'reopened';

/**
 * The clock the due time runs on, for explanations: its start and what started it (the hand-over, the oldest
 * customer message not yet answered, or a reopen). Null while that clock is not running.
 */
export function dueClock(c: Pick<Conversation, 'category' | 'queuedAt' | 'slaClockStartedAt' | 'resultClockStartedAt'>): { startedAt: number | null; kind: ClockKind | null } {
  const complaint = c.category === 'complaint';
  const startedAt = complaint ? c.resultClockStartedAt : c.slaClockStartedAt;
  if (startedAt === null) return { startedAt, kind: null };
  if (c.queuedAt !== null && startedAt === c.queuedAt) return { startedAt, kind: 'handover' };
  return { startedAt, kind: complaint ? 'reopened' : 'oldest_unanswered' };
}
