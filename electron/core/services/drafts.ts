import { CoreError } from '../../../shared/contract';
import type { CoreContext, HandlerSlice } from '../context';

/**
 * Reply drafts, one per agent and conversation, stored so they survive switching conversations and a restart.
 * Only the author reads their own drafts.
 */
export function createDrafts(ctx: CoreContext) {
  const key = (agentId: string, conversationId: string) => `${agentId}:${conversationId}`;
  const mustExist = (conversationId: string) => {
    if (!ctx.store.get('conversations', conversationId)) throw new CoreError('not_found', `No conversation ${conversationId}`);
  };
  const handlers: HandlerSlice<'draft.get' | 'draft.save'> = {
    'draft.get': ({ conversationId }, actor) => {
      mustExist(conversationId);
      const d = ctx.store.get('drafts', key(actor.agent.id, conversationId));
      return { body: d?.body ?? '', updatedAt: d?.updatedAt ?? null };
    },
    'draft.save': async ({ conversationId, body }, actor) => {
      mustExist(conversationId);
      const id = key(actor.agent.id, conversationId);
      const now = ctx.clock.now();
      const existing = ctx.store.get('drafts', id);
      if (body.trim() === '') {
        if (existing) await ctx.store.commit([{ op: 'del', coll: 'drafts', id }]);
      } else if (existing?.body !== body) {
        await ctx.store.commit([{ op: 'put', coll: 'drafts', rec: { id, agentId: actor.agent.id, conversationId, body, updatedAt: now } }]);
      }
      return { updatedAt: now };
    },
  };
  return { handlers };
}
