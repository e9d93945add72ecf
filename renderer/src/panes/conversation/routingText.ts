import type { TFunction } from 'i18next';
import type { RouteReason, RouteReasonCode, RoutingRecord } from '../../../../shared/schema';

type Translate = TFunction | ((key: string, options?: Record<string, unknown>) => string);

/**
 * One routing reason in the UI language, from its stored code and params (shared/schema/bot.ts RouteReasonCode):
 * the core keeps codes, never sentences, so a decision reads in whichever language the agent uses now. Params that
 * are codes themselves (a category, a locale) are translated too.
 */
export function reasonText(r: RouteReason, t: Translate): string {
  const p = r.params;
  switch (r.code) {
    case 'skill':
      // Mid-sentence, so in lower case ("payment skill"); Chinese has no case and is unchanged.
      return t('conversation.routing.reason.skill', { category: t(`category.${String(p.category)}`).toLocaleLowerCase(), level: p.level });
    case 'language':
      return t('conversation.routing.reason.language', { language: t(`app.languages.${String(p.locale)}`) });
    case 'least_recent': {
      const since = Number(p.sinceMs);
      return since < 0 ? t('conversation.routing.reason.least_recent_never') : t('conversation.routing.reason.least_recent', { minutes: Math.round(since / 60_000) });
    }
    default:
      return t(`conversation.routing.reason.${r.code}`, p);
  }
}

/**
 * The whole decision as one line: "分配给 李娜：该客户的专属客服；支付技能；负载 3/8", or "Waiting: nobody suitable is
 * available". `agentName` is the name of the agent it went to (the caller knows the assignee and the owner).
 */
export function routingText(record: Pick<RoutingRecord, 'state' | 'reasons'>, agentName: string | null, t: Translate): string {
  const reasons = record.reasons.map((r) => reasonText(r, t)).join(t('conversation.routing.separator'));
  if (record.state === 'waiting' || agentName === null) return t('conversation.routing.waiting', { reasons });
  return t('conversation.routing.assigned', { name: agentName, reasons });
}

/** Every reason code the UI must phrase (the DOM test checks each has a sentence in both languages). */
export const REASON_KEYS = (code: RouteReasonCode): string[] =>
  code === 'least_recent' ? ['conversation.routing.reason.least_recent', 'conversation.routing.reason.least_recent_never'] : [`conversation.routing.reason.${code}`];
