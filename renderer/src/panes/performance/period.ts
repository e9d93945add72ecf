/**
 * Periods for the performance calls: whole Beijing calendar days (Asia/Shanghai, UTC+8, no daylight saving), `from`
 * and `to` both included, as shared/contract/performance.ts `PeriodInput` wants. Counted from the core's clock
 * (session `now`), not the browser's, so a test clock or a machine in another zone still asks for the right days.
 * (shared/rules/calendar.ts has the same conversion, but importing it would pull the holiday tables into the page.)
 */
const DAY = 86_400_000;
const BEIJING_OFFSET = 8 * 3_600_000;

export const PERIOD_PRESETS = [7, 30, 90] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export interface Period {
  from: string;
  to: string;
}

/** "2026-11-24": the Beijing calendar date of an instant. */
export function beijingDate(ms: number): string {
  return new Date(ms + BEIJING_OFFSET).toISOString().slice(0, 10);
}

/** The last `days` Beijing days up to and including today. */
export function lastDays(now: number, days: number): Period {
  return { from: beijingDate(now - (days - 1) * DAY), to: beijingDate(now) };
}
