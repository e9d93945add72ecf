/**
 * While the store still reads the snapshot's messages in the background (lazyMessages.ts, the first seconds after a
 * large store's start), a call that needs messages waits for that read instead of making it finish at once on this
 * thread: the calls that need none (the queue, the session, counts and settings) keep being answered meanwhile, so the
 * queue shows and scrolls while a conversation's history is still on its way. Either way is correct (the store's map
 * never shows a partial state); this only decides who waits.
 */
import type { CallName } from '../../shared/contract';
import type { Call } from './dispatcher';
import { messagesLoaded, messagesPending } from './store/lazyMessages';
import type { Store } from './store/types';

/**
 * Calls answered without reading every message (a call missing here only waits a little longer at start; one listed
 * wrongly would make the store finish its read at once: slower, never wrong).
 */
export const CALLS_WITHOUT_MESSAGES: ReadonlySet<CallName> = new Set<CallName>([
  'session.opening',
  'session.status',
  'session.get',
  'session.signIn',
  'session.signOut',
  'session.lock',
  'session.unlock',
  'session.setupLead',
  'session.changeSecret',
  'queue.page',
  // Its messages are found in what is still unread (LazyMessages.conversationWhileReading): no need to wait.
  'conversation.get',
  'draft.get',
  'queue.counts',
  'queue.indexOf',
  'notices.list',
  'notices.dismiss',
  'prefs.setLocale',
  'settings.get',
  'search.status',
  'spool.status',
  'team.status',
  'views.list',
  'reminders.list',
  'canned.list',
  'profiles.list',
  'agent.setPresence',
  'routing.loads',
  'faq.list',
  // Whether a practice runs (the workspace waits for it before it shows): the practices and their attempt records.
  'training.current',
  // What the conversation pane asks beside conversation.get: the due time explained (the conversation and its audit
  // trail), its complaints (the complaint index), and the reply box's draft as it is typed (the drafts collection).
  'sla.explain',
  'complaints.ofConversation',
  'draft.save',
  // A reply adds a message (the map takes it while reading) and its commit's outbox entry asks among its
  // conversation's messages, not the whole map (spool/outbox.ts `existed`).
  'conversation.reply',
  // The conversation's own record and audit trail (checked with the read held: none finishes it).
  'conversation.setStatus',
  'conversation.setCategory',
  'conversation.setTags',
  'conversation.transfer',
  // The rest of the desk right after a start (checked the same way, tests/unit/core-deferred-messages.test.ts): a
  // reminder made, moved, done or removed; a canned reply saved and used; a saved view; a lead's
  // re-route, complaints view and new profile. Each reads its own collection and the conversations, never a message.
  'reminders.create',
  'reminders.snooze',
  'reminders.complete',
  'reminders.delete',
  'reminders.teamOverdue',
  'canned.save',
  'canned.use',
  'views.save',
  'views.delete',
  'routing.reroute',
  'complaints.list',
  'complaints.get',
  'profiles.add',
  // The training screens' first calls: a trainee's home, a lead's scenarios and the team's progress.
  'training.home',
  'training.scenarios',
  'training.progress',
]);

export function waitForMessages(call: Call, store: Pick<Store, 'all'>): Call {
  return async (name, input, sessionId, sink) => {
    const messages = store.all('messages');
    if (messagesPending(messages) && !CALLS_WITHOUT_MESSAGES.has(name as CallName)) await messagesLoaded(messages);
    return call(name, input, sessionId, sink);
  };
}
