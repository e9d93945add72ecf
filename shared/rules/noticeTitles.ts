import type { Locale } from '../schema/common';
import type { NoticeKind } from '../schema/notice';

/**
 * Desktop-notification titles shown by the Electron main process (which has no i18next). They match
 * notices.kind.* in the renderer's locale files; tests/unit/desktop-notifier.test.ts keeps the two in step.
 */
export const NOTICE_TITLES: Record<Locale, Record<NoticeKind, string>> = {
  'zh-CN': { at_risk: '即将超时', breached: '已超时', escalated: '严重投诉已升级', reminder: '跟进提醒', complaint_severe: '疑似严重投诉，请确认', complaint_due_soon: '投诉即将到期', complaint_overdue: '投诉已逾期' },
  en: { at_risk: 'At risk of breaching', breached: 'SLA breached', escalated: 'Severe complaint escalated', reminder: 'Follow-up reminder', complaint_severe: 'Possibly severe complaint: please confirm', complaint_due_soon: 'Complaint due soon', complaint_overdue: 'Complaint overdue' },
};

/** A grouped notice's title in words ("20 条会话已超时"); they match notices.group.* in the renderer's locales. */
export const GROUP_TITLES: Record<Locale, Record<NoticeKind, (n: number) => string>> = {
  'zh-CN': {
    at_risk: (n) => `${n} 条会话即将超时`,
    breached: (n) => `${n} 条会话已超时`,
    escalated: (n) => `${n} 条严重投诉已升级`,
    reminder: (n) => `${n} 条跟进提醒到期`,
    complaint_severe: (n) => `${n} 条疑似严重投诉待确认`,
    complaint_due_soon: (n) => `${n} 条投诉即将到期`,
    complaint_overdue: (n) => `${n} 条投诉已逾期`,
  },
  en: {
    at_risk: (n) => `${n} conversations at risk of breaching`,
    breached: (n) => `${n} conversations breached`,
    escalated: (n) => `${n} severe complaints escalated`,
    reminder: (n) => `${n} follow-up reminders due`,
    complaint_severe: (n) => `${n} possibly severe complaints to confirm`,
    complaint_due_soon: (n) => `${n} complaints due soon`,
    complaint_overdue: (n) => `${n} complaints overdue`,
  },
};

/** The title of a notice: its kind, or for a group of several conversations, the count in words. */
export const noticeTitle = (locale: Locale, n: { kind: NoticeKind; count: number }): string =>
  n.count > 1 ? GROUP_TITLES[locale][n.kind](n.count) : NOTICE_TITLES[locale][n.kind];
