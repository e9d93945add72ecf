import type { Conversation, Customer, Message } from '../../../../shared/schema';
import type { EngineDoc } from './engine';

/** What each searchable record contributes to the index, and how its document id is spelled. */
export const docId = {
  message: (id: string) => `m:${id}`,
  conversation: (id: string) => `c:${id}`,
  customer: (id: string) => `u:${id}`,
};

export function parseDocId(id: string): { kind: 'message' | 'conversation' | 'customer'; recordId: string } {
  const kind = id[0] === 'm' ? 'message' : id[0] === 'c' ? 'conversation' : 'customer';
  return { kind, recordId: id.slice(2) };
}

export const messageDoc = (m: Message): EngineDoc => ({ id: docId.message(m.id), text: m.body });
export const conversationText = (c: Conversation) => [c.subject, ...c.tags].join(' ');
export const conversationDoc = (c: Conversation): EngineDoc => ({ id: docId.conversation(c.id), text: conversationText(c) });
export const customerDoc = (c: Customer): EngineDoc => ({ id: docId.customer(c.id), text: c.name });
