import type { Conversation, Message } from '../../shared/schema';

/** A queued, unassigned conversation as the team database holds it (tests and the team fixtures). */
export function testConversation(id: string, over: Partial<Conversation> = {}): Conversation {
  const at = 1_795_000_000_000;
  return {
    id,
    customerId: `u-${id}`,
    category: 'payment',
    status: 'queued',
    tierAtArrival: 'normal',
    subject: `付款失败 ${id}`,
    createdAt: at,
    queuedAt: at,
    dueAt: at + 24 * 3600_000,
    ownerId: null,
    assigneeId: null,
    tags: [],
    contactCount: 1,
    severity: 'normal',
    updatedAt: at,
    lastMessageAt: at,
    resolvedAt: null,
    slaClockStartedAt: at,
    responseTier: null,
    slaPausedAt: null,
    slaPausedMs: 0,
    resultClockStartedAt: at,
    resultPausedMs: 0,
    escalatedAt: null,
    linkedToId: null,
    ownerAway: false,
    snoozedUntil: null,
    ...over,
  };
}

export function testReply(id: string, conversationId: string, agentId: string, at = 1_795_000_100_000): Message {
  return { id, conversationId, author: 'agent', authorId: agentId, body: '您好，已为您处理', at, internal: false };
}
