import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * The mainland-China working-day calendar, from the maintained `chinese-days` package (State Council holiday
 * notices, including 调休 working weekends). Dates are calendar days in Asia/Shanghai (UTC+8, no DST).
 * A year the data does not cover falls back to Monday–Friday and is reported, never guessed silently.
 */
const data = calendarData as { holidays: Record<string, string>; workdays: Record<string, string> };
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;

export const COVERED_YEARS: ReadonlySet<number> = new Set(
  [...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) => Number(d.slice(0, 4))),
);

/** "2026-10-01" for an instant, as the calendar in Shanghai shows it. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day starts (00:00 +08:00). */
export function shanghaiDayStart(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

export interface DayInfo {
  date: string;
  working: boolean;
  /** False when the calendar data has no entry for that year: `working` is then the Monday–Friday guess. */
  covered: boolean;
  /** Holiday or adjusted-workday name from the data ("National Day,国庆节,3"), if any. */
  name: string | null;
}

/**
 * Holidays whose dates are fixed by law (全国年节及纪念日放假办法, as revised in 2024, in force from 2025): New
 * Year's Day (1 Jan), Labour Day (1–2 May), National Day (1–3 Oct). The lunar and solar-term holidays (Spring
 * Festival, Qingming, Dragon Boat, Mid-Autumn) and the 调休 swaps are announced each year and cannot be derived,
 * which is why an uncovered year stays flagged.
 */
const FIXED_HOLIDAYS: Readonly<Record<string, string>> = {
  '01-01': "New Year's Day,元旦",
  '05-01': 'Labour Day,劳动节',
  '05-02': 'Labour Day,劳动节',
  '10-01': 'National Day,国庆节',
  '10-02': 'National Day,国庆节',
  '10-03': 'National Day,国庆节',
};

export function dayInfo(date: string): DayInfo {
  const covered = COVERED_YEARS.has(Number(date.slice(0, 4)));
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  if (!covered) {
    // Fallback for a year the data lacks: Monday–Friday, less the holidays the law fixes by date.
    const fixed = FIXED_HOLIDAYS[date.slice(5)];
    return { date, working: !weekend && !fixed, covered, name: fixed ?? null };
  }
  if (data.holidays[date]) return { date, working: false, covered, name: data.holidays[date] };
  if (data.workdays[date]) return { date, working: true, covered, name: data.workdays[date] };
  return { date, working: !weekend, covered, name: null };
}

const nextDate = (date: string) => shanghaiDate(shanghaiDayStart(date) + DAY + HOUR);

export interface WorkingDeadline {
  /** End of the Nth working day after the day of `from` (24:00 Shanghai). */
  dueAt: number;
  /** The working days counted, in order. */
  days: string[];
  /** Years that were needed but not covered by the calendar data (Monday–Friday was assumed for them). */
  uncoveredYears: number[];
}

/** Bounded (a few years of days × the working-day counts in use); cleared whole when full. */
const WORKING_DAYS_MEMO_MAX = 4096;
const workingDaysMemo = new Map<string, WorkingDeadline>();

/**
 * "Within N working days": counting starts the day after arrival; the deadline is the end of the Nth working day.
 * A complaint on Friday evening before National Day is due at the end of the 7th working day after the holiday.
 */
export function addWorkingDays(from: number, n: number): WorkingDeadline {
  // The answer depends only on the Shanghai day of `from` and on n: every SLA recomputation of a complaint (each
  // customer message, each import event) would otherwise walk the calendar again. Copies out, so a caller that
  // changes its arrays cannot change the cache.
  const key = `${Math.floor((from + SHANGHAI_OFFSET) / DAY)}|${n}`;
  let hit = workingDaysMemo.get(key);
  if (!hit) {
    hit = walkWorkingDays(from, n);
    if (workingDaysMemo.size >= WORKING_DAYS_MEMO_MAX) workingDaysMemo.clear();
    workingDaysMemo.set(key, hit);
  }
  return { dueAt: hit.dueAt, days: [...hit.days], uncoveredYears: [...hit.uncoveredYears] };
}

function walkWorkingDays(from: number, n: number): WorkingDeadline {
  const days: string[] = [];
  const uncovered = new Set<number>();
  let date = shanghaiDate(from);
  // Bounded: even a 60-working-day target ends within a year of calendar days.
  for (let guard = 0; days.length < n && guard < 800; guard++) {
    date = nextDate(date);
    const info = dayInfo(date);
    if (!info.covered) uncovered.add(Number(date.slice(0, 4)));
    if (info.working) days.push(date);
  }
  return { dueAt: shanghaiDayStart(nextDate(days[days.length - 1])), days, uncoveredYears: [...uncovered] };
}

/** The start (at `hour`:00 Shanghai) of the first working day after the day of `from`; used by reminder presets. */
export function nextWorkingDayAt(from: number, hour = 9): { at: number; covered: boolean } {
  let date = shanghaiDate(from);
  for (let guard = 0; guard < 60; guard++) {
    date = nextDate(date);
    const info = dayInfo(date);
    if (info.working) return { at: shanghaiDayStart(date) + hour * HOUR, covered: info.covered };
  }
  throw new Error('no working day within 60 days');
}
