import { CoreError, topic } from '../../../../shared/contract';
import type { ReceivedRating } from '../../../../shared/contract/performance';
import { DEFAULT_PERFORMANCE_SETTINGS, type Rating } from '../../../../shared/schema';
import { periodRange, startOfBeijingDate, type Range } from '../../../../shared/rules/performance/beijingDay';
import { isRateable, ratedAgent } from '../../../../shared/rules/performance/ratedAgent';
import type { Actor, CoreContext, HandlerSlice } from '../../context';
import type { MessageIndex } from '../messageIndex';
import { performanceCsv } from './exportCsv';
import { createFactsCache, type FactsCache } from './factsCache';
import { drill, handledRows, scores, trend } from './report';
import { createViews } from './views';

/** The longest period one call covers: a year and a day (a leap year's whole year, with room for its ends). */
const MAX_DAYS = 367;
const DAY = 86_400_000;

/**
 * Personal performance (docs/rules.md "Performance"): scores, trends, drill-down, CSV export and received ratings,
 * computed from stored events through the facts cache. Who sees what is decided here, beyond the contract's roles:
 * a lead sees any agent (or all), an agent only themselves (another agentId is `forbidden`), a trainee nothing
 * (LIVE_ROLES refuses them before this code runs).
 */
export function createPerformance(ctx: CoreContext, messages: MessageIndex) {
  const cache = createFactsCache(ctx.store, messages, ctx.settings);
  caches.set(ctx.ticker, cache);
  const collect = createViews(cache);
  const settings = () => ctx.settings().performance ?? DEFAULT_PERFORMANCE_SETTINGS;

  const rangeOf = (from: string, to: string): Range => {
    const r = periodRange(from, to);
    if (!r) {
      const bad = Number.isNaN(startOfBeijingDate(from)) ? 'from' : 'to';
      throw new CoreError('validation', `No such date: ${bad === 'from' ? from : to}`, [`${bad}: not a calendar date`]);
    }
    if (r.end <= r.start) throw new CoreError('validation', `The period ends (${to}) before it starts (${from})`, ['to: before from']);
    if (r.end - r.start > MAX_DAYS * DAY) throw new CoreError('validation', `The period is longer than ${MAX_DAYS} days`, ['to: period too long']);
    return r;
  };

  /** The agent a call is about: a lead may name anyone (or nobody: all); an agent only themselves. */
  const scopeOf = (actor: Actor, agentId: string | undefined, leadMayOmit: boolean): string | null => {
    const self = actor.agent;
    if (self.role !== 'lead') {
      if (agentId !== undefined && agentId !== self.id) {
        throw new CoreError('forbidden', `${self.id} may see only their own performance, not ${agentId}'s`, undefined, { code: 'not_yours' });
      }
      return self.id;
    }
    if (agentId === undefined) return leadMayOmit ? null : self.id;
    if (!ctx.store.get('agents', agentId)) throw new CoreError('not_found', `No agent ${agentId}`);
    return agentId;
  };

  const localeOf = (agentId: string) => ctx.store.get('preferences', agentId)?.locale ?? 'zh-CN';

  const handlers: HandlerSlice<'performance.scores' | 'performance.trend' | 'performance.drill' | 'performance.export' | 'ratings.mine' | 'sim.rate'> = {
    'performance.scores': ({ from, to, agentId }, actor) => {
      const only = scopeOf(actor, agentId, true);
      return { from, to, agents: scores(collect, ctx.store, rangeOf(from, to), only, settings()) };
    },
    'performance.trend': ({ from, to, agentId, granularity }, actor) => {
      const only = scopeOf(actor, agentId, true);
      return { points: trend(collect, ctx.store, { from, to }, rangeOf(from, to), only, granularity, settings()) };
    },
    'performance.drill': ({ from, to, agentId, metric }, actor) => {
      const only = scopeOf(actor, agentId, false) as string;
      return { rows: drill(cache, ctx.store, rangeOf(from, to), only, metric) };
    },
    'performance.export': ({ from, to, agentId }, actor) => {
      const only = scopeOf(actor, agentId, true);
      const rows = handledRows(cache, ctx.store, rangeOf(from, to), only);
      return { filename: `performance-${from}-${to}${only ? `-${only}` : ''}.csv`, csv: performanceCsv(rows, localeOf(actor.agent.id)), rows: rows.length };
    },
    'ratings.mine': ({ limit }, actor) => {
      const mine: Rating[] = [...cache.ratingsBy(actor.agent.id)];
      mine.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
      const ratings: ReceivedRating[] = mine.slice(0, limit).map((r) => {
        const c = ctx.store.get('conversations', r.conversationId);
        const counted = cache.factsOf(r.conversationId)?.facts.rating;
        return {
          id: r.id,
          conversationId: r.conversationId,
          subject: c?.subject ?? '',
          customerName: ctx.store.get('customers', r.customerId)?.name ?? r.customerId,
          score: r.score,
          comment: r.comment,
          at: r.at,
          replaced: counted ? counted.id !== r.id : false,
        };
      });
      return { ratings, total: mine.length };
    },
    'sim.rate': async ({ conversationId, score, comment }) => {
      if (!ctx.clock.manual) throw new CoreError('forbidden', 'The customer simulator runs only with a manual clock (demo and test mode)', undefined, { code: 'system_clock' });
      const c = ctx.store.get('conversations', conversationId);
      if (!c) throw new CoreError('not_found', `No conversation ${conversationId}`);
      const agentId = ratedAgent(c, cache.resolvedBy(c.id));
      if (!isRateable(c) || !agentId) {
        throw new CoreError('conflict', `Conversation ${c.id} is ${c.status}${agentId ? '' : ' and no agent had it'}: no rating request went out`, undefined, { code: 'not_rateable' });
      }
      const rating: Rating = { id: ctx.newId('rt-'), conversationId: c.id, agentId, customerId: c.customerId, score, comment: comment ?? '', at: ctx.clock.now() };
      await ctx.store.commit([{ op: 'put', coll: 'ratings', rec: rating }]);
      ctx.feed.publish([topic.conversation(c.id), topic.customer(c.customerId)]);
      return { ratingId: rating.id };
    },
  };
  const warm = cache.warmUp();
  return { handlers, cache, stop: warm.stop, warmed: warm.done };
}

/** The facts cache of each core (keyed by its ticker, which every context of one core shares: see intake.ts). */
const caches = new WeakMap<object, FactsCache>();

/**
 * Who a rating of `conversationId` is stored against (the spool's `customer.rating` uses this too): the agent who
 * resolved it, else its owner or assignee. Null when the core has no performance service or no agent had it.
 */
export function ratedAgentFor(ctx: Pick<CoreContext, 'ticker'>, c: Parameters<typeof ratedAgent>[0] & { id: string }): string | null {
  return ratedAgent(c, caches.get(ctx.ticker)?.resolvedBy(c.id) ?? null);
}
