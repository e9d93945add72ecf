import type { Complaint, ComplaintEscalationReason, ComplaintStatus } from '../schema/complaint';
import type { Settings } from '../schema/settings';
import { dayInfo, shanghaiDate } from './calendar';
import { complaintDueAt } from './sla';

/**
 * Complaints as records (docs/rules.md "Complaints"), as pure functions of a complaint and the time:
 * - the result deadline: `complaintWorkingDays` (7) mainland-China working days after the day it was opened, the
 *   same calendar rule as a complaint conversation's due time (sla.ts `complaintDueAt`, calendar.ts);
 * - working days left, the escalation reasons (severe at once; due soon at two working days left or fewer;
 *   overdue once the deadline passes without a result) and the lead's buckets and order;
 * - the status steps: open → investigating → result given → closed (a result needs its text and upheld yes/no).
 */

export const DUE_SOON_WORKING_DAYS = 2;
const DAY = 24 * 3600_000;

export type EscalationReason = ComplaintEscalationReason;
export const ESCALATION_REASONS: readonly EscalationReason[] = ['severe', 'due_soon', 'overdue'];
export const COMPLAINT_BUCKETS = ['open', 'due_soon', 'overdue', 'closed_on_time', 'closed_late'] as const;
export type ComplaintBucket = (typeof COMPLAINT_BUCKETS)[number];

type Timing = Pick<Complaint, 'openedAt' | 'dueAt' | 'resultAt' | 'status'>;
type Severe = Pick<Complaint, 'severity' | 'suggestedSeverity' | 'severityConfirmedBy'>;

/** The result deadline of a complaint opened at `openedAt`, with any calendar years the data did not cover. */
export function complaintDeadline(openedAt: number, settings: Pick<Settings, 'complaintWorkingDays'>): { dueAt: number; uncoveredYears: number[] } {
  return complaintDueAt(openedAt, settings as Settings);
}

/** Working-day flags per Shanghai day number (days since the epoch in UTC+8): the calendar's answer, memoised. */
const workingByDay = new Map<number, boolean>();
const SHANGHAI = 8 * 3600_000;
const dayNumber = (ms: number) => Math.floor((ms + SHANGHAI) / DAY);
/** 00:00 in Shanghai of a day number (UTC+8 all year: no DST). */
const dayStart = (day: number) => day * DAY - SHANGHAI;
function isWorkingDay(day: number): boolean {
  let w = workingByDay.get(day);
  if (w === undefined) {
    w = dayInfo(shanghaiDate(day * DAY)).working;
    if (workingByDay.size >= 20_000) workingByDay.clear(); // bounded: ~55 years of days
    workingByDay.set(day, w);
  }
  return w;
}
/** How far back or ahead the counts look: an answer beyond it is capped (a decade of working days). */
const MAX_DAYS = 3660;

/**
 * Whole working days left before the deadline, not counting today: 7 on the day a complaint is opened (with the
 * default rule), 0 on its last working day ("due today"). Once past due: minus the working days since the
 * deadline, counting today (0 on the weekend right after it: overdue all the same, see `isOverdue`).
 */
export function workingDaysLeft(dueAt: number, now: number): number {
  const today = dayNumber(now);
  if (now < dueAt) {
    // Working days d with today < d and start(d) < dueAt.
    const last = dayNumber(dueAt - 1);
    let n = 0;
    for (let d = today + 1; d <= last && d - today <= MAX_DAYS; d++) if (isWorkingDay(d)) n++;
    return n;
  }
  let n = 0;
  for (let d = dayNumber(dueAt); d <= today && today - d <= MAX_DAYS; d++) if (isWorkingDay(d)) n++;
  return -n;
}

/**
 * The moment a complaint becomes due soon: the start (00:00 Shanghai) of the day from which at most
 * DUE_SOON_WORKING_DAYS working days are left, i.e. the third-last working day before the deadline; never before
 * it was opened.
 */
export function dueSoonAt(c: Pick<Complaint, 'openedAt' | 'dueAt'>): number {
  let seen = 0;
  const first = dayNumber(c.openedAt);
  const last = dayNumber(c.dueAt - 1);
  for (let d = last; d > first && last - d <= MAX_DAYS; d--) {
    if (!isWorkingDay(d)) continue;
    seen++;
    if (seen === DUE_SOON_WORKING_DAYS + 1) return Math.max(c.openedAt, dayStart(d));
  }
  return c.openedAt;
}

/** Whether the result came, or is still missing, at or after the deadline (exactly at it is late, as an SLA breach). */
export function isLate(c: Pick<Complaint, 'dueAt' | 'resultAt'>, now: number): boolean {
  return (c.resultAt ?? now) >= c.dueAt;
}

/** Severe for escalation: set severe, or suggested severe and not yet confirmed or changed by a lead. */
export const isSevere = (c: Severe): boolean => c.severity === 'severe' || (c.suggestedSeverity === 'severe' && c.severityConfirmedBy === null);

/** Overdue: not closed and its result late (missing past the deadline, or given after it). Stays until closed. */
export const isOverdue = (c: Timing, now: number): boolean => c.status !== 'closed' && isLate(c, now);

/** Due soon: not closed, no result yet, not overdue, and at most two working days left. */
export const isDueSoon = (c: Timing, now: number): boolean =>
  c.status !== 'closed' && c.resultAt === null && now < c.dueAt && now >= dueSoonAt(c);

