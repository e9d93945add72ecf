import type { ConversationSummary } from '../../../shared/contract';
import type { Conversation, Message } from '../../../shared/schema';
import type { Store } from '../store/types';

/**
 * Message ids per conversation, in time order. Built once at start and kept current from store commits, so
 * opening a conversation never scans a million messages.
 */
export function createMessageIndex(store: Store) {
  const byConversation = new Map<string, string[]>();
  const add = (m: Message) => {
    const list = byConversation.get(m.conversationId);
    if (!list) byConversation.set(m.conversationId, [m.id]);
    else if (!list.includes(m.id)) {
      list.push(m.id);
      // Messages almost always arrive in order; only sort when one did not.
      const prev = store.get('messages', list[list.length - 2]);
      if (prev && prev.at > m.at) list.sort((a, b) => (store.get('messages', a)?.at ?? 0) - (store.get('messages', b)?.at ?? 0));
    }
  };
  for (const m of [...store.all('messages').values()].sort((a, b) => a.at - b.at)) add(m);
  store.onCommit((changes) => {
    for (const c of changes) {
      if (c.coll !== 'messages') continue;
      if (c.op === 'put') add(c.rec);
      else for (const list of byConversation.values()) list.splice(list.indexOf(c.id) >>> 0, list.includes(c.id) ? 1 : 0);
    }
  });
  return {
    messagesOf(conversationId: string): Message[] {
      const ids = byConversation.get(conversationId) ?? [];
      const out: Message[] = [];
      for (const id of ids) {
        const m = store.get('messages', id);
        if (m) out.push(m);
      }
      return out;
    },
    countOf: (conversationId: string) => byConversation.get(conversationId)?.length ?? 0,
    /** One line of a conversation list (customer history, waiting for the owner), with its message count. */
    summaryOf(c: Conversation): ConversationSummary {
      return {
        id: c.id,
        subject: c.subject,
        category: c.category,
        status: c.status,
        createdAt: c.createdAt,
        dueAt: c.dueAt,
        ownerName: c.ownerId ? (store.get('agents', c.ownerId)?.name ?? c.ownerId) : null,
        messageCount: byConversation.get(c.id)?.length ?? 0,
      };
    },
  };
}
export type MessageIndex = ReturnType<typeof createMessageIndex>;
