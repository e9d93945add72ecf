import type { Conversation, Customer, Message } from '../../../../shared/schema';
import type { EngineDoc } from './engine';

/** What each searchable record contributes to the index, and how its document id is spelled. */
/**
 * The index holds one document per conversation ("c:"): its subject and tags plus all its messages' tokens, which
 * repeat heavily within a conversation, so this takes a fraction of the memory of one document per message. The
 * matching messages are picked at query time. A message that arrives after its conversation's document was built
 * gets a small document of its own ("m:"), and a changed subject or tag list one too ("t:"), so a new message
 * never re-tokenises a long conversation. Hit ids use "m:" (a message), "c:" (a conversation), "u:" (a customer).
 */
export const docId = {
  message: (id: string) => `m:${id}`,
  conversation: (id: string) => `c:${id}`,
  conversationText: (id: string) => `t:${id}`,
  customer: (id: string) => `u:${id}`,
};

export function parseDocId(id: string): { kind: 'message' | 'conversation' | 'customer'; recordId: string } {
  const kind = id[0] === 'm' ? 'message' : id[0] === 'c' || id[0] === 't' ? 'conversation' : 'customer';
  return { kind, recordId: id.slice(2) };
}

/** A conversation's document; a newline separates the texts, so no token spans two messages. */
export const conversationBundleDoc = (c: Conversation, bodies: string[]): EngineDoc => ({
  id: docId.conversation(c.id),
  text: [conversationText(c), ...bodies].join('\n'),
});

export const messageDoc = (m: Message): EngineDoc => ({ id: docId.message(m.id), text: m.body });
export const conversationText = (c: Conversation) => [c.subject, ...c.tags].join(' ');
export const customerDoc = (c: Customer): EngineDoc => ({ id: docId.customer(c.id), text: c.name });
