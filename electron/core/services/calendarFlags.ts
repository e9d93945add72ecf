import { addWorkingDays, shanghaiDate } from '../../../shared/rules/calendar';

const memo = new Map<string, number[]>();
const reported = new Set<number>();
let report: ((year: number) => void) | null = null;

/** Where the first use of each uncovered year is logged (the core sets its log here). */
export function onUncoveredYear(fn: (year: number) => void): void {
  report = fn;
}

/**
 * Years outside the calendar data that a complaint clock started at `from` needed (Monday–Friday was assumed).
 * The answer depends only on the Shanghai start date and the working-day count, so it is memoised: 50 000 queue
 * entries cost a few hundred calendar walks, not 50 000. Each uncovered year is logged once per process.
 */
export function calendarFallbackYears(from: number, workingDays: number): number[] {
  const key = `${shanghaiDate(from)}|${workingDays}`;
  let years = memo.get(key);
  if (!years) {
    years = addWorkingDays(from, workingDays).uncoveredYears;
    memo.set(key, years);
    for (const y of years) {
      if (reported.has(y)) continue;
      reported.add(y);
      report?.(y);
    }
  }
  return years;
}
