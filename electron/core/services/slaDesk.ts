import type { CoreContext } from '../context';
import { onUncoveredYear } from './calendarFlags';
import { createEscalation } from './escalation';
import type { Notices } from './notices';
import { createQueue } from './queue';
import { createSavedViews } from './savedViews';
import { createSettings } from './settings';
import { createSla } from './sla';
import { createSlaWatch } from './slaWatch';

/**
 * Everything of the priority queue in one wiring point (so createCore needs one line): the queue index and its
 * pages, saved views, SLA explanations, team settings, the SLA watch (at-risk / breached notices) and escalation.
 */
export function createSlaDesk(ctx: CoreContext, notices: Notices) {
  onUncoveredYear((y) => ctx.log('warn', `calendar: ${y} is not covered by the chinese-days data; Monday–Friday assumed for complaint deadlines (flagged in the UI)`));
  const queue = createQueue(ctx);
  const escalation = createEscalation(ctx, notices);
  const watch = createSlaWatch(ctx, notices, queue.activeEntries);
  queue.counts(); // touches every complaint's calendar once, so an uncovered year is logged at start-up
  return {
    queue,
    watch,
    escalation,
    handlers: {
      ...queue.handlers,
      ...createSavedViews(ctx).handlers,
      ...createSla(ctx).handlers,
      ...createSettings(ctx).handlers,
      ...escalation.handlers,
    },
  };
}
