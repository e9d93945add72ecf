import { CoreError, topic, type Topic } from '../../../shared/contract';
import { REMINDERS_TOPIC, type ReminderView, type ReminderWhen } from '../../../shared/contract/reminders';
import type { Agent, Conversation, Reminder } from '../../../shared/schema';
import { presetTime, reminderBucket } from '../../../shared/rules/reminderPresets';
import type { CoreContext, HandlerSlice } from '../context';
import type { Change } from '../store/types';
import type { Notices } from './notices';
import { inBackground } from '../background';

const MAX_DONE_LISTED = 50;

/**
 * The ticker's heartbeat (createTicker's default interval in electron/core/ticker.ts). A reminder that fell due
 * less than one beat before start-up might have been about to fire while the app was still running: not late.
 */
export const LATE_AFTER_MS = 15_000;

/**
 * Follow-up reminders: the only writer of the reminders collection. Due reminders fire on the ticker (every
 * 15 s, and at once when a manual clock moves); whatever is due at start-up fires then, and is marked late
 * only if it really fell due while the app was not running (see `lateAtStart`). Firing raises the notice first and then records the reminder as fired: the notice id is a dedupe
 * key, so a crash between the two cannot notify twice.
 */
export function createReminders(ctx: CoreContext, notices: Pick<Notices, 'raise'>) {
  const mustOwn = (id: string, agent: Agent): Reminder => {
    const r = ctx.store.get('reminders', id);
    if (!r) throw new CoreError('not_found', `No reminder ${id}`);
    if (r.agentId !== agent.id) throw new CoreError('forbidden', `Reminder ${id} belongs to another agent`, undefined, { code: 'not_yours' });
    return r;
  };

  const view = (r: Reminder, now = ctx.clock.now()): ReminderView => {
    const c = ctx.store.get('conversations', r.conversationId);
    const customer = c ? ctx.store.get('customers', c.customerId) : undefined;
    return {
      ...r,
      bucket: reminderBucket(r, now),
      subject: c?.subject ?? r.conversationId,
      customerName: customer?.name ?? '',
      agentName: ctx.store.get('agents', r.agentId)?.name ?? r.agentId,
    };
  };

  const resolveWhen = (when: ReminderWhen): number => {
    const now = ctx.clock.now();
    const at = 'preset' in when ? presetTime(when.preset, now).at : when.at;
    if (at <= now) throw new CoreError('validation', 'A reminder must be in the future', undefined, { code: 'reminder_in_past' });
    return at;
  };

  /** The conversation back in the queue: its snooze ended with this reminder (fired, completed or deleted). */
  const unsnooze = (c: Conversation | undefined, r: Reminder, now: number): Change[] => {
    if (!c || c.snoozedUntil === null) return [];
    if (c.snoozedUntil > now && c.snoozedUntil !== r.dueAt) return [];
    return [{ op: 'put', coll: 'conversations', rec: { ...c, snoozedUntil: null, updatedAt: now } }];
  };

  const noticeId = (r: Reminder) => `n-reminder-${r.id}-${r.dueAt}`;

  /** `late` for each reminder fired: all the ticker fires are on time; start-up decides per reminder. */
  async function fireDue(now: number, late: (r: Reminder) => boolean): Promise<number> {
    const due = [...ctx.store.all('reminders').values()].filter((r) => r.status === 'scheduled' && r.dueAt <= now);
    if (due.length === 0) return 0;
    const changes: Change[] = [];
    const topics = new Set<Topic>([REMINDERS_TOPIC, topic.queue]);
    const conversations = new Map<string, Conversation>();
    for (const r of due) {
      const c = conversations.get(r.conversationId) ?? ctx.store.get('conversations', r.conversationId);
      const detail = [r.note, c?.subject].filter(Boolean).join(' · ').slice(0, 500);
      const isLate = late(r);
      await notices.raise({ id: noticeId(r), kind: 'reminder', conversationId: r.conversationId, recipientId: r.agentId, detail, late: isLate, at: now });
      changes.push({ op: 'put', coll: 'reminders', rec: { ...r, status: 'fired', firedAt: now, late: isLate } });
      for (const ch of unsnooze(c, r, now)) {
        if (ch.op === 'put' && ch.coll === 'conversations') conversations.set(ch.rec.id, ch.rec);
        topics.add(topic.conversation(r.conversationId));
      }
    }
    for (const c of conversations.values()) changes.push({ op: 'put', coll: 'conversations', rec: c });
    await ctx.store.commit(changes);
    ctx.feed.publish([...topics]);
    return due.length;
  }

  // Whatever is due fires now; from here on the ticker keeps time. Late means it fell due while the app was not
  // running: the store existed before this start (a store seeded just now was never closed with anything
  // pending, however its demo times fall) and the due time is more than one tick before this start.
  const startedAt = ctx.clock.now();
  const existedBefore = !ctx.store.isNew;
  const lateAtStart = (r: Reminder) => existedBefore && r.dueAt < startedAt - LATE_AFTER_MS;
  inBackground(
    ctx.log,
    'reminders: firing those due at start-up',
    fireDue(startedAt, lateAtStart).then((fired) => {
      if (fired) ctx.log('info', `reminders: ${fired} due at start-up fired (late: those due while closed)`);
    }),
  );
  ctx.ticker.onTick(async (now) => void (await fireDue(now, () => false)));

  const sortList = (a: ReminderView, b: ReminderView) =>
    Number(a.status === 'done') - Number(b.status === 'done') || (a.status === 'done' ? b.dueAt - a.dueAt : a.dueAt - b.dueAt);

  const handlers: HandlerSlice<
    'reminders.list' | 'reminders.teamOverdue' | 'reminders.create' | 'reminders.complete' | 'reminders.snooze' | 'reminders.delete'
  > = {
    'reminders.list': ({ conversationId }, actor) => {
      const now = ctx.clock.now();
      const mine: ReminderView[] = [];
      for (const r of ctx.store.all('reminders').values()) {
        if (r.agentId !== actor.agent.id || (conversationId && r.conversationId !== conversationId)) continue;
        mine.push(view(r, now));
      }
      mine.sort(sortList);
      const open = mine.filter((r) => r.status !== 'done');
      return [...open, ...mine.filter((r) => r.status === 'done').slice(0, MAX_DONE_LISTED)];
    },

    'reminders.teamOverdue': (_input, actor) => {
      const now = ctx.clock.now();
      const out: ReminderView[] = [];
      for (const r of ctx.store.all('reminders').values()) {
        if (r.agentId === actor.agent.id) continue;
        const v = view(r, now);
        if (v.bucket === 'overdue') out.push(v);
      }
      return out.sort((a, b) => a.dueAt - b.dueAt);
    },

    'reminders.create': async ({ conversationId, when, note, snooze }, actor) => {
      const c = ctx.store.get('conversations', conversationId);
      if (!c) throw new CoreError('not_found', `No conversation ${conversationId}`);
      if (snooze && c.status !== 'pending') {
        throw new CoreError('conflict', `Only a conversation waiting for the customer can be snoozed (${conversationId} is ${c.status})`, undefined, { code: 'not_pending' });
      }
      const now = ctx.clock.now();
      const dueAt = resolveWhen(when);
      const r: Reminder = { id: ctx.newId('rm-'), conversationId, agentId: actor.agent.id, dueAt, note, status: 'scheduled', createdAt: now, firedAt: null, late: false };
      const changes: Change[] = [{ op: 'put', coll: 'reminders', rec: r }];
      if (snooze) {
        // Several snoozing reminders: the conversation comes back with the first of them.
        const until = c.snoozedUntil !== null && c.snoozedUntil > now ? Math.min(c.snoozedUntil, dueAt) : dueAt;
        changes.push({ op: 'put', coll: 'conversations', rec: { ...c, snoozedUntil: until, updatedAt: now } });
      }
      await ctx.store.commit(changes);
      ctx.feed.publish([REMINDERS_TOPIC, ...(snooze ? [topic.queue, topic.conversation(conversationId)] : [])]);
      return view(r, now);
    },

    'reminders.complete': async ({ id }, actor) => {
      const r = mustOwn(id, actor.agent);
      const now = ctx.clock.now();
      const done: Reminder = { ...r, status: 'done' };
      const changes: Change[] = [{ op: 'put', coll: 'reminders', rec: done }];
      if (r.status === 'scheduled') changes.push(...unsnooze(ctx.store.get('conversations', r.conversationId), r, now));
      await ctx.store.commit(changes);
      ctx.feed.publish([REMINDERS_TOPIC, topic.queue]);
      return view(done, now);
    },

    'reminders.snooze': async ({ id, when }, actor) => {
      const r = mustOwn(id, actor.agent);
      const dueAt = resolveWhen(when);
      const again: Reminder = { ...r, dueAt, status: 'scheduled', firedAt: null, late: false };
      await ctx.store.commit([{ op: 'put', coll: 'reminders', rec: again }]);
      ctx.feed.publish([REMINDERS_TOPIC]);
      return view(again);
    },

    'reminders.delete': async ({ id }, actor) => {
      const r = mustOwn(id, actor.agent);
      const now = ctx.clock.now();
      const changes: Change[] = [{ op: 'del', coll: 'reminders', id }];
      if (r.status === 'scheduled') changes.push(...unsnooze(ctx.store.get('conversations', r.conversationId), r, now));
      await ctx.store.commit(changes);
      ctx.feed.publish([REMINDERS_TOPIC, topic.queue]);
      return { id };
    },
  };

  return { handlers, fireDue };
}
