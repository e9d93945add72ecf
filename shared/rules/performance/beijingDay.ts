/**
 * Beijing calendar days (Asia/Shanghai: UTC+8 all year, no daylight saving since 1991), the unit of every
 * performance period. A reply at 23:59 and one at 00:01 Beijing time fall on different days, whatever the machine's
 * own time zone. Dates are "YYYY-MM-DD" strings; `from` and `to` of a period are both included.
 */
const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000;

/** The Beijing date of an instant. */
export function beijingDate(ms: number): string {
  return new Date(ms + OFFSET).toISOString().slice(0, 10);
}

/** The day number (days since 1970-01-01 in Beijing) of an instant: cheap to compare and bucket. */
export const beijingDayNumber = (ms: number): number => Math.floor((ms + OFFSET) / DAY);

/** The instant a Beijing date starts (00:00 Beijing = 16:00 UTC the day before). NaN for a date that does not exist. */
export function startOfBeijingDate(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2026-02-31 over to March in some engines and refuses it in others: check the round trip.
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return Number.NaN;
  return ms - OFFSET;
}

export const dateOfDayNumber = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
export const dayNumberOfDate = (date: string): number => Math.floor((startOfBeijingDate(date) + OFFSET) / DAY);

/** The Monday of the Beijing week a day number falls in (day 0, 1970-01-01, was a Thursday). */
export const mondayOf = (day: number): number => day - ((day + 3) % 7);

export interface Range {
  /** First instant included. */
  start: number;
  /** First instant after the period. */
  end: number;
}

/** The instants of a period of whole Beijing days, `from` and `to` included; null when a date does not exist. */
export function periodRange(from: string, to: string): Range | null {
  const start = startOfBeijingDate(from);
  const last = startOfBeijingDate(to);
  if (Number.isNaN(start) || Number.isNaN(last)) return null;
  return { start, end: last + DAY };
}

/** An instant as ISO 8601 in Beijing time, "2026-11-24T09:00:00+08:00" (what the CSV export writes). */
export function beijingIso(ms: number): string {
  return `${new Date(ms + OFFSET).toISOString().slice(0, 19)}+08:00`;
}
