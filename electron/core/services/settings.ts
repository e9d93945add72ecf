import { CoreError, topic, type ErrorCode } from '../../../shared/contract';
import type { SettingsInput } from '../../../shared/contract/sla';
import { Settings, type Conversation } from '../../../shared/schema';
import { computeDue } from '../../../shared/rules/sla';
import { isActive } from '../../../shared/rules/transitions';
import type { CoreContext, HandlerSlice } from '../context';
import type { Change } from '../store/types';
import { auditChange } from './audit';

/** Cross-field rules the schema cannot say alone: the field each is about, its error code, its log line. */
const SETTINGS_RULES: { path: string[]; code: ErrorCode; line: string; broken: (s: SettingsInput) => boolean }[] = [
  {
    path: ['slaHours', 'vip'],
    code: 'vip_over_normal',
    line: 'slaHours.vip: a VIP target cannot be longer than the normal one',
    broken: (s) => s.slaHours.vip > s.slaHours.normal,
  },
  {
    path: ['atRiskMinutes'],
    code: 'at_risk_too_long',
    line: 'atRiskMinutes: the at-risk window must be shorter than the VIP target',
    broken: (s) => s.atRiskMinutes >= s.slaHours.vip * 60,
  },
];

/** Cross-field rules the schema cannot say alone; each message names the field it is about. */
export function settingsProblems(s: SettingsInput): string[] {
  return SETTINGS_RULES.filter((r) => r.broken(s)).map((r) => r.line);
}

/**
 * The team's rule numbers. Only a lead may change them (the contract says LEAD_ONLY and the dispatcher enforces
 * it); a change is validated, audited with before/after, and re-times every active clock in the same commit so
 * each due time and its explanation always follow the current rules.
 */
export function createSettings(ctx: CoreContext) {
  const handlers: HandlerSlice<'settings.get' | 'settings.update'> = {
    'settings.get': () => ctx.settings(),
    'settings.update': async (input, actor) => {
      const broken = SETTINGS_RULES.filter((r) => r.broken(input));
      if (broken.length) {
        const problems = broken.map((r) => r.line);
        // The UI says the first problem (errors.code.*); each problem also places its field (a cause per rule).
        throw new CoreError('validation', problems.join('; '), problems, {
          code: broken[0].code,
          causes: broken.map((r) => ({ path: r.path, code: r.code })),
        });
      }
      const before = ctx.settings();
      // Groups the input leaves out keep their stored values (the SLA dialog sends only its own numbers).
      const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      const next = Settings.parse({ ...before, ...given, id: 'global' });
      const changes: Change[] = [{ op: 'put', coll: 'settings', rec: next }];
      let retimed = 0;
      const now = ctx.clock.now();
      for (const c of ctx.store.all('conversations').values()) {
        if (!isActive(c.status)) continue;
        const dueAt = computeDue(c, next).dueAt;
        if (dueAt === c.dueAt) continue;
        const rec: Conversation = { ...c, dueAt, updatedAt: now };
        changes.push({ op: 'put', coll: 'conversations', rec });
        retimed++;
      }
      changes.push(auditChange(ctx, { actorId: actor.agent.id, action: 'settings.update', targetId: 'global', before, after: { ...next, retimed } }));
      await ctx.store.commit(changes);
      ctx.log('info', `settings changed by ${actor.agent.id}; ${retimed} due times re-timed`);
      ctx.feed.publish(['settings', topic.queue]);
      return next;
    },
  };
  return { handlers };
}
