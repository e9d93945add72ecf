import type { Category, Status, Tier } from '../schema/common';
import type { Conversation } from '../schema/conversation';
import type { Settings } from '../schema/settings';
import { addWorkingDays } from './calendar';

const HOUR = 3600_000;

/**
 * The SLA clock, as pure functions of a conversation's clock fields and the team settings.
 *
 * Model (see ../shared/rules.md):
 * - One clock per conversation. For `complaint` it is the result deadline (N working days on the CN calendar,
 *   started at hand-over and kept across customer messages); otherwise it is the response owed (12 h VIP,
 *   24 h normal, wall-clock), started at hand-over or at the customer's latest message, settled by the
 *   agent's answer.
 * - `slaClockStartedAt` is the start of the running clock (null: nothing owed). `slaPausedMs` is paused time
 *   already folded into the due time; while `pending`, `slaPausedAt` marks the running pause.
 * - Stored `dueAt` = target end + folded pauses. While paused the effective due time moves with the clock:
 *   `dueAt + (now - slaPausedAt)`, i.e. the time left is frozen.
 */
export type SlaRule = 'response_normal' | 'response_vip' | 'complaint';

export type SlaClock = Pick<Conversation, 'category' | 'tierAtArrival' | 'status' | 'slaClockStartedAt' | 'slaPausedAt' | 'slaPausedMs'>;

export const ruleFor = (category: Category, tier: Tier): SlaRule =>
  category === 'complaint' ? 'complaint' : tier === 'vip' ? 'response_vip' : 'response_normal';

/**
 * When the response now owed is due: the clock starts at hand-over (bot time does not count) or at the customer's
 * latest message, runs on wall-clock hours (12 h VIP, 24 h normal), and does not run while paused.
 */
export function responseDueAt(tier: Tier, clockStartedAt: number, pausedMs: number, settings: Settings): number {
  return clockStartedAt + settings.slaHours[tier] * HOUR + pausedMs;
}

/** A complaint's result is due within N working days on the mainland-China calendar. */
export function complaintDueAt(arrivedAt: number, settings: Settings): { dueAt: number; uncoveredYears: number[] } {
  const d = addWorkingDays(arrivedAt, settings.complaintWorkingDays);
  return { dueAt: d.dueAt, uncoveredYears: d.uncoveredYears };
}

/** The due time for a conversation that starts owing a response at `clockStartedAt`. */
export function initialDueAt(category: Category, tier: Tier, clockStartedAt: number, settings: Settings): number {
  return category === 'complaint' ? complaintDueAt(clockStartedAt, settings).dueAt : responseDueAt(tier, clockStartedAt, 0, settings);
}

const OWES: ReadonlySet<Status> = new Set<Status>(['queued', 'open', 'pending']);

/**
 * The stored due time these clock fields imply (null while nothing is owed). Paused time already folded in
 * (`slaPausedMs`) moves it later; a running pause does not (see `effectiveDueAt`). For complaints the folded pause
 * is added as wall-clock time after the working-day deadline (documented simplification).
 */
export function computeDue(c: SlaClock, settings: Settings): { dueAt: number | null; uncoveredYears: number[] } {
  if (c.slaClockStartedAt === null || !OWES.has(c.status)) return { dueAt: null, uncoveredYears: [] };
  if (c.category === 'complaint') {
    const d = complaintDueAt(c.slaClockStartedAt, settings);
    return { dueAt: d.dueAt + c.slaPausedMs, uncoveredYears: d.uncoveredYears };
  }
  return { dueAt: responseDueAt(c.tierAtArrival, c.slaClockStartedAt, c.slaPausedMs, settings), uncoveredYears: [] };
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

type ClockPatch = Pick<Conversation, 'dueAt' | 'slaClockStartedAt' | 'slaPausedAt' | 'slaPausedMs'>;
const patchOf = (c: ClockPatch): ClockPatch => ({ dueAt: c.dueAt, slaClockStartedAt: c.slaClockStartedAt, slaPausedAt: c.slaPausedAt, slaPausedMs: c.slaPausedMs });

/** Ends a running pause: its length is folded into the clock. */
function resumed<C extends SlaClock>(c: C, now: number): C {
  if (c.slaPausedAt === null) return c;
  return { ...c, slaPausedAt: null, slaPausedMs: c.slaPausedMs + Math.max(0, now - c.slaPausedAt) };
}

/**
 * The clock after a status change by an agent. `pending` pauses a running clock; leaving `pending` resumes it;
 * `resolved`/`closed` settle everything (nothing is owed until the customer writes again).
 */
export function clockOnStatus(before: SlaClock & Pick<Conversation, 'dueAt'>, to: Status, now: number, settings: Settings): ClockPatch {
  if (to === 'resolved' || to === 'closed') return { dueAt: null, slaClockStartedAt: null, slaPausedAt: null, slaPausedMs: 0 };
  if (before.slaClockStartedAt === null) return patchOf({ ...before, dueAt: null });
  if (to === 'pending') {
    const paused = before.slaPausedAt ?? now;
    return patchOf({ ...before, slaPausedAt: paused });
  }
  const next = { ...resumed(before, now), status: to };
  return patchOf({ ...next, dueAt: computeDue(next, settings).dueAt });
}

/**
 * The clock after a customer message. With the bot nothing runs yet. A complaint keeps its result deadline (a
 * pause ends); a reopened complaint starts a new one. Anything else owes a fresh response from now.
 */
export function clockOnCustomerMessage(before: SlaClock & Pick<Conversation, 'dueAt'>, now: number, settings: Settings): ClockPatch {
  if (before.status === 'bot') return { dueAt: null, slaClockStartedAt: null, slaPausedAt: null, slaPausedMs: 0 };
  const status: Status = before.status === 'queued' ? 'queued' : 'open';
  if (before.category === 'complaint' && before.slaClockStartedAt !== null && OWES.has(before.status)) {
    const next = { ...resumed(before, now), status };
    return patchOf({ ...next, dueAt: computeDue(next, settings).dueAt });
  }
  const next = { ...before, status, slaClockStartedAt: now, slaPausedAt: null, slaPausedMs: 0 };
  return patchOf({ ...next, dueAt: computeDue(next, settings).dueAt });
}

/** The clock after the agent's public answer: a response is settled; a complaint's result is still owed. */
export function clockOnAgentReply(before: SlaClock & Pick<Conversation, 'dueAt'>): ClockPatch {
  if (before.category === 'complaint' && before.slaClockStartedAt !== null) return patchOf(before);
  return { dueAt: null, slaClockStartedAt: null, slaPausedAt: null, slaPausedMs: 0 };
}

/** The clock of a conversation the bot hands over now: bot time does not count. */
export function clockOnHandOver(c: Pick<Conversation, 'category' | 'tierAtArrival'>, now: number, settings: Settings): ClockPatch {
  return { dueAt: initialDueAt(c.category, c.tierAtArrival, now, settings), slaClockStartedAt: now, slaPausedAt: null, slaPausedMs: 0 };
}

/** The conversation with its due time recomputed from its clock (seeding, settings changes, data written elsewhere). */
export function withComputedDue<C extends SlaClock & Pick<Conversation, 'dueAt'>>(c: C, settings: Settings): C {
  const dueAt = computeDue(c, settings).dueAt;
  return dueAt === c.dueAt ? c : { ...c, dueAt };
}
