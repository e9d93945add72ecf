import type { Conversation } from '../schema/conversation';
import type { Settings } from '../schema/settings';
import { addWorkingDays } from './calendar';
import { computeDue, effectiveDueAt, ruleFor, type SlaRule } from './sla';

export interface PauseInterval {
  from: number;
  /** null: the pause is still running. */
  to: number | null;
}

export interface DueExplanation {
  /** Why this conversation has (or has no) due time. */
  state: 'owed' | 'with_bot' | 'answered' | 'settled';
  rule: SlaRule;
  /** What started the running clock: the bot's hand-over or the customer's latest message. */
  clock: 'handover' | 'customer_message' | null;
  clockStartedAt: number | null;
  targetHours: number | null;
  targetWorkingDays: number | null;
  /** Complaints: the working days counted (Shanghai dates). */
  workingDays: string[];
  /** Years outside the calendar data: Monday–Friday was assumed. */
  uncoveredYears: number[];
  /** Paused time already added to the due time. */
  pausedMs: number;
  pausedSince: number | null;
  /** Pause intervals on the running clock, when the caller knows them (from the audit log). */
  pauses: PauseInterval[];
  dueAt: number | null;
  /** The due time as of `now` (a running pause pushes it later). */
  effectiveDueAt: number | null;
}

/**
 * Each conversation shows why it has its due time: which rule, which clock, which pauses. Pure: the conversation,
 * the settings and the time; pause intervals come from the caller (the core reads them from the audit log).
 */
export function explainDue(c: Conversation, settings: Settings, now: number, pauses: PauseInterval[] = []): DueExplanation {
  const rule = ruleFor(c.category, c.tierAtArrival);
  const complaint = rule === 'complaint';
  const base: DueExplanation = {
    state: 'owed',
    rule,
    clock: null,
    clockStartedAt: c.slaClockStartedAt,
    targetHours: complaint ? null : settings.slaHours[c.tierAtArrival],
    targetWorkingDays: complaint ? settings.complaintWorkingDays : null,
    workingDays: [],
    uncoveredYears: [],
    pausedMs: c.slaPausedMs,
    pausedSince: c.slaPausedAt,
    pauses,
    dueAt: c.dueAt,
    effectiveDueAt: effectiveDueAt(c, now),
  };
  if (c.status === 'bot') return { ...base, state: 'with_bot' };
  if (c.status === 'resolved' || c.status === 'closed') return { ...base, state: 'settled' };
  if (c.slaClockStartedAt === null || c.dueAt === null) return { ...base, state: 'answered' };
  const clock = c.queuedAt !== null && c.slaClockStartedAt === c.queuedAt ? 'handover' : 'customer_message';
  if (complaint) {
    const d = addWorkingDays(c.slaClockStartedAt, settings.complaintWorkingDays);
    return { ...base, clock, workingDays: d.days, uncoveredYears: d.uncoveredYears };
  }
  return { ...base, clock, uncoveredYears: computeDue(c, settings).uncoveredYears };
}
