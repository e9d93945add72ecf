import { beijingDayNumber, mondayOf, type Range } from '../../../../shared/rules/performance/beijingDay';
import { applyFacts, newAcc, type Acc, type Bucket } from '../../../../shared/rules/performance/metrics';
import type { CachedFacts, FactsCache } from './factsCache';

/** Whether a conversation's facts can have anything in the range (their span overlaps it). */
export const inRange = (f: CachedFacts, r: Range) => f.last >= r.start && f.first < r.end;

type ByAgent = Map<string, Map<number, Acc>>;

/** A bucket function over `byAgent` for one view (one agent or all), keyed by `keyOf(at)`. */
function bucketsOf(byAgent: ByAgent, only: string | null, keyOf: (at: number) => number): Bucket {
  // Consecutive facts mostly belong to the same agent and bucket: remember the last one (the hot path).
  let lastAgent = '';
  let lastKey = Number.NaN;
  let lastAcc: Acc | undefined;
  return (agentId, at) => {
    if (only !== null && agentId !== only) return undefined;
    const k = keyOf(at);
    if (agentId === lastAgent && k === lastKey) return lastAcc;
    let m = byAgent.get(agentId);
    if (!m) byAgent.set(agentId, (m = new Map()));
    let a = m.get(k);
    if (!a) m.set(k, (a = newAcc()));
    lastAgent = agentId;
    lastKey = k;
    lastAcc = a;
    return a;
  };
}

interface View {
  byAgent: ByAgent;
  range: Range;
  bucket: Bucket;
  /** Conversations dropped from the facts cache since the view was last brought up to date, with the facts it holds. */
  pending: Map<string, CachedFacts | undefined>;
}

/** How many dashboards (period × agent × granularity) are kept current at once; the least recently used goes. */
const MAX_VIEWS = 6;

/**
 * The accumulated figures of recent dashboards, kept current commit by commit: a change to one conversation takes
 * back its old facts and adds its new ones (metrics.ts applyFacts), so the next call after a new rating costs the
 * conversations that changed plus the summaries, not a pass over every conversation. A change of every fact (the SLA
 * hours) drops them all.
 */
export function createViews(cache: FactsCache) {
  const views = new Map<string, View>();
  cache.onDrop((id, old) => {
    if (id === null) views.clear();
    else for (const v of views.values()) if (!v.pending.has(id)) v.pending.set(id, old);
  });

  return function collect(range: Range, only: string | null, granularity: 'period' | 'day' | 'week'): ByAgent {
    const key = `${range.start}|${range.end}|${only ?? '*'}|${granularity}`;
    let v = views.get(key);
    if (v) {
      views.delete(key);
      views.set(key, v); // most recently used last
      for (const [id, old] of v.pending) {
        if (old && inRange(old, range)) applyFacts(old.facts, range, v.bucket, -1);
        const now = cache.factsOf(id);
        if (now && inRange(now, range)) applyFacts(now.facts, range, v.bucket, 1);
      }
      v.pending.clear();
      return v.byAgent;
    }
    const keyOf = granularity === 'period' ? () => 0 : granularity === 'day' ? beijingDayNumber : (at: number) => mondayOf(beijingDayNumber(at));
    const byAgent: ByAgent = new Map();
    const bucket = bucketsOf(byAgent, only, keyOf);
    cache.forEach((f) => {
      if (inRange(f, range)) applyFacts(f.facts, range, bucket, 1);
    });
    v = { byAgent, range, bucket, pending: new Map() };
    views.set(key, v);
    if (views.size > MAX_VIEWS) views.delete(views.keys().next().value as string);
    return byAgent;
  };
}
export type Collect = ReturnType<typeof createViews>;
