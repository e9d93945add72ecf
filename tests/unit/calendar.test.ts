import { describe, expect, it } from 'vitest';
import { addWorkingDays, COVERED_YEARS, dayInfo, nextWorkingDayAt, shanghaiDate } from '../../shared/rules/calendar';

const at = (iso: string) => Date.parse(iso);

describe('the CN working-day calendar', () => {
  it('knows statutory holidays and adjusted working weekends (调休)', () => {
    expect(dayInfo('2026-10-01')).toMatchObject({ working: false, covered: true }); // National Day
    expect(dayInfo('2026-02-17')).toMatchObject({ working: false, covered: true }); // Spring Festival
    expect(dayInfo('2026-02-14').working).toBe(true); // Saturday made a working day before Spring Festival
    expect(dayInfo('2026-11-28').working).toBe(false); // an ordinary Saturday
    expect(dayInfo('2026-11-24').working).toBe(true); // an ordinary Tuesday
  });

  it('uses Shanghai dates, not UTC ones', () => {
    expect(shanghaiDate(at('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
  });

  it('counts 7 working days over the National Day week', () => {
    // Arrives Wednesday 30 Sep 2026; 1–7 Oct are off, Sat 10 Oct 2026 is a 调休 working day.
    const d = addWorkingDays(at('2026-09-30T10:00:00+08:00'), 7);
    expect(d.days[0]).toBe('2026-10-08');
    expect(d.days).toContain('2026-10-10');
    expect(d.uncoveredYears).toEqual([]);
    expect(d.dueAt).toBe(at(`${d.days[6]}T00:00:00+08:00`) + 24 * 3600_000);
  });

  it('flags a year the data does not cover and falls back to Monday–Friday', () => {
    const year = Math.max(...COVERED_YEARS) + 1;
    const d = addWorkingDays(at(`${year - 1}-12-29T10:00:00+08:00`), 7);
    expect(d.uncoveredYears).toContain(year);
    for (const day of d.days.filter((x) => x.startsWith(String(year)))) {
      const wd = new Date(`${day}T12:00:00Z`).getUTCDay();
      expect(wd).not.toBe(0);
      expect(wd).not.toBe(6);
    }
  });

  it('in an uncovered year, still skips the holidays fixed by law: 1 Jan, 1–2 May, 1–3 Oct', () => {
    // Find the first uncovered year in which each fixed date is a weekday, so the weekend rule alone cannot skip it.
    const first = Math.max(...COVERED_YEARS) + 1;
    for (const md of ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']) {
      let y = first;
      while ([0, 6].includes(new Date(`${y}-${md}T12:00:00Z`).getUTCDay())) y++;
      const info = dayInfo(`${y}-${md}`);
      expect(info, `${y}-${md}`).toMatchObject({ working: false, covered: false });
      // Counting from the day before: the holiday is not counted as a working day, and the year stays flagged.
      const d = addWorkingDays(at(`${y}-${md}T00:30:00+08:00`) - 24 * 3600_000, 3);
      expect(d.days).not.toContain(`${y}-${md}`);
      expect(d.uncoveredYears).toContain(y);
    }
    // An ordinary weekday of an uncovered year is still a working day.
    let y = first;
    while ([0, 6].includes(new Date(`${y}-03-10T12:00:00Z`).getUTCDay())) y++;
    expect(dayInfo(`${y}-03-10`)).toMatchObject({ working: true, covered: false });
  });

  it('finds the next working day at 9:00 for a Friday evening', () => {
    expect(nextWorkingDayAt(at('2026-11-27T20:00:00+08:00'))).toEqual({ at: at('2026-11-30T09:00:00+08:00'), covered: true });
  });
});
