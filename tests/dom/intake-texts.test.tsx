import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../shared/contract/conversation';
import { HandOverReason, Presence, RouteReasonCode, SpoolProblemReason, type RouteReason } from '../../shared/schema';
import { RoutingLine } from '../../renderer/src/panes/conversation/RoutingLine';
import { reasonText, routingText } from '../../renderer/src/panes/conversation/routingText';
import { translator } from '../unit/translator';
import { renderApp } from './render';

type T = (key: string, options?: Record<string, unknown>) => string;
const en = translator<T>('en');
const zh = translator<T>('zh-CN');

/** Params of the shape the core stores for each code (shared/rules/routing.ts, routing.reroute). */
const SAMPLE: Record<RouteReasonCode, RouteReason['params']> = {
  dedicated_owner: { agentId: 'a-lina', name: '李娜' },
  owner_away: { agentId: 'a-lina', name: '李娜' },
  owner_full: { agentId: 'a-lina', name: '李娜', load: 8, capacity: 8 },
  vip_skill: {},
  skill: { category: 'payment', level: 4 },
  language: { locale: 'zh-CN' },
  load: { load: 3, capacity: 8 },
  busy: {},
  least_recent: { sinceMs: 600_000 },
  nobody_available: {},
  manual: { by: '赵敏' },
};

/** A translation that is missing comes back as its key (the translator has no fallback) or with a {{slot}} unfilled. */
const phrased = (text: string) => !/conversation\.|intake\.|category\.|app\.|{{/.test(text);

describe('routing reasons, hand-over reasons and spool problems in words', () => {
  for (const [lng, t] of [['en', en], ['zh-CN', zh]] as const) {
    it(`has a sentence for every routing reason code in ${lng}`, () => {
      for (const code of RouteReasonCode.options) {
        const text = reasonText({ code, params: SAMPLE[code] }, t);
        expect(phrased(text), `${code}: ${text}`).toBe(true);
      }
      expect(phrased(reasonText({ code: 'least_recent', params: { sinceMs: -1 } }, t))).toBe(true);
    });
    it(`phrases every hand-over reason, spool problem and presence in ${lng}`, () => {
      for (const r of HandOverReason.options) expect(phrased(t(`conversation.handover.reasons.${r}`)), r).toBe(true);
      for (const r of SpoolProblemReason.options) expect(phrased(t(`intake.reason.${r}`)), r).toBe(true);
      for (const p of Presence.options) expect(phrased(t(`conversation.presence.${p}`)), p).toBe(true);
    });
  }

  it('says the whole decision in the UI language', () => {
    const record = { state: 'assigned' as const, reasons: [{ code: 'dedicated_owner' as const, params: SAMPLE.dedicated_owner }, { code: 'skill' as const, params: SAMPLE.skill }, { code: 'load' as const, params: SAMPLE.load }] };
    expect(routingText(record, '李娜', zh)).toBe('分配给 李娜：该客户的专属客服；支付技能；负载 3/8');
    expect(routingText(record, 'Li Na', en)).toBe('Assigned to Li Na: the customer’s dedicated agent; payment skill; load 3/8');
    const waiting = { state: 'waiting' as const, reasons: [{ code: 'nobody_available' as const, params: {} }] };
    expect(routingText(waiting, null, en)).toBe('Waiting: nobody suitable is available');
    expect(routingText(waiting, null, zh)).toBe('等待中：暂无合适的客服');
  });

  it('shows the routing line in the header from the stored record, naming the agent it went to', () => {
    const view = {
      conversation: { routing: { state: 'assigned', at: 0, agentId: 'a-x', score: 150, by: null, reasons: [{ code: 'skill', params: SAMPLE.skill }, { code: 'language', params: { locale: 'en' } }, { code: 'load', params: SAMPLE.load }] } },
      assignee: { id: 'a-x', name: 'James Miller', role: 'agent', presence: 'online' },
      owner: null,
    } as unknown as ConversationDetail;
    renderApp(<RoutingLine view={view} />);
    expect(screen.getByRole('note', { name: 'Routing' }).textContent).toBe('Assigned to James Miller: payment skill; speaks English; load 3/8');
  });
});