/**
 * Why a complaint is escalated to the leads now, in order of force. Closed: none. Overdue supersedes due soon (a
 * clock that jumped past both says overdue only).
 */
export function escalationReasons(c: Timing & Severe, now: number): EscalationReason[] {
  if (c.status === 'closed') return [];
  const out: EscalationReason[] = [];
  if (isSevere(c)) out.push('severe');
  if (isOverdue(c, now)) out.push('overdue');
  else if (isDueSoon(c, now)) out.push('due_soon');
  return out;
}

/** The lead's bucket: closed on time or late (by when the result was given), else overdue, due soon, open. */
export function bucketOf(c: Timing, now: number): ComplaintBucket {
  if (c.status === 'closed') return isLate(c, now) ? 'closed_late' : 'closed_on_time';
  if (isOverdue(c, now)) return 'overdue';
  if (isDueSoon(c, now)) return 'due_soon';
  return 'open';
}

/**
 * When the escalation state can next change by time alone (due soon, then overdue); Infinity when it cannot
 * (closed, a result given, already overdue). The core's watch wakes then.
 */
export function nextWakeAt(c: Timing, now: number): number {
  if (c.status === 'closed' || c.resultAt !== null || now >= c.dueAt) return Infinity;
  const soon = dueSoonAt(c);
  return now < soon ? soon : c.dueAt;
}

type Ordered = Timing & Severe & Pick<Complaint, 'id' | 'closedAt'>;

/**
 * A complaint's place in the lead's order as a sortable key (see compareForLead), computed once per complaint: a
 * list sorts thousands by it without recomputing the calendar per comparison.
 */
export function leadKey(c: Ordered, now: number): [number, number, number, number, string] {
  if (c.status === 'closed') return [3, 0, 0, -(c.closedAt ?? 0), c.id];
  const overdue = isOverdue(c, now);
  if (isSevere(c) || overdue) {
    const awaiting = c.suggestedSeverity === 'severe' && c.severityConfirmedBy === null ? 0 : 1;
    return [0, awaiting, overdue ? 0 : 1, c.dueAt, c.id];
  }
  return [isDueSoon(c, now) ? 1 : 2, 0, 0, c.dueAt, c.id];
}
const compareKeys = (a: ReturnType<typeof leadKey>, b: ReturnType<typeof leadKey>): number => {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : 0;
};

/** `items` in the lead's order (each key computed once). */
export function sortForLead<C extends Ordered>(items: readonly C[], now: number): C[] {
  return items
    .map((c) => ({ c, k: leadKey(c, now) }))
    .sort((a, b) => compareKeys(a.k, b.k))
    .map((x) => x.c);
}

/**
 * The lead's order: first the escalated ones (severe or overdue; a severity suggestion awaiting the lead's word
 * first, then overdue, then the earliest deadline), then due soon, then the rest open by deadline, then the
 * closed, latest closed first. An overdue complaint stays in the top group until it is closed.
 */
export function compareForLead(a: Ordered, b: Ordered, now: number): number {
  return compareKeys(leadKey(a, now), leadKey(b, now));
}

/** The status steps. A result can be revised (result_given → result_given) before closing; closing is final. */
export const COMPLAINT_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  open: ['investigating', 'result_given'],
  investigating: ['result_given'],
  result_given: ['result_given', 'closed'],
  closed: [],
};

export interface ComplaintPatch {
  status?: ComplaintStatus;
  handlerId?: string | null;
  result?: string;
  upheld?: boolean | null;
  subject?: Complaint['subject'];
  aboutAgentId?: string | null;
}

export type UpdateProblem =
  | { code: 'complaint_closed' }
  | { code: 'complaint_transition'; params: { from: ComplaintStatus; to: ComplaintStatus } }
  | { code: 'complaint_result_needed' };

/**
 * A lead's update applied to a complaint at `now`, or why it is refused: nothing changes once closed; the status
 * moves only along COMPLAINT_TRANSITIONS; giving (or revising) a result needs its text and upheld yes/no, and the
 * first result's time is kept (it decides "on time"); closing stamps `closedAt`.
 */
export function applyComplaintUpdate(c: Complaint, patch: ComplaintPatch, now: number): { ok: true; next: Complaint } | { ok: false; problem: UpdateProblem } {
  if (c.status === 'closed') return { ok: false, problem: { code: 'complaint_closed' } };
  const to = patch.status ?? c.status;
  if (to !== c.status && !COMPLAINT_TRANSITIONS[c.status].includes(to)) {
    return { ok: false, problem: { code: 'complaint_transition', params: { from: c.status, to } } };
  }
  const next: Complaint = {
    ...c,
    status: to,
    handlerId: patch.handlerId !== undefined ? patch.handlerId : c.handlerId,
    result: patch.result !== undefined ? patch.result.trim() : c.result,
    upheld: patch.upheld !== undefined ? patch.upheld : c.upheld,
    subject: patch.subject ?? c.subject,
    aboutAgentId: patch.aboutAgentId !== undefined ? patch.aboutAgentId : c.aboutAgentId,
    updatedAt: now,
  };
  if (to === 'result_given' || to === 'closed') {
    if (next.result === '' || next.upheld === null) return { ok: false, problem: { code: 'complaint_result_needed' } };
    next.resultAt = c.resultAt ?? now;
  }
  if (to === 'closed') next.closedAt = now;
  return { ok: true, next };
}
