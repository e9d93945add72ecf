import { CoreError } from '../../../shared/contract';
import { explainDue, type PauseInterval } from '../../../shared/rules/explainDue';
import { dueClock } from '../../../shared/rules/sla';
import type { CoreContext, HandlerSlice } from '../context';

/**
 * The pause intervals of a conversation's running clock, read from its audit trail (status changes into and out
 * of `pending`, and the customer's reply resuming it); a pause still running comes from the conversation itself.
 */
export function pausesOf(ctx: CoreContext, id: string, since: number, runningSince: number | null): PauseInterval[] {
  const events = [...ctx.store.all('audit').values()]
    .filter((a) => a.targetId === id && a.at >= since && (a.action === 'conversation.status' || a.action === 'conversation.resumed'))
    .sort((a, b) => a.at - b.at);
  const out: PauseInterval[] = [];
  let open: number | null = null;
  for (const a of events) {
    if (a.after === 'pending' && open === null) open = a.at;
    else if (a.before === 'pending' && open !== null) {
      out.push({ from: open, to: a.at });
      open = null;
    }
  }
  if (runningSince !== null) out.push({ from: runningSince, to: null });
  return out;
}

/** "Why is this due then?": the pure explanation plus the pauses from the audit trail. */
export function createSla(ctx: CoreContext) {
  const handlers: HandlerSlice<'sla.explain'> = {
    'sla.explain': ({ id }) => {
      const c = ctx.store.get('conversations', id);
      if (!c) throw new CoreError('not_found', `No conversation ${id}`);
      const started = dueClock(c).startedAt;
      const pauses = started === null ? [] : pausesOf(ctx, id, started, c.slaPausedAt);
      const e = explainDue(c, ctx.settings(), ctx.clock.now(), pauses);
      if (e.uncoveredYears.length) ctx.log('warn', `calendar: ${id} needs ${e.uncoveredYears.join(', ')}, not covered by chinese-days; Monday–Friday assumed`);
      return e;
    },
  };
  return { handlers };
}
