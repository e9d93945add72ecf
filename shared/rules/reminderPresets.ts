import { nextWorkingDayAt, shanghaiDate, shanghaiDayStart } from './calendar';

/**
 * "Remind me" presets, on Shanghai time like the rest of the service rules. Pure functions of `now`, so the
 * core computes them with its (injectable) clock and tests need no real time.
 */
export const REMINDER_PRESETS = ['in_1_hour', 'tomorrow_9', 'next_working_day', 'in_3_days'] as const;
export type ReminderPreset = (typeof REMINDER_PRESETS)[number];

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface PresetTime {
  at: number;
  /** False when "next working day" fell in a year the calendar data does not cover (Monday–Friday was assumed). */
  covered: boolean;
}

export function presetTime(preset: ReminderPreset, now: number): PresetTime {
  switch (preset) {
    case 'in_1_hour':
      return { at: now + HOUR, covered: true };
    case 'tomorrow_9':
      // Shanghai has no daylight saving: tomorrow starts exactly one day after today's 00:00.
      return { at: shanghaiDayStart(shanghaiDate(now)) + DAY + 9 * HOUR, covered: true };
    case 'next_working_day':
      return nextWorkingDayAt(now, 9);
    case 'in_3_days':
      return { at: now + 3 * DAY, covered: true };
  }
}

export type ReminderBucket = 'upcoming' | 'due' | 'overdue' | 'done';

/** A fired reminder left alone for longer than this is overdue (what a lead looks at). */
export const OVERDUE_AFTER_MS = HOUR;

/**
 * Where a reminder sits in the reminders view: done once completed; upcoming until its time; due for the first
 * hour after it; overdue after that.
 */
export function reminderBucket(r: { status: 'scheduled' | 'fired' | 'done'; dueAt: number }, now: number): ReminderBucket {
  if (r.status === 'done') return 'done';
  if (r.dueAt > now) return 'upcoming';
  return now - r.dueAt >= OVERDUE_AFTER_MS ? 'overdue' : 'due';
}
