import { CoreError } from '../../../shared/contract';
import type { ProfileView } from '../../../shared/contract/session';
import type { Agent } from '../../../shared/schema';
import type { CoreContext, HandlerSlice } from '../context';
import { hashSecret } from '../identity/secrets';
import { auditChange } from './audit';
import type { Sessions } from './sessions';

/**
 * Profiles as a lead manages them: add, disable (never delete: history keeps its names), reset a secret. Every
 * change is audited without the secret; disabling or resetting ends that profile's sessions at once.
 */
export function createProfiles(ctx: CoreContext, sessions: Sessions) {
  const view = (a: Agent): ProfileView => {
    const credential = ctx.store.get('credentials', a.id);
    return { id: a.id, name: a.name, role: a.role, presence: a.presence, disabled: a.disabled, hasSecret: !!credential, demoPin: !!credential?.demo };
  };
  const mustGet = (id: string) => {
    const a = ctx.store.get('agents', id);
    if (!a) throw new CoreError('not_found', `No profile ${id}`);
    return a;
  };
  const enabledLeads = () => [...ctx.store.all('agents').values()].filter((a) => a.role === 'lead' && !a.disabled);

  const handlers: HandlerSlice<'profiles.list' | 'profiles.add' | 'profiles.setDisabled' | 'profiles.resetSecret'> = {
    'profiles.list': () => [...ctx.store.all('agents').values()].map(view),

    'profiles.add': async ({ name, role, secret, languages }, actor) => {
      const now = ctx.clock.now();
      const agent: Agent = { id: ctx.newId('a-'), name, role, languages, capacity: role === 'trainee' ? 0 : 20, presence: 'offline', disabled: false, skills: {} };
      const credential = await hashSecret(agent.id, secret, now);
      await ctx.store.commit([
        { op: 'put', coll: 'agents', rec: agent },
        { op: 'put', coll: 'credentials', rec: credential },
        auditChange(ctx, { actorId: actor.agent.id, action: 'profiles.add', targetId: agent.id, after: { name, role } }),
      ]);
      ctx.feed.publish(['profiles', 'session']);
      return view(agent);
    },

    'profiles.setDisabled': async ({ id, disabled }, actor) => {
      const before = mustGet(id);
      if (disabled && id === actor.agent.id) throw new CoreError('conflict', 'A lead cannot disable their own profile', undefined, { code: 'own_profile' });
      if (disabled && before.role === 'lead' && enabledLeads().length <= 1) throw new CoreError('conflict', 'The store keeps at least one lead', undefined, { code: 'last_lead' });
      if (before.disabled === disabled) return view(before);
      const after = { ...before, disabled };
      await ctx.store.commit([
        { op: 'put', coll: 'agents', rec: after },
        auditChange(ctx, { actorId: actor.agent.id, action: 'profiles.setDisabled', targetId: id, before: before.disabled, after: disabled }),
      ]);
      if (disabled) sessions.sessions.endAllOf(id);
      ctx.feed.publish(['profiles', 'session']);
      return view(after);
    },

    'profiles.resetSecret': async ({ id, secret }, actor) => {
      const agent = mustGet(id);
      const credential = await hashSecret(id, secret, ctx.clock.now());
      await ctx.store.commit([{ op: 'put', coll: 'credentials', rec: credential }, auditChange(ctx, { actorId: actor.agent.id, action: 'profiles.resetSecret', targetId: id })]);
      if (id !== actor.agent.id) sessions.sessions.endAllOf(id);
      ctx.feed.publish(['profiles', 'session']);
      return view(agent);
    },
  };
  return { handlers };
}
