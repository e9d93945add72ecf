import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/schema';
import { beijingDate, beijingDayNumber, beijingIso, mondayOf, periodRange, dayNumberOfDate } from '../../shared/rules/performance/beijingDay';
import { conversationFacts, type FactsInput } from '../../shared/rules/performance/facts';
import { addFacts, applyFacts, figuresOf, newAcc, type Acc } from '../../shared/rules/performance/metrics';
import { median, percentile } from '../../shared/rules/performance/stats';
import { orderOf } from '../../shared/rules/performance/eventOrder';

const MIN = 60_000;
const H = 60 * MIN;
const T0 = Date.parse('2026-11-24T09:00:00+08:00');
const m = (n: number) => T0 + n * MIN;

type Msg = FactsInput['messages'][number];
type Line = FactsInput['audit'][number];
let seq = 0;
const cust = (at: number): Msg => ({ id: `m-${++seq}`, author: 'customer', authorId: 'cu-1', internal: false, at });
const agent = (at: number, agentId = 'a-1', internal = false): Msg => ({ id: `m-${++seq}`, author: 'agent', authorId: agentId, internal, at });
const bot = (at: number): Msg => ({ id: `m-${++seq}`, author: 'bot', authorId: null, internal: false, at });
const status = (at: number, after: string, actorId = 'a-1', action = 'conversation.status'): Line => ({ id: `au-${++seq}`, at, actorId, action, after });

function input(o: Omit<Partial<FactsInput>, 'conversation'> & { conversation?: Partial<FactsInput['conversation']> } = {}): FactsInput {
  return {
    conversation: {
      id: 'c-1', category: 'payment', tierAtArrival: 'normal', queuedAt: T0, status: 'open', resolvedAt: null, ownerId: 'a-1', assigneeId: 'a-1', slaPausedAt: null,
      ...o.conversation,
    },
    messages: o.messages ?? [],
    audit: o.audit ?? [],
    ratings: o.ratings ?? [],
    complaints: o.complaints ?? [],
    settings: o.settings ?? DEFAULT_SETTINGS,
  };
}

/** Every figure of one agent over a whole range of facts. */
function figures(agentId: string, facts: ReturnType<typeof conversationFacts>[], from = '2026-11-01', to = '2026-11-30') {
  const range = periodRange(from, to)!;
  const acc = newAcc();
  for (const f of facts) addFacts(f, range, (a) => (a === agentId ? acc : undefined));
  return figuresOf(acc);
}

