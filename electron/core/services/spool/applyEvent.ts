import { ratedAgentFor } from '../performance';
import { topic, type Topic } from '../../../../shared/contract';
import type { Conversation, Customer, SpoolInEvent, SpoolProblemReason } from '../../../../shared/schema';
import { clockOnStatus } from '../../../../shared/rules/sla';
import type { CoreContext } from '../../context';
import type { IncomingMessage } from '../intake';
import type { BatchStore } from './batchStore';

/** What intake's `receive` does for a customer's message (new conversation or not). */
export type Receive = (msg: IncomingMessage) => Promise<{ conversationId: string; created: boolean }>;

/** An event that is well formed but cannot be applied; it goes to quarantine with this reason. */
export class SpoolRefusal extends Error {
  constructor(
    readonly reason: SpoolProblemReason,
    message: string,
  ) {
    // An expected outcome, not a bug: no stack trace (capturing one cost ~50 µs per refused line, more than the
    // rest of the line's import).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

export interface ApplyScope {
  ctx: CoreContext;
  batch: BatchStore;
  receive: Receive;
  /** The time the services see for this event (set before each one). */
  setNow(t: number): void;
  /** The desk conversation a platform id names, including links made earlier in this batch. */
  linkOf(externalId: string): string | undefined;
  link(conversationId: string, externalId: string, at: number): void;
  topics: Set<Topic>;
}

/**
 * When an event happened, for the records it makes: its own time (a customer who wrote at 09:00 has waited since
 * 09:00, even if the desk imports at 11:00), but never after now (a connector's clock running ahead) nor before
 * the conversation's last message (so a thread stays in the order its events arrived).
 */
function timeOf(ev: SpoolInEvent, now: number, floor = 0): number {
  return Math.max(floor, Math.min(ev.at, now));
}

/** The desk conversation a platform id names now, or a refusal. (Module level: no closure made per event.) */
function conversationIn(s: ApplyScope, externalId: string): Conversation {
  const id = s.linkOf(externalId);
  const c = id ? s.batch.get('conversations', id) : undefined;
  if (!c) throw new SpoolRefusal('unknown_conversation', `No conversation ${externalId} came through the spool (a conversation.new event must come first)`);
  return c;
}

/** Applies one validated event to the batch, or throws SpoolRefusal (or the core's error) and the caller rolls back. */
export async function applyEvent(s: ApplyScope, ev: SpoolInEvent): Promise<void> {
  const now = s.ctx.clock.now();

  switch (ev.type) {
    case 'conversation.new': {
      if (s.linkOf(ev.conversationId)) throw new SpoolRefusal('conversation_exists', `Conversation ${ev.conversationId} already exists (a second conversation.new with another event id)`);
      const at = timeOf(ev, now);
      s.setNow(at);
      const before = s.batch.get('customers', ev.customer.id);
      const customer: Customer = { id: ev.customer.id, name: ev.customer.name, tier: ev.customer.tier, locale: ev.customer.locale, createdAt: before?.createdAt ?? at };
      // The platform is the source of truth for who the customer is: its latest name, tier and locale are kept.
      if (!before || before.name !== customer.name || before.tier !== customer.tier || before.locale !== customer.locale) {
        s.batch.apply({ op: 'put', coll: 'customers', rec: customer });
      }
      const r = await s.receive({ customerId: customer.id, category: ev.category, subject: ev.subject, body: ev.body });
      s.link(r.conversationId, ev.conversationId, at);
      return;
    }
    case 'customer.message': {
      const c = conversationIn(s, ev.conversationId);
      s.setNow(timeOf(ev, now, c.lastMessageAt));
      const r = await s.receive({ customerId: c.customerId, conversationId: c.id, body: ev.body });
      // A message to a closed conversation starts a new one (intake's rule): the platform id now names that one.
      if (r.conversationId !== c.id) s.link(r.conversationId, ev.conversationId, timeOf(ev, now, c.lastMessageAt));
      return;
    }
    case 'customer.profile': {
      const before = s.batch.get('customers', ev.customerId);
      if (!before) throw new SpoolRefusal('unknown_customer', `No customer ${ev.customerId} (a conversation.new event introduces a customer)`);
      const after: Customer = { ...before, name: ev.name ?? before.name, tier: ev.tier ?? before.tier, locale: ev.locale ?? before.locale };
      s.batch.apply({ op: 'put', coll: 'customers', rec: after });
      // A tier counts for responses owed from now on (docs/rules.md): nothing already owed is re-timed here.
      s.topics.add(topic.customer(after.id));
      s.topics.add(topic.queue);
      return;
    }
    case 'customer.rating': {
      const c = conversationIn(s, ev.conversationId);
      const agentId = ratedAgentFor(s.ctx, c); // the agent who resolved it (else owner, else assignee): docs/rules.md
      if (!agentId) throw new SpoolRefusal('no_agent_to_rate', `Conversation ${ev.conversationId} has had no agent to rate`);
      const at = timeOf(ev, now);
      s.batch.apply({
        op: 'put',
        coll: 'ratings',
        rec: { id: s.ctx.newId('r-'), conversationId: c.id, agentId, customerId: c.customerId, score: ev.score, comment: ev.comment ?? '', at },
      });
      s.topics.add(topic.conversation(c.id));
      s.topics.add(topic.customer(c.customerId));
      return;
    }
    case 'customer.closed': {
      const c = conversationIn(s, ev.conversationId);
      if (c.status === 'closed') return; // already closed: nothing changes, the event still counts as applied
      const at = timeOf(ev, now, c.lastMessageAt);
      s.setNow(at);
      const after: Conversation = { ...c, status: 'closed', ...clockOnStatus(c, 'closed', at, s.ctx.settings()), snoozedUntil: null, updatedAt: at };
      await s.batch.commit([
        { op: 'put', coll: 'conversations', rec: after },
        { op: 'put', coll: 'audit', rec: { id: s.ctx.newId('au-'), at, actorId: 'system', action: 'conversation.status', targetId: c.id, before: c.status, after: 'closed' } },
      ]);
      s.topics.add(topic.queue);
      s.topics.add(topic.conversation(c.id));
      s.topics.add(topic.customer(c.customerId));
      return;
    }
  }
}
