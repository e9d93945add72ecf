import type { Change } from '../store/types';
import type { CoreContext } from '../context';

/**
 * Audit entries are written in the same commit as the change they describe, so there is never a change
 * without its audit line (or the reverse).
 */
export function auditChange(
  ctx: CoreContext,
  e: { actorId: string; action: string; targetId: string | null; before?: unknown; after?: unknown },
): Change {
  return {
    op: 'put',
    coll: 'audit',
    rec: { id: ctx.newId('au-'), at: ctx.clock.now(), ...e },
  };
}
