import { CoreError, type AgentSummary } from '../../../shared/contract';
import type { ProfileChoice } from '../../../shared/contract/session';
import type { Agent, Locale } from '../../../shared/schema';
import type { Actor, CallContext, CoreContext, HandlerSlice } from '../context';
import { nextAttemptAt, type FailureRecord } from '../identity/backoff';
import { profileChoice, signInableProfiles } from '../identity/profileChoices';
import { hashSecret, verifySecret } from '../identity/secrets';
import { SessionTable } from '../identity/sessionTable';
import { auditChange } from './audit';

const summary = (a: Agent): AgentSummary => ({ id: a.id, name: a.name, role: a.role, presence: a.presence });

/** What the dispatcher learns of a session id: who, and whether the session is locked. */
export interface ResolvedSession {
  actor: Actor;
  locked: boolean;
}

/**
 * Who is at the keyboard. The core issues every session (sign-in, first-run setup) and hands its id to the
 * transport, which keeps it for its window or page; a payload never names its caller. Sign-in checks the
 * profile's secret with backoff after repeated failures; sign-in, sign-out, lock and unlock are audited once each.
 */
export function createSessions(ctx: CoreContext) {
  const sessions = new SessionTable();
  const failures = new Map<string, FailureRecord>();

  const resolve = (sessionId: string | null): ResolvedSession | undefined => {
    const s = sessions.get(sessionId, ctx.realNow());
    if (!s) return undefined;
    const agent = ctx.store.get('agents', s.agentId);
    if (!agent || agent.disabled) {
      sessions.end(s.id);
      return undefined;
    }
    return { actor: { sessionId: s.id, agent }, locked: s.locked };
  };

  const localeOf = (agent: Agent): Locale => ctx.store.get('preferences', agent.id)?.locale ?? agent.languages[0];
  /** Profiles that can sign in: enabled, with a secret. None: the store needs its first lead. */
  const signInable = () => signInableProfiles(ctx.store.all('agents').values(), (id) => ctx.store.get('credentials', id));

  const audit = (actorId: string, action: string, after?: unknown) => auditChange(ctx, { actorId, action, targetId: actorId, after });

  /** Checks the secret with backoff; throws a typed error on refusal (after auditing a failure). */
  async function checkSecret(agent: Agent, secret: string, action: string): Promise<void> {
    const now = ctx.realNow();
    const f = failures.get(agent.id);
    const allowedAt = nextAttemptAt(f);
    if (now < allowedAt) throw new CoreError('rate_limited', `Too many wrong secrets for ${agent.id}; wait`, undefined, { code: 'wait', params: { retryAfterMs: allowedAt - now } });
    const credential = ctx.store.get('credentials', agent.id);
    if (credential && (await verifySecret(credential, secret))) {
      failures.delete(agent.id);
      return;
    }
    const next = { count: (f?.count ?? 0) + 1, lastAt: ctx.realNow() };
    failures.set(agent.id, next);
    await ctx.store.commit([audit(agent.id, `${action}.failed`, { consecutive: next.count })]);
    ctx.log('warn', `${action}: wrong secret for ${agent.id} (${next.count} in a row)`);
    const wait = nextAttemptAt(next) - ctx.realNow();
    throw new CoreError('forbidden', 'Wrong profile or secret', undefined, { code: 'wrong_secret', params: wait > 0 ? { retryAfterMs: wait } : {} });
  }

  const startSession = async (agent: Agent, call: CallContext, action: string) => {
    if (call.sessionId) sessions.end(call.sessionId); // a page signing in again drops what it held
    const s = sessions.issue(agent.id, ctx.realNow());
    await ctx.store.commit([audit(agent.id, action)]);
    call.issue(s.id);
    ctx.feed.publish(['session']);
    return summary(agent);
  };

  const handlers: HandlerSlice<
    | 'session.status'
    | 'session.get'
    | 'session.signIn'
    | 'session.setupLead'
    | 'session.signOut'
    | 'session.lock'
    | 'session.unlock'
    | 'session.changeSecret'
    | 'prefs.setLocale'
    | 'clock.advance'
  > = {
    'session.status': (_input, _actor, call) => {
      const current = resolve(call.sessionId);
      const profiles = signInable();
      const choices: ProfileChoice[] = profiles.map((a) => profileChoice(a, ctx.store.get('credentials', a.id)));
      return {
        state: !current ? 'signed_out' : current.locked ? 'locked' : 'signed_in',
        agent: current ? summary(current.actor.agent) : null,
        firstRun: profiles.length === 0,
        profiles: choices,
        problems: [...ctx.store.problems],
        opening: false,
      };
    },
    'session.get': (_input, actor) => ({
      agent: summary(actor.agent),
      agents: [...ctx.store.all('agents').values()].filter((a) => !a.disabled).map(summary),
      locale: localeOf(actor.agent),
      now: ctx.clock.now(),
      fakeClock: ctx.clock.manual,
      problems: [...ctx.store.problems],
      lockAfterMinutes: ctx.settings().lockAfterMinutes,
    }),
    'session.signIn': async ({ agentId, secret }, _actor, call) => {
      const agent = ctx.store.get('agents', agentId);
      // The same answer for an unknown, disabled or secret-less profile as for a wrong secret: nothing to probe.
      if (!agent || agent.disabled || !ctx.store.get('credentials', agentId)) throw new CoreError('forbidden', 'Wrong profile or secret', undefined, { code: 'wrong_secret' });
      await checkSecret(agent, secret, 'session.signIn');
      return startSession(agent, call, 'session.signIn');
    },
    'session.setupLead': async ({ name, secret }, _actor, call) => {
      if (signInable().length > 0) throw new CoreError('conflict', 'This store already has profiles; sign in instead', undefined, { code: 'already_set_up' });
      const now = ctx.clock.now();
      const id = ctx.store.get('agents', 'a-lead') ? ctx.newId('a-') : 'a-lead';
      const lead: Agent = {
        id, name, role: 'lead', languages: ['zh-CN', 'en'], capacity: 20, presence: 'online', disabled: false,
        skills: { account: 3, video_upload: 3, payment: 3, complaint: 3, other: 3 },
      };
      const credential = await hashSecret(id, secret, now);
      await ctx.store.commit([{ op: 'put', coll: 'agents', rec: lead }, { op: 'put', coll: 'credentials', rec: credential }, audit(id, 'profiles.setupLead')]);
      ctx.feed.publish(['session', 'profiles']);
      return startSession(lead, call, 'session.signIn');
    },
    'session.signOut': async (_input, actor, call) => {
      if (call.sessionId) sessions.end(call.sessionId);
      await ctx.store.commit([audit(actor.agent.id, 'session.signOut')]);
      call.issue(null);
      ctx.feed.publish(['session']);
      return {};
    },
    'session.lock': async (_input, actor, call) => {
      const s = sessions.get(call.sessionId, ctx.realNow());
      if (s && !s.locked) {
        s.locked = true;
        await ctx.store.commit([audit(actor.agent.id, 'session.lock')]);
        ctx.feed.publish(['session']);
      }
      return {};
    },
    'session.unlock': async ({ secret }, actor, call) => {
      const s = sessions.get(call.sessionId, ctx.realNow());
      if (!s) throw new CoreError('unauthenticated', 'Not signed in');
      if (!s.locked) return summary(actor.agent);
      await checkSecret(actor.agent, secret, 'session.unlock');
      s.locked = false;
      await ctx.store.commit([audit(actor.agent.id, 'session.unlock')]);
      ctx.feed.publish(['session']);
      return summary(actor.agent);
    },
    'session.changeSecret': async ({ current, next }, actor) => {
      await checkSecret(actor.agent, current, 'session.changeSecret');
      const credential = await hashSecret(actor.agent.id, next, ctx.clock.now());
      await ctx.store.commit([{ op: 'put', coll: 'credentials', rec: credential }, audit(actor.agent.id, 'session.changeSecret')]);
      ctx.feed.publish(['session']);
      return {};
    },
    'prefs.setLocale': async ({ locale }, actor) => {
      await ctx.store.commit([{ op: 'put', coll: 'preferences', rec: { id: actor.agent.id, locale } }]);
      ctx.feed.publish(['session']);
      return { locale };
    },
    'clock.advance': async ({ ms }, actor) => {
      if (!ctx.clock.advance(ms)) throw new CoreError('forbidden', 'This core runs on the system clock; it cannot be moved', undefined, { code: 'system_clock' });
      ctx.log('info', `clock advanced by ${ms} ms by ${actor.agent.id}`);
      await ctx.ticker.tick(); // what the new time causes is done (and durable) when the call returns
      ctx.feed.publish(['clock', 'queue']);
      return { now: ctx.clock.now() };
    },
  };

  return { resolve, handlers, sessions };
}
export type Sessions = ReturnType<typeof createSessions>;
