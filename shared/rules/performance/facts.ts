import type { AuditEvent } from '../../schema/audit';
import { isBotCategory } from '../../schema/bot';
import type { Status } from '../../schema/common';
import type { Complaint } from '../../schema/complaint';
import type { Conversation, Message } from '../../schema/conversation';
import type { Rating } from '../../schema/rating';
import type { Settings } from '../../schema/settings';
import { responseDueAt } from '../sla';
import { orderOf } from './eventOrder';

/**
 * The facts of one conversation that the performance metrics are made of (docs/rules.md "Performance"), derived from
 * its stored events only: its messages, the audit lines of its status changes, its ratings and complaints. Each
 * fact carries the instant it happened and the agent it counts for, so a period (or a day of a trend) takes the
 * facts that happened in it.
 */

/** An owed response settled by an agent's public reply. */
export interface ResponseFact {
  at: number;
  agentId: string;
  /** Owed since (hand-over, reopen, or the oldest unanswered customer message) to the reply, pending time excluded. */
  ms: number;
  /** Answered within the SLA target of the conversation's tier (shared/rules/sla.ts responseDueAt). */
  slaMet: boolean;
  /** The first response of an episode (hand-over or customer reopen); otherwise a next reply. */
  first: boolean;
  /** The first response after the bot handed the conversation over. */
  afterBot: boolean;
}

export interface ResolutionFact {
  at: number;
  agentId: string;
  /** Episode start (hand-over or reopen) to resolved, pending time excluded. */
  ms: number;
  /** The conversation was reopened after this resolution (by the customer writing, or an agent). */
  reopened: boolean;
}

export interface RatingFact {
  id: string;
  at: number;
  agentId: string;
  score: number;
}

export interface ComplaintFact {
  at: number;
  /** The agent it is about, else the conversation's owner. */
  agentId: string;
  upheld: boolean;
  /** When it was found justified (the result), for attributing "upheld" to a day. */
  upheldAt: number | null;
}

export interface ConversationFacts {
  conversationId: string;
  handedOverAt: number | null;
  /** The bot had the conversation before a person (a hand-over from bot turns). */
  fromBot: boolean;
  /** Every public agent reply (the "handled" count). */
  replies: { at: number; agentId: string }[];
  responses: ResponseFact[];
  resolutions: ResolutionFact[];
  /** The rating that counts: the latest (a rating after a reopen replaces the earlier one). */
  rating: RatingFact | null;
  /** Earlier ratings of the conversation, replaced for scoring (history keeps them). */
  replacedRatingIds: string[];
  complaints: ComplaintFact[];
}

export type FactsConversation = Pick<
  Conversation,
  'id' | 'category' | 'tierAtArrival' | 'queuedAt' | 'status' | 'resolvedAt' | 'ownerId' | 'assigneeId' | 'slaPausedAt' | 'handOver'
>;

export interface FactsInput {
  conversation: FactsConversation;
  messages: readonly Pick<Message, 'id' | 'author' | 'authorId' | 'internal' | 'at'>[];
  /** The audit lines whose target is this conversation (any action; the status ones are used). */
  audit: readonly Pick<AuditEvent, 'id' | 'at' | 'actorId' | 'action' | 'after'>[];
  ratings: readonly Pick<Rating, 'id' | 'agentId' | 'score' | 'at'>[];
  complaints: readonly Pick<Complaint, 'aboutAgentId' | 'openedAt' | 'upheld' | 'resultAt'>[];
  settings: Pick<Settings, 'slaHours'>;
}

/** The audit actions that change a conversation's status (services/conversations.ts, intake.ts, spool). */
export const STATUS_ACTIONS: ReadonlySet<string> = new Set(['conversation.status', 'conversation.reopened', 'conversation.resumed']);
const STATUSES: ReadonlySet<string> = new Set<Status>(['bot', 'queued', 'open', 'pending', 'resolved', 'closed']);
const ACTIVE: ReadonlySet<Status> = new Set<Status>(['queued', 'open', 'pending']);

type Ev =
  | { k: 'handover'; at: number; id: string }
  | { k: 'customer'; at: number; id: string }
  | { k: 'agent'; at: number; id: string; agentId: string }
  | { k: 'status'; at: number; id: string; to: Status; actorId: string; byCustomer: boolean };

