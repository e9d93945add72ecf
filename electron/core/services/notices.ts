import { CoreError, topic } from '../../../shared/contract';
import type { Agent, Notice } from '../../../shared/schema';
import type { CoreContext, HandlerSlice } from '../context';

export type NoticeInput = Omit<Notice, 'dismissedBy' | 'at' | 'late' | 'recipientRole' | 'detail' | 'count'> &
  Partial<Pick<Notice, 'at' | 'late' | 'recipientRole' | 'detail' | 'count'>>;

const MAX_LISTED = 50;

const isFor = (n: Notice, agent: Agent) =>
  n.recipientId === agent.id || (n.recipientId === null && (n.recipientRole === null || n.recipientRole === agent.role));

/**
 * The one place notices are raised and read. Other services (SLA thresholds, escalation, reminders) call
 * `raise`; a notice with the same id is never raised twice, so "once per conversation per threshold" holds
 * across restarts.
 */
export function createNotices(ctx: CoreContext) {
  async function raise(input: NoticeInput): Promise<boolean> {
    if (ctx.store.get('notices', input.id)) return false;
    const notice: Notice = { at: ctx.clock.now(), late: false, recipientRole: null, detail: '', count: 1, ...input, dismissedBy: [] };
    await ctx.store.commit([{ op: 'put', coll: 'notices', rec: notice }]);
    ctx.feed.publish([topic.notices]);
    return true;
  }

  function listFor(agent: Agent): Notice[] {
    const out: Notice[] = [];
    for (const n of ctx.store.all('notices').values()) if (isFor(n, agent) && !n.dismissedBy.includes(agent.id)) out.push(n);
    return out.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).slice(0, MAX_LISTED);
  }

  const handlers: HandlerSlice<'notices.list' | 'notices.dismiss'> = {
    'notices.list': (_input, actor) => listFor(actor.agent),
    'notices.dismiss': async ({ id }, actor) => {
      const n = ctx.store.get('notices', id);
      if (!n || !isFor(n, actor.agent)) throw new CoreError('not_found', `No notice ${id}`);
      if (!n.dismissedBy.includes(actor.agent.id)) {
        await ctx.store.commit([{ op: 'put', coll: 'notices', rec: { ...n, dismissedBy: [...n.dismissedBy, actor.agent.id] } }]);
        ctx.feed.publish([topic.notices]);
      }
      return { id };
    },
  };
  return { raise, listFor, handlers };
}
export type Notices = ReturnType<typeof createNotices>;
