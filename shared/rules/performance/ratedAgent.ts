import type { Conversation } from '../../schema/conversation';

/**
 * Who a customer's rating is stored against: the agent who resolved the conversation (the actor of the latest audit
 * line that set it `resolved`), else its owner, else its assignee; null when no agent ever had it.
 */
export function ratedAgent(c: Pick<Conversation, 'ownerId' | 'assigneeId'>, resolvedBy: string | null): string | null {
  return resolvedBy ?? c.ownerId ?? c.assigneeId;
}

/** Conversations a rating request goes out for, and so the only ones a customer can rate. */
export const isRateable = (c: Pick<Conversation, 'status'>): boolean => c.status === 'resolved' || c.status === 'closed';