const RANK: Record<Ev['k'], number> = { handover: 0, customer: 1, agent: 2, status: 3 };

function sortEvents(evs: Ev[]): Ev[] {
  const keyed = evs.map((e, i) => ({ e, i, seq: undefined as number | null | undefined }));
  // Decoding an id is only needed for a tie, which real clocks rarely make: done on demand, once per event.
  const seqOf = (x: (typeof keyed)[number]) => (x.seq === undefined ? (x.seq = orderOf(x.e.id, x.e.at)) : x.seq);
  keyed.sort((a, b) => {
    if (a.e.at !== b.e.at) return a.e.at - b.e.at;
    // The same millisecond (a manual clock): the commit order the ids record, else what must come first.
    const sa = seqOf(a);
    const sb = seqOf(b);
    if (sa !== null && sb !== null && sa !== sb) return sa - sb;
    return RANK[a.e.k] - RANK[b.e.k] || a.i - b.i;
  });
  return keyed.map((x) => x.e);
}

/** The events of the walk, with what the seed data leaves out of the audit filled from the record itself. */
function eventsOf(input: FactsInput): Ev[] {
  const c = input.conversation;
  const evs: Ev[] = [];
  if (c.queuedAt !== null) evs.push({ k: 'handover', at: c.queuedAt, id: '' });
  for (const m of input.messages) {
    if (m.internal) continue;
    if (m.author === 'customer') evs.push({ k: 'customer', at: m.at, id: m.id });
    else if (m.author === 'agent' && m.authorId) evs.push({ k: 'agent', at: m.at, id: m.id, agentId: m.authorId });
  }
  let toResolved = false;
  let toPending = false;
  for (const a of input.audit) {
    if (!STATUS_ACTIONS.has(a.action) || typeof a.after !== 'string' || !STATUSES.has(a.after)) continue;
    const to = a.after as Status;
    toResolved ||= to === 'resolved';
    toPending ||= to === 'pending';
    evs.push({ k: 'status', at: a.at, id: a.id, to, actorId: a.actorId, byCustomer: a.action === 'conversation.reopened' });
  }
  // Generated demo stores carry the outcome on the record without the audit lines that led to it.
  const fallbackAgent = c.assigneeId ?? c.ownerId ?? 'system';
  if (!toResolved && c.resolvedAt !== null) evs.push({ k: 'status', at: c.resolvedAt, id: '', to: 'resolved', actorId: fallbackAgent, byCustomer: false });
  if (!toPending && c.status === 'pending' && c.slaPausedAt !== null) evs.push({ k: 'status', at: c.slaPausedAt, id: '', to: 'pending', actorId: fallbackAgent, byCustomer: false });
  return sortEvents(evs);
}

/**
 * Whether the bot had this conversation before handing it over (not a complaint sent straight to a person): its
 * hand-over record names the messages of the bot's transcript. Records without one (generated stores) count when the
 * category is one the bot answers and bot messages came before the hand-over.
 */
export function cameFromBot(c: FactsConversation, messages: FactsInput['messages']): boolean {
  if (c.handOver) return c.handOver.transcriptIds.length > 0;
  const q = c.queuedAt;
  return q !== null && isBotCategory(c.category) && messages.some((m) => m.author === 'bot' && m.at <= q);
}

interface Episode {
  start: number;
  pendingMark: number;
  firstDone: boolean;
  resolution: ResolutionFact | null;
}

/**
 * Walks the conversation's events in time order, keeping its status, the response owed (since when) and the pending
 * time so far, and writes down each settled response and each resolution.
 */
