import { CoreError, topic } from '../../../shared/contract';
import type { CoreContext, HandlerSlice } from '../context';
import { auditChange } from './audit';

/**
 * Store problems found while opening the data folder are listed (session.get / session.status, the banner) on
 * every start until a lead dismisses them; the store keeps the list in problems.json (store/problemLog.ts).
 */
export function createProblems(ctx: CoreContext) {
  const handlers: HandlerSlice<'problems.dismiss'> = {
    'problems.dismiss': async ({ id }, actor) => {
      const p = ctx.store.problems.find((x) => x.id === id);
      if (!p) throw new CoreError('not_found', `No store problem ${id}`);
      // Audit first: a crash between the two leaves the problem listed (dismiss it again), never an unaudited dismissal.
      await ctx.store.commit([
        auditChange(ctx, {
          actorId: actor.agent.id,
          action: 'problems.dismiss',
          targetId: p.id,
          before: { kind: p.kind, source: p.source, quarantinedTo: p.quarantinedTo, at: p.at },
        }),
      ]);
      const dismissed = ctx.store.dismissProblem(id) ?? p;
      ctx.feed.publish([topic.session]);
      return { dismissed, remaining: ctx.store.problems.length };
    },
  };
  return { handlers };
}
