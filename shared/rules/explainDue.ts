import type { Conversation } from '../schema/conversation';
import type { Settings } from '../schema/settings';
import { addWorkingDays } from './calendar';
import { computeDue, dueClock, effectiveDueAt, owedTier, ruleFor, type ClockKind, type SlaRule } from './sla';

export interface PauseInterval {
  from: number;
  /** null: the pause is still running. */
  to: number | null;
}

export interface DueExplanation {
  /** Why this conversation has (or has no) due time. */
  state: 'owed' | 'with_bot' | 'answered' | 'settled';
  rule: SlaRule;
  /**
   * What started the clock that is due: the bot's hand-over, the oldest customer message not yet answered (later
   * messages do not restart it; only an agent's reply settles it), or a reopen (complaints).
   */
  clock: ClockKind | null;
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
  const tier = owedTier(c);
  const rule = ruleFor(c.category, tier);
  const complaint = rule === 'complaint';
  const { startedAt: started, kind } = dueClock(c);
  const base: DueExplanation = {
    state: 'owed',
    rule,
    clock: null,
    clockStartedAt: started,
    targetHours: complaint ? null : settings.slaHours[tier],
    targetWorkingDays: complaint ? settings.complaintWorkingDays : null,
    workingDays: [],
    uncoveredYears: [],
    pausedMs: complaint ? c.resultPausedMs : c.slaPausedMs,
    pausedSince: c.slaPausedAt,
    pauses,
    dueAt: c.dueAt,
    effectiveDueAt: effectiveDueAt(c, now),
  };
  if (c.status === 'bot') return { ...base, state: 'with_bot' };
  if (c.status === 'resolved' || c.status === 'closed') return { ...base, state: 'settled' };
  if (started === null || c.dueAt === null) return { ...base, state: 'answered' };
  if (complaint) {
    const d = addWorkingDays(started, settings.complaintWorkingDays);
    return { ...base, clock: kind, workingDays: d.days, uncoveredYears: d.uncoveredYears };
  }
  return { ...base, clock: kind, uncoveredYears: computeDue(c, settings).uncoveredYears };
}
