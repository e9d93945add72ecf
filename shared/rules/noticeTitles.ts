import type { Locale } from '../schema/common';
import type { NoticeKind } from '../schema/notice';

/**
 * Desktop-notification titles shown by the Electron main process (which has no i18next). They match
 * notices.kind.* in the renderer's locale files; tests/unit/desktop-notifier.test.ts keeps the two in step.
 */
export const NOTICE_TITLES: Record<Locale, Record<NoticeKind, string>> = {
  'zh-CN': { at_risk: '即将超时', breached: '已超时', escalated: '严重投诉已升级', reminder: '跟进提醒' },
  en: { at_risk: 'At risk of breaching', breached: 'SLA breached', escalated: 'Severe complaint escalated', reminder: 'Follow-up reminder' },
};
