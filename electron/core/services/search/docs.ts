import type { Conversation, Customer, Message } from '../../../../shared/schema';
import type { Slot } from './engine';

/**
 * What each searchable record contributes to the index. A conversation is indexed as one group (its id): its
 * subject and tags (slot kind "c") and its messages ("m"), oldest first; a customer's name ("u") under "u:<id>".
 * A message or subject change after the build is added to the group as a small document of its own, so a new
 * message never re-tokenises a long conversation.
 */
/** (Most conversations have no tags: their text is the subject itself, not a new string on every put.) */
export const conversationText = (c: Conversation) => (c.tags.length === 0 ? c.subject : [c.subject, ...c.tags].join(' '));
export const conversationSlot = (c: Conversation, text = conversationText(c)): Slot => ({ kind: 'c', id: c.id, text, at: c.createdAt });
export const messageSlot = (m: Message): Slot => ({ kind: 'm', id: m.id, text: m.body, at: m.at, author: m.authorId });
export const customerGroup = (customerId: string) => `u:${customerId}`;
export const customerSlot = (c: Customer): Slot => ({ kind: 'u', id: c.id, text: c.name, at: c.createdAt });