describe('performance facts of one conversation', () => {
  it('first response and resolution exclude the time spent pending', () => {
    const f = conversationFacts(input({
      messages: [cust(m(0)), cust(m(65)), agent(m(75))],
      // Waiting for the customer from +5 until they wrote at +65: an hour that is not the agent's.
      audit: [status(m(5), 'pending'), status(m(65), 'open', 'system', 'conversation.resumed'), status(m(120), 'resolved')],
    }));
    expect(f.responses).toEqual([{ at: m(75), agentId: 'a-1', ms: 15 * MIN, slaMet: true, first: true, afterBot: false }]);
    expect(f.resolutions).toEqual([{ at: m(120), agentId: 'a-1', ms: 60 * MIN, reopened: false }]);
    const fig = figures('a-1', [f]);
    expect(fig.firstResponseMedianMs).toBe(15 * MIN);
    expect(fig.resolutionMedianMs).toBe(60 * MIN);
    expect(fig.handled).toBe(1);
  });

  it('a next reply runs from the oldest unanswered customer message; internal notes settle nothing', () => {
    const f = conversationFacts(input({
      messages: [cust(m(0)), agent(m(10)), cust(m(30)), cust(m(40)), agent(m(45), 'a-1', true), agent(m(50))],
    }));
    expect(f.responses.map((r) => [r.first, r.ms])).toEqual([[true, 10 * MIN], [false, 20 * MIN]]);
    expect(f.replies).toHaveLength(2);
    expect(figures('a-1', [f]).nextReplyMedianMs).toBe(20 * MIN);
  });

  it('a reopen starts a new episode: a new first response, and the earlier resolution counts as reopened', () => {
    const f = conversationFacts(input({
      messages: [cust(m(0)), agent(m(10)), cust(m(180)), agent(m(200), 'a-2')],
      audit: [status(m(120), 'resolved'), status(m(180), 'open', 'system', 'conversation.reopened'), status(m(260), 'resolved', 'a-2')],
    }));
    expect(f.responses.map((r) => [r.agentId, r.first, r.ms])).toEqual([['a-1', true, 10 * MIN], ['a-2', true, 20 * MIN]]);
    expect(f.resolutions).toEqual([
      { at: m(120), agentId: 'a-1', ms: 120 * MIN, reopened: true },
      { at: m(260), agentId: 'a-2', ms: 80 * MIN, reopened: false },
    ]);
    expect(figures('a-1', [f])).toMatchObject({ resolved: 1, reopened: 1, reopenRatePct: 100 });
    expect(figures('a-2', [f])).toMatchObject({ resolved: 1, reopened: 0, reopenRatePct: 0, firstResponseMedianMs: 20 * MIN });
  });

  it('counts a bot hand-over taken for the agent who gave the first reply after it, not for a complaint sent straight to a person', () => {
    const handOver = { at: T0, reason: 'asked_for_person' as const, categoryGuess: null, confidence: null, transcriptIds: ['m-x'] };
    const fromBot = conversationFacts(input({ conversation: { id: 'c-bot', handOver }, messages: [cust(m(-5)), agent(m(3), 'a-2'), cust(m(4)), agent(m(8))] }));
    expect(fromBot.fromBot).toBe(true);
    expect(fromBot.responses.map((r) => r.afterBot)).toEqual([true, false]);
    const straight = conversationFacts(input({ conversation: { id: 'c-cmp', handOver: { ...handOver, reason: 'category', transcriptIds: [] } }, messages: [cust(m(0)), agent(m(3))] }));
    expect(straight.fromBot).toBe(false);
    // Seeded stores keep no hand-over record: bot messages before the hand-over say the bot had it.
    expect(conversationFacts(input({ messages: [bot(m(-3)), cust(m(-2)), agent(m(5))] })).fromBot).toBe(true);
    expect(conversationFacts(input({ conversation: { category: 'complaint' }, messages: [bot(m(-3)), cust(m(-2)), agent(m(5))] })).fromBot).toBe(false);
    expect(figures('a-2', [fromBot, straight]).botHandoversTaken).toBe(1);
    expect(figures('a-1', [fromBot, straight]).botHandoversTaken).toBe(0);
  });

  it('a rating after a reopen replaces the earlier one for scoring; the replaced one is kept as history', () => {
    const f = conversationFacts(input({
      ratings: [
        { id: 'rt-2', agentId: 'a-2', score: 5, at: m(265) },
        { id: 'rt-1', agentId: 'a-1', score: 2, at: m(125) },
      ],
    }));
    expect(f.rating).toEqual({ id: 'rt-2', at: m(265), agentId: 'a-2', score: 5 });
    expect(f.replacedRatingIds).toEqual(['rt-1']);
    expect(figures('a-1', [f])).toMatchObject({ ratings: 0, csatAverage: null });
    expect(figures('a-2', [f])).toMatchObject({ ratings: 1, csatAverage: 5, csatPositivePct: 100 });
  });

  it('SLA compliance uses the tier’s target from the settings, pending time excluded', () => {
    const late = (tier: 'normal' | 'vip', pendingHours = 0) =>
      conversationFacts(input({
        conversation: { tierAtArrival: tier },
        messages: [cust(m(0)), agent(T0 + 13 * H + pendingHours * H)],
        audit: pendingHours ? [status(m(1), 'pending'), status(m(1) + pendingHours * H, 'open', 'system', 'conversation.resumed')] : [],
      })).responses[0].slaMet;
    expect(late('normal')).toBe(true); // 13 h < 24 h
    expect(late('vip')).toBe(false); // 13 h > 12 h
    expect(late('normal', 12)).toBe(true); // 25 h on the wall clock, 12 h of it pending: 13 h of the agent's time
    expect(conversationFacts(input({ conversation: { tierAtArrival: 'vip' }, messages: [cust(m(0)), agent(T0 + 12 * H)] })).responses[0].slaMet).toBe(true); // exactly at the target
    const twelve = { ...DEFAULT_SETTINGS, slaHours: { normal: 12, vip: 6 } };
    expect(conversationFacts(input({ messages: [cust(m(0)), agent(T0 + 13 * H)], settings: twelve })).responses[0].slaMet).toBe(false);
  });

  it('complaints count for the agent they are about, else the owner; upheld counts on the day of the result', () => {
    const f = conversationFacts(input({
      complaints: [
        { aboutAgentId: 'a-2', openedAt: m(0), upheld: true, resultAt: T0 + 48 * H },
        { aboutAgentId: null, openedAt: m(10), upheld: false, resultAt: m(20) },
        { aboutAgentId: null, openedAt: m(30), upheld: null, resultAt: null },
      ],
    }));
    expect(figures('a-2', [f])).toMatchObject({ complaintsReceived: 1, complaintsUpheld: 1 });
    expect(figures('a-1', [f])).toMatchObject({ complaintsReceived: 2, complaintsUpheld: 0 });
    // The result came two days later: a period of the opening day alone has the complaint, not the upholding.
    expect(figures('a-2', [f], '2026-11-24', '2026-11-24')).toMatchObject({ complaintsReceived: 1, complaintsUpheld: 0 });
  });

  it('seeded stores without audit lines take the resolution and the pause from the record', () => {
    const f = conversationFacts(input({ conversation: { status: 'resolved', resolvedAt: m(90), assigneeId: 'a-3' }, messages: [cust(m(0)), agent(m(10), 'a-3')] }));
    expect(f.resolutions).toEqual([{ at: m(90), agentId: 'a-3', ms: 90 * MIN, reopened: false }]);
    const p = conversationFacts(input({ conversation: { status: 'pending', slaPausedAt: m(20) }, messages: [cust(m(0)), agent(m(10)), cust(m(15)), agent(T0 + 3 * H)] }));
    // Owed from +15; pending from +20 on (the pause never ended): 5 minutes of the agent's time.
    expect(p.responses[1].ms).toBe(5 * MIN);
  });

  it('events of the same millisecond keep the order the core made them in (ids carry a counter)', () => {
    const t = m(30);
    const id = (prefix: string, counter: number) => `${prefix}${t.toString(36)}${counter.toString(36)}abcdef`;
    expect(orderOf(id('au-', 11), t)).toBe(11);
    expect(orderOf('m-0000001', t)).toBeNull();
    // Reply, then resolve, in the same instant: the reply is the first response, the resolution follows it.
    const f = conversationFacts(input({
      messages: [cust(m(0)), { id: id('m-', 1), author: 'agent', authorId: 'a-1', internal: false, at: t }],
      audit: [{ id: id('au-', 2), at: t, actorId: 'a-1', action: 'conversation.status', after: 'resolved' }],
    }));
    expect(f.responses).toHaveLength(1);
    expect(f.resolutions).toHaveLength(1);
    expect(f.resolutions[0].reopened).toBe(false);
  });
});

