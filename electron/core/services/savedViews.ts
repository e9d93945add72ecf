import { CoreError } from '../../../shared/contract';
import type { SavedView } from '../../../shared/schema';
import type { CoreContext, HandlerSlice } from '../context';

const MAX_VIEWS = 30;

/** Saved queue views, per agent: only their owner lists, saves or deletes them. */
export function createSavedViews(ctx: CoreContext) {
  const mine = (agentId: string) => [...ctx.store.all('savedViews').values()].filter((v) => v.agentId === agentId);

  const handlers: HandlerSlice<'views.list' | 'views.save' | 'views.delete'> = {
    'views.list': (_input, actor) => mine(actor.agent.id).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
    'views.save': async ({ name, filter }, actor) => {
      const existing = mine(actor.agent.id);
      const same = existing.find((v) => v.name === name);
      if (!same && existing.length >= MAX_VIEWS) throw new CoreError('conflict', `At most ${MAX_VIEWS} saved views`, undefined, { code: 'too_many_views', params: { max: MAX_VIEWS } });
      const view: SavedView = { id: same?.id ?? ctx.newId('sv-'), agentId: actor.agent.id, name, filter, createdAt: same?.createdAt ?? ctx.clock.now() };
      await ctx.store.commit([{ op: 'put', coll: 'savedViews', rec: view }]);
      ctx.feed.publish([`views:${actor.agent.id}`]);
      return view;
    },
    'views.delete': async ({ id }, actor) => {
      const v = ctx.store.get('savedViews', id);
      if (!v || v.agentId !== actor.agent.id) throw new CoreError('not_found', `No saved view ${id}`);
      await ctx.store.commit([{ op: 'del', coll: 'savedViews', id }]);
      ctx.feed.publish([`views:${actor.agent.id}`]);
      return { id };
    },
  };
  return { handlers };
}