export function conversationFacts(input: FactsInput): ConversationFacts {
  const c = input.conversation;
  const fromBot = cameFromBot(c, input.messages);
  const tier = c.tierAtArrival;
  const replies: ConversationFacts['replies'] = [];
  const responses: ResponseFact[] = [];
  const resolutions: ResolutionFact[] = [];

  let status: Status = 'bot';
  let pendingTotal = 0;
  let pendingSince: number | null = null;
  /** Pending time up to `t` (t is never before the last event walked). */
  const pendingUpTo = (t: number) => pendingTotal + (pendingSince !== null ? t - pendingSince : 0);
  let episode: Episode | null = null;
  let episodes = 0;
  let owedSince: number | null = null;
  let owedMark = 0;
  let owedFirst = false;

  const owe = (t: number, first: boolean) => {
    owedSince = t;
    owedMark = pendingUpTo(t);
    owedFirst = first;
  };
  const leavePending = (t: number) => {
    if (pendingSince !== null) pendingTotal += t - pendingSince;
    pendingSince = null;
  };
  const startEpisode = (t: number, owesResponse: boolean) => {
    if (episode?.resolution) episode.resolution.reopened = true;
    episode = { start: t, pendingMark: pendingUpTo(t), firstDone: false, resolution: null };
    episodes++;
    owedSince = null;
    if (owesResponse) owe(t, true);
  };

  for (const e of eventsOf(input)) {
    const t = e.at;
    switch (e.k) {
      case 'handover':
        if (episode) break; // one hand-over per conversation; a second would be a data fault
        status = 'queued';
        startEpisode(t, true);
        break;
      case 'customer':
        if (status === 'bot' || status === 'closed') break; // the bot's part / a new conversation takes it
        if (status === 'resolved') {
          status = 'open';
          startEpisode(t, true);
          break;
        }
        if (status === 'pending') {
          leavePending(t);
          status = 'open';
        }
        if (owedSince === null) owe(t, !(episode as Episode | null)?.firstDone);
        break;
      case 'agent': {
        if (status === 'bot' || status === 'closed') break;
        replies.push({ at: t, agentId: e.agentId });
        // A reply on a resolved conversation reopens it (services/conversations.ts), owing nothing.
        if (status === 'resolved') startEpisode(t, false);
        if (status === 'queued' || status === 'resolved') status = 'open';
        if (owedSince !== null) {
          const paused = pendingUpTo(t) - owedMark;
          const ms = Math.max(0, t - owedSince - paused);
          const slaMet = t <= responseDueAt(tier, owedSince, paused, input.settings as Settings);
          responses.push({ at: t, agentId: e.agentId, ms, slaMet, first: owedFirst, afterBot: owedFirst && episodes === 1 && fromBot });
          if (owedFirst && episode) (episode as Episode).firstDone = true;
          owedSince = null;
        }
        break;
      }
      case 'status': {
        const to = e.to;
        if (to === status) break; // the same change told twice (a reopen's message and its audit line)
        if (status === 'pending') leavePending(t);
        if ((status === 'resolved' || status === 'closed') && ACTIVE.has(to)) {
          status = to;
          startEpisode(t, e.byCustomer);
          if (to === 'pending') pendingSince = t;
          break;
        }
        if (to === 'pending') pendingSince = t;
        if (to === 'resolved' && episode) {
          const ep = episode as Episode;
          const agentId = e.actorId !== 'system' ? e.actorId : (c.assigneeId ?? c.ownerId);
          if (agentId && !ep.resolution) {
            const r: ResolutionFact = { at: t, agentId, ms: Math.max(0, t - ep.start - (pendingUpTo(t) - ep.pendingMark)), reopened: false };
            ep.resolution = r;
            resolutions.push(r);
          }
        }
        if (to === 'resolved' || to === 'closed') owedSince = null;
        status = to;
        break;
      }
    }
  }

  // The latest rating counts; ties in time go to the later id (ids are time-ordered).
  let rating: RatingFact | null = null;
  const replacedRatingIds: string[] = [];
  for (const r of input.ratings) {
    if (!rating || r.at > rating.at || (r.at === rating.at && r.id > rating.id)) {
      if (rating) replacedRatingIds.push(rating.id);
      rating = { id: r.id, at: r.at, agentId: r.agentId, score: r.score };
    } else replacedRatingIds.push(r.id);
  }

  const complaints: ComplaintFact[] = [];
  for (const k of input.complaints) {
    const agentId = k.aboutAgentId ?? c.ownerId;
    if (!agentId) continue; // about the service, not a person: nobody's figure
    const upheld = k.upheld === true;
    complaints.push({ at: k.openedAt, agentId, upheld, upheldAt: upheld ? (k.resultAt ?? k.openedAt) : null });
  }

  return { conversationId: c.id, handedOverAt: c.queuedAt, fromBot, replies, responses, resolutions, rating, replacedRatingIds, complaints };
}