describe('Beijing days', () => {
  it('23:59 and 00:01 Beijing time are different days, whatever UTC says', () => {
    const lateEvening = Date.parse('2026-11-24T23:59:00+08:00');
    const pastMidnight = Date.parse('2026-11-25T00:01:00+08:00');
    expect(beijingDate(lateEvening)).toBe('2026-11-24');
    expect(beijingDate(pastMidnight)).toBe('2026-11-25');
    // In UTC both are on the 24th (15:59 and 16:01).
    expect(new Date(lateEvening).toISOString().slice(0, 10)).toBe(new Date(pastMidnight).toISOString().slice(0, 10));
    const day = periodRange('2026-11-24', '2026-11-24')!;
    expect(lateEvening >= day.start && lateEvening < day.end).toBe(true);
    expect(pastMidnight >= day.start && pastMidnight < day.end).toBe(false);
    expect(beijingIso(lateEvening)).toBe('2026-11-24T23:59:00+08:00');
    expect(periodRange('2026-02-30', '2026-03-01')).toBeNull();
    expect(mondayOf(dayNumberOfDate('2026-11-29'))).toBe(dayNumberOfDate('2026-11-23')); // a Sunday belongs to the week of Monday the 23rd
  });

  it('a conversation’s figures fall on the day of the event measured', () => {
    const a = conversationFacts(input({ conversation: { id: 'c-a', queuedAt: Date.parse('2026-11-24T23:50:00+08:00') }, messages: [agent(Date.parse('2026-11-24T23:59:00+08:00'))] }));
    const b = conversationFacts(input({ conversation: { id: 'c-b', queuedAt: Date.parse('2026-11-24T23:55:00+08:00') }, messages: [agent(Date.parse('2026-11-25T00:01:00+08:00'))] }));
    const range = periodRange('2026-11-24', '2026-11-25')!;
    const days = new Map<number, Acc>();
    const bucket = (_: string, at: number) => {
      const d = beijingDayNumber(at);
      if (!days.has(d)) days.set(d, newAcc());
      return days.get(d);
    };
    for (const f of [a, b]) addFacts(f, range, bucket);
    const fig = (date: string) => figuresOf(days.get(dayNumberOfDate(date))!);
    expect(fig('2026-11-24')).toMatchObject({ handled: 1, firstResponseMedianMs: 9 * MIN });
    expect(fig('2026-11-25')).toMatchObject({ handled: 1, firstResponseMedianMs: 6 * MIN });
  });
});

describe('median and percentile', () => {
  it('median of odd and even counts; p90 by nearest rank; nothing for no values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90)).toBe(90);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(percentile([], 90)).toBeNull();
  });
});

