import { CoreError } from '../../../shared/contract';
import type { AgentSummary } from '../../../shared/contract';
import type { Agent, Locale } from '../../../shared/schema';
import type { Actor, CoreContext, HandlerSlice } from '../context';
import { auditChange } from './audit';

const summary = (a: Agent): AgentSummary => ({ id: a.id, name: a.name, role: a.role, presence: a.presence });

/**
 * Who is at the keyboard. Transports pass an opaque session id (one per window or browser cookie); the agent
 * behind it lives here, so a payload can never claim to be someone else.
 */
export function createSessions(ctx: CoreContext) {
  const agentBySession = new Map<string, string>();

  const defaultAgent = (): Agent => {
    const agents = [...ctx.store.all('agents').values()];
    const agent = agents.find((a) => a.role === 'agent') ?? agents[0];
    if (!agent) throw new CoreError('forbidden', 'No agent exists in this store');
    return agent;
  };

  const resolveActor = (sessionId: string): Actor => {
    const id = agentBySession.get(sessionId);
    const agent = (id && ctx.store.get('agents', id)) || defaultAgent();
    return { sessionId, agent };
  };

  const localeOf = (agent: Agent): Locale => ctx.store.get('preferences', agent.id)?.locale ?? agent.languages[0];

  const handlers: HandlerSlice<'session.get' | 'session.signIn' | 'prefs.setLocale' | 'clock.advance'> = {
    'session.get': (_input, actor) => ({
      agent: summary(actor.agent),
      agents: [...ctx.store.all('agents').values()].map(summary),
      locale: localeOf(actor.agent),
      now: ctx.clock.now(),
      fakeClock: ctx.clock.manual,
      problems: [...ctx.store.problems],
    }),
    'session.signIn': ({ agentId }, actor) => {
      const agent = ctx.store.get('agents', agentId);
      if (!agent) throw new CoreError('not_found', `No agent ${agentId}`);
      agentBySession.set(actor.sessionId, agent.id);
      ctx.store.commit([auditChange(ctx, { actorId: agent.id, action: 'session.signIn', targetId: agent.id })]);
      ctx.feed.publish(['session']);
      return summary(agent);
    },
    'prefs.setLocale': ({ locale }, actor) => {
      ctx.store.commit([{ op: 'put', coll: 'preferences', rec: { id: actor.agent.id, locale } }]);
      ctx.feed.publish(['session']);
      return { locale };
    },
    'clock.advance': ({ ms }, actor) => {
      if (!ctx.clock.advance(ms)) throw new CoreError('forbidden', 'This core runs on the system clock; it cannot be moved');
      ctx.log('info', `clock advanced by ${ms} ms by ${actor.agent.id}`);
      ctx.ticker.tick();
      ctx.feed.publish(['clock', 'queue']);
      return { now: ctx.clock.now() };
    },
  };

  return { resolveActor, handlers };
}
