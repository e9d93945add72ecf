import { describe, expect, it } from 'vitest';
import { translator } from './translator';
import { formatDuration, type DurationTranslate } from '../../renderer/src/app/format';

const en = translator<DurationTranslate>('en');
const zh = translator<DurationTranslate>('zh-CN');

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('durations in the user’s language', () => {
  it('days and hours', () => {
    expect(formatDuration(8 * D + 15 * H + 20 * M, zh)).toBe('8 天 15 小时');
    expect(formatDuration(8 * D + 15 * H + 20 * M, en)).toBe('8 days 15 hours');
    expect(formatDuration(1 * D, zh)).toBe('1 天 0 小时');
    expect(formatDuration(1 * D, en)).toBe('1 day 0 hours');
    expect(formatDuration(2 * D + 1 * H, en)).toBe('2 days 1 hour');
  });

  it('hours and minutes, the minutes shown even when zero', () => {
    expect(formatDuration(12 * H, zh)).toBe('12 小时 0 分');
    expect(formatDuration(12 * H, en)).toBe('12 hours 0 minutes');
    expect(formatDuration(1 * H + 1 * M + 59 * S, en)).toBe('1 hour 1 minute');
    expect(formatDuration(23 * H + 59 * M + 59 * S, zh)).toBe('23 小时 59 分');
  });

  it('minutes alone, then seconds', () => {
    expect(formatDuration(45 * M + 30 * S, zh)).toBe('45 分');
    expect(formatDuration(45 * M, en)).toBe('45 minutes');
    expect(formatDuration(1 * M, en)).toBe('1 minute');
    expect(formatDuration(30 * S, zh)).toBe('30 秒');
    expect(formatDuration(1 * S, en)).toBe('1 second');
  });

  it('zero', () => {
    expect(formatDuration(0, zh)).toBe('0 秒');
    expect(formatDuration(0, en)).toBe('0 seconds');
    expect(formatDuration(999, en)).toBe('0 seconds');
  });

  it('a negative (overdue) duration reads like its size; the caller words it as overdue', () => {
    const overdue = -(1 * D + 21 * H + 5 * M);
    expect(formatDuration(overdue, zh)).toBe('1 天 21 小时');
    expect(formatDuration(overdue, en)).toBe('1 day 21 hours');
    expect(zh('time.overdue', { time: formatDuration(overdue, zh) })).toBe('已超时 1 天 21 小时');
    expect(en('time.overdue', { time: formatDuration(overdue, en) })).toBe('1 day 21 hours overdue');
    expect(zh('time.left', { time: formatDuration(8 * D + 15 * H, zh) })).toBe('剩余 8 天 15 小时');
    expect(en('time.left', { time: formatDuration(8 * D + 15 * H, en) })).toBe('8 days 15 hours left');
    expect(formatDuration(-30 * S, en)).toBe('30 seconds');
  });
});