describe('taking facts back (cached dashboards)', () => {
  const agentArb = fc.constantFrom('a-1', 'a-2');
  const atArb = fc.integer({ min: T0 - 3 * 24 * H, max: T0 + 3 * 24 * H });
  const factsArb = (i: number) =>
    fc.record({
      replies: fc.array(fc.record({ at: atArb, agentId: agentArb }), { maxLength: 6 }),
      responses: fc.array(fc.record({ at: atArb, agentId: agentArb, ms: fc.integer({ min: 0, max: 10 * H }), slaMet: fc.boolean(), first: fc.boolean(), afterBot: fc.boolean() }), { maxLength: 5 }),
      resolutions: fc.array(fc.record({ at: atArb, agentId: agentArb, ms: fc.integer({ min: 0, max: 50 * H }), reopened: fc.boolean() }), { maxLength: 2 }),
      rating: fc.option(fc.record({ id: fc.constant(`rt-${i}`), at: atArb, agentId: agentArb, score: fc.integer({ min: 1, max: 5 }) })),
      complaints: fc.array(fc.record({ at: atArb, agentId: agentArb, upheld: fc.boolean(), upheldAt: fc.option(atArb) }), { maxLength: 2 }),
    }).map((f): ReturnType<typeof conversationFacts> => ({ conversationId: `c-${i}`, handedOverAt: null, fromBot: false, replacedRatingIds: [], ...f }));

  it('property: adding every conversation and taking one back equals adding the others', () => {
    fc.assert(
      fc.property(fc.tuple(factsArb(0), factsArb(1), factsArb(2), factsArb(3)), fc.integer({ min: 0, max: 3 }), (all, drop) => {
        const range = periodRange('2026-11-23', '2026-11-25')!;
        type Facts = ReturnType<typeof conversationFacts>;
        const run = (list: readonly Facts[], back?: Facts) => {
          const accs = new Map<string, Acc>();
          const bucket = (a: string, at: number) => {
            const k = `${a}|${beijingDayNumber(at)}`;
            if (!accs.has(k)) accs.set(k, newAcc());
            return accs.get(k);
          };
          for (const f of list) applyFacts(f, range, bucket, 1);
          if (back) applyFacts(back, range, bucket, -1);
          // Buckets left empty after taking back read like buckets never made.
          return [...accs].map(([k, a]) => [k, figuresOf(a)] as const).filter(([, f]) => f.handled || f.slaReplies || f.resolved || f.ratings || f.complaintsReceived || f.complaintsUpheld).sort(([a], [b]) => (a < b ? -1 : 1));
        };
        expect(run(all, all[drop])).toEqual(run(all.filter((_, i) => i !== drop)));
      }),
    );
  });
});

describe('figures of a bucket', () => {
  it('are reused while the bucket is unchanged and follow every kind of change', () => {
    const range = periodRange('2026-11-24', '2026-11-24')!;
    const acc = newAcc();
    const bucket = () => acc;
    const only = (o: Partial<ReturnType<typeof conversationFacts>>, i: number): ReturnType<typeof conversationFacts> => ({
      conversationId: `c-${i}`, handedOverAt: null, fromBot: false, replies: [], responses: [], resolutions: [], rating: null, replacedRatingIds: [], complaints: [], ...o,
    });
    const first = figuresOf(acc);
    expect(figuresOf(acc)).toBe(first); // the same object: nothing recomputed
    applyFacts(only({ rating: { id: 'rt-1', at: m(5), agentId: 'a-1', score: 4 } }, 1), range, bucket);
    expect(figuresOf(acc)).toMatchObject({ ratings: 1, csatAverage: 4 });
    applyFacts(only({ complaints: [{ at: m(6), agentId: 'a-1', upheld: true, upheldAt: m(7) }] }, 2), range, bucket);
    expect(figuresOf(acc)).toMatchObject({ complaintsReceived: 1, complaintsUpheld: 1 });
    applyFacts(only({ replies: [{ at: m(8), agentId: 'a-1' }] }, 3), range, bucket);
    expect(figuresOf(acc).handled).toBe(1);
    applyFacts(only({ resolutions: [{ at: m(9), agentId: 'a-1', ms: MIN, reopened: false }] }, 4), range, bucket);
    expect(figuresOf(acc).resolved).toBe(1);
    applyFacts(only({ responses: [{ at: m(9), agentId: 'a-1', ms: MIN, slaMet: true, first: true, afterBot: false }] }, 5), range, bucket);
    expect(figuresOf(acc).firstResponseMedianMs).toBe(MIN);
    applyFacts(only({ rating: { id: 'rt-1', at: m(5), agentId: 'a-1', score: 4 } }, 1), range, bucket, -1);
    expect(figuresOf(acc)).toMatchObject({ ratings: 0, csatAverage: null });
  });
});
