import type { TFunction } from 'i18next';

/** Any `t` (i18next's, or a test's): the duration words are translation keys with plurals (time.duration.*). */
export type DurationTranslate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A duration in the user's language, short enough for a queue row and exact enough to act on, two units at most:
 * "8 天 15 小时" / "8 days 15 hours", "12 小时 0 分" / "12 hours 0 minutes", "45 分" / "45 minutes", "30 秒" /
 * "30 seconds". The sign is dropped (an overdue time is worded by the caller: time.overdue). Pure.
 */
export function formatDuration(ms: number, translate: DurationTranslate | TFunction): string {
  const t = translate as DurationTranslate;
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const unit = (name: 'days' | 'hours' | 'minutes' | 'seconds', count: number) => t(`time.duration.${name}`, { count });
  const pair = (first: string, second: string) => t('time.duration.pair', { first, second });
  if (d > 0) return pair(unit('days', d), unit('hours', h));
  if (h > 0) return pair(unit('hours', h), unit('minutes', m));
  if (m > 0) return unit('minutes', m);
  return unit('seconds', s % 60);
}

export function formatTime(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}
