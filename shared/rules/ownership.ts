import type { Agent } from '../schema/agent';
import type { Category } from '../schema/common';
import type { Conversation } from '../schema/conversation';

/**
 * The dedicated-owner rule (docs/rules.md "Dedicated follow-up"): one agent follows an issue until it is solved.
 * Pure functions of the records and `now`; the services apply them and audit the result.
 */

/** "Recently solved": a new contact within this long after resolution continues the same issue. */
export const RECENTLY_SOLVED_MS = 7 * 24 * 3600_000;

const UNSOLVED: readonly Conversation['status'][] = ['bot', 'queued', 'open', 'pending'];

/** The first agent who answers the customer becomes the owner; an existing owner stays. */
export function ownerAfterReply(c: Pick<Conversation, 'ownerId'>, agentId: string): string {
  return c.ownerId ?? agentId;
}

/**
 * The earlier conversation a new one from this customer in this category continues: the newest one that is
 * unsolved, or was resolved within RECENTLY_SOLVED_MS. Null when there is none (a fresh issue).
 */
export function findLinkTarget(
  earlier: Iterable<Conversation>,
  customerId: string,
  category: Category,
  now: number,
): Conversation | null {
  let best: Conversation | null = null;
  for (const c of earlier) {
    if (c.customerId !== customerId || c.category !== category) continue;
    const unsolved = UNSOLVED.includes(c.status);
    const recent = (c.status === 'resolved' || c.status === 'closed') && c.resolvedAt !== null && now - c.resolvedAt <= RECENTLY_SOLVED_MS;
    if (!unsolved && !recent) continue;
    if (!best || c.createdAt > best.createdAt || (c.createdAt === best.createdAt && c.id > best.id)) best = c;
  }
  return best;
}

export interface Routing {
  ownerId: string | null;
  assigneeId: string | null;
  /** In the team queue because the owner is away; the owner sees it on return. */
  ownerAway: boolean;
}

/**
 * Where a new conversation that continues `previous` goes: to the same owner when they are online, otherwise to
 * the team queue marked "owner away" (the owner keeps ownership). Without a previous owner it is unrouted.
 */
export function routeToOwner(previous: Conversation | null, owner: Pick<Agent, 'id' | 'presence'> | undefined): Routing {
  if (!previous?.ownerId || !owner) return { ownerId: null, assigneeId: null, ownerAway: false };
  if (owner.presence === 'online') return { ownerId: owner.id, assigneeId: owner.id, ownerAway: false };
  return { ownerId: owner.id, assigneeId: null, ownerAway: true };
}

export type TransferProblem = 'same_owner' | 'not_live_agent' | 'closed';

/** Why an ownership transfer is refused, or null when it may happen. Trainees never own live customers. */
export function transferProblem(c: Pick<Conversation, 'ownerId' | 'status'>, to: Pick<Agent, 'id' | 'role'>): TransferProblem | null {
  if (c.status === 'closed') return 'closed';
  if (to.role === 'trainee') return 'not_live_agent';
  if (c.ownerId === to.id) return 'same_owner';
  return null;
}

/** Conversations that went to the team queue while this owner was away and still wait for them. */
export function waitingForOwner(conversations: Iterable<Conversation>, ownerId: string): Conversation[] {
  const out: Conversation[] = [];
  for (const c of conversations) if (c.ownerAway && c.ownerId === ownerId && UNSOLVED.includes(c.status)) out.push(c);
  return out.sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Whether this agent may change a conversation's status or hand it on: a lead always; an agent when it is theirs
 * (owner or assignee), or nobody's yet (unassigned, or waiting in the team queue while its owner is away), so
 * picking up from the queue works and taking a colleague's work does not.
 */
export function mayChange(agent: Pick<Agent, 'id' | 'role'>, c: Pick<Conversation, 'ownerId' | 'assigneeId' | 'ownerAway'>): boolean {
  if (agent.role === 'lead') return true;
  if (agent.role !== 'agent') return false;
  if (c.ownerId === agent.id || c.assigneeId === agent.id) return true;
  return c.assigneeId === null && (c.ownerId === null || c.ownerAway);
}
