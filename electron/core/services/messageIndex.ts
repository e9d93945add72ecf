import type { ConversationSummary } from '../../../shared/contract';
import type { Conversation, Message } from '../../../shared/schema';
import { conversationWhileReading, eachMessageHead, messageHeadOf, messageMetaOf, type MessageMeta } from '../store/lazyMessages';
import type { Store } from '../store/types';

/**
 * Message ids per conversation, in time order. Built once and kept current from store commits, so opening a
 * conversation never scans a million messages.
 */
export function createMessageIndex(store: Store) {
  /**
   * Built at the first use, not at start: the store may still be reading its messages in the background
   * (lazyMessages.ts), and the first queue page needs none of them. Commits before then need no bookkeeping: the
   * build reads the store as it is.
   */
  let built: Map<string, string[]> | null = null;
  const index = () => (built ??= build(store));
  const add = (byConversation: Map<string, string[]>, m: Message) => {
    const list = byConversation.get(m.conversationId);
    if (!list) byConversation.set(m.conversationId, [m.id]);
    else if (!list.includes(m.id)) {
      list.push(m.id);
      // Messages almost always arrive in order; only sort when one did not. Times come from the heads: the store
      // may keep a message's text on disk (lazyMessages.ts).
      const all = store.all('messages');
      const atOf = (id: string) => messageHeadOf(all, id)?.at ?? 0;
      if (atOf(list[list.length - 2]) > m.at) list.sort((a, b) => atOf(a) - atOf(b));
    }
  };
  store.onCommit((changes) => {
    if (!built) return;
    for (const c of changes) {
      if (c.coll !== 'messages') continue;
      if (c.op === 'put') add(built, c.rec);
      else for (const list of built.values()) list.splice(list.indexOf(c.id) >>> 0, list.includes(c.id) ? 1 : 0);
    }
  });
  return {
    messagesOf(conversationId: string): Message[] {
      if (!built) {
        // The store still reading its messages in the background: this conversation's alone, without waiting.
        const early = conversationWhileReading(store.all('messages'), conversationId);
        if (early) return early.sort((a, b) => a.at - b.at);
      }
      const ids = index().get(conversationId) ?? [];
      const out: Message[] = [];
      for (const id of ids) {
        const m = store.get('messages', id);
        if (m) out.push(m);
      }
      return out;
    },
    /** A conversation's messages without their texts (never read from disk): what the performance facts need. */
    metasOf(conversationId: string): MessageMeta[] {
      const all = store.all('messages');
      const out: MessageMeta[] = [];
      for (const id of index().get(conversationId) ?? []) {
        const m = messageMetaOf(all, id);
        if (m) out.push(m);
      }
      return out;
    },
    countOf: (conversationId: string) => index().get(conversationId)?.length ?? 0,
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
        messageCount: index().get(c.id)?.length ?? 0,
      };
    },
  };
}
export type MessageIndex = ReturnType<typeof createMessageIndex>;

/**
 * Each conversation's message ids in store order, then put in time order where they are not (rare). Same order as
 * adding every message in one stable sort by time (ties keep store order), without sorting a million messages or
 * looking each one's predecessor up again: ~0.2 s instead of ~2.5 s at 1 000 000 messages.
 */
function build(store: Store): Map<string, string[]> {
  const byConversation = new Map<string, string[]>();
  const atsOf = new Map<string, number[]>();
  eachMessageHead(store.all('messages'), (id, conversationId, at) => {
    const list = byConversation.get(conversationId);
    if (!list) {
      byConversation.set(conversationId, [id]);
      atsOf.set(conversationId, [at]);
    } else {
      list.push(id);
      atsOf.get(conversationId)!.push(at);
    }
  });
  for (const [conversationId, ats] of atsOf) {
    let ordered = true;
    for (let i = 1; i < ats.length && ordered; i++) ordered = ats[i - 1] <= ats[i];
    if (ordered) continue;
    const ids = byConversation.get(conversationId)!;
    const order = ids.map((_, i) => i).sort((a, b) => ats[a] - ats[b] || a - b);
    byConversation.set(conversationId, order.map((i) => ids[i]));
  }
  return byConversation;
}
