import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COVERED_YEARS } from '../../shared/rules/calendar';
import { explainDue } from '../../shared/rules/explainDue';
import {
  clockOnAgentReply,
  clockOnCustomerMessage,
  clockOnHandOver,
  clockOnStatus,
  computeDue,
  effectiveDueAt,
  timeLeft,
} from '../../shared/rules/sla';
import { urgencyAt } from '../../shared/rules/urgency';
import { DEFAULT_SETTINGS, type Conversation } from '../../shared/schema';

const at = (iso: string) => Date.parse(iso);
const H = 3600_000;
const S = DEFAULT_SETTINGS;

function conv(o: Partial<Conversation> = {}): Conversation {
  const queuedAt = o.queuedAt ?? at('2026-11-24T09:00:00+08:00');
  const base: Conversation = {
    id: 'c-1', customerId: 'cu-1', category: 'payment', status: 'queued', tierAtArrival: 'normal', subject: 's',
    createdAt: queuedAt - 10 * 60_000, queuedAt, dueAt: null, ownerId: null, assigneeId: null, tags: [], contactCount: 1,
    severity: 'normal', updatedAt: queuedAt, lastMessageAt: queuedAt, resolvedAt: null, slaClockStartedAt: queuedAt,
    responseTier: null, resultClockStartedAt: queuedAt, resultPausedMs: 0, slaPausedAt: null, slaPausedMs: 0, escalatedAt: null, linkedToId: null, ownerAway: false, snoozedUntil: null, ...o,
  };
  return { ...base, dueAt: o.dueAt !== undefined ? o.dueAt : computeDue(base, S).dueAt };
}
const apply = (c: Conversation, patch: Partial<Conversation>): Conversation => ({ ...c, ...patch });

describe('response clocks: 24 h normal, 12 h VIP, from the hand-over', () => {
  it('a normal customer is due 24 h and a VIP 12 h after reaching the human queue', () => {
    const q = at('2026-11-24T09:00:00+08:00');
    expect(conv({ queuedAt: q }).dueAt).toBe(q + 24 * H);
    expect(conv({ queuedAt: q, tierAtArrival: 'vip' }).dueAt).toBe(q + 12 * H);
  });

  it('bot time does not count: the clock starts at hand-over', () => {
    const created = at('2026-11-24T01:00:00+08:00');
    const handOver = at('2026-11-24T07:30:00+08:00');
    const p = clockOnHandOver(conv({ category: 'account', status: 'bot', queuedAt: null, slaClockStartedAt: null, resultClockStartedAt: null }), handOver, 'normal', S);
    expect(p.slaClockStartedAt).toBe(handOver);
    expect(p.dueAt).toBe(handOver + 24 * H);
    expect(p.dueAt! - created).toBe(30.5 * H);
    // While with the bot, a customer message starts nothing.
    expect(clockOnCustomerMessage(conv({ status: 'bot', queuedAt: null, slaClockStartedAt: null, createdAt: created }), handOver, 'normal', S).dueAt).toBeNull();
  });

  it('after the agent answers nothing is owed; the next customer message owes a new response on the same target', () => {
    const c = conv({ status: 'open', tierAtArrival: 'vip' });
    const answered = apply(c, clockOnAgentReply(c, S));
    expect(answered.dueAt).toBeNull();
    const msgAt = c.queuedAt! + 5 * H;
    const again = apply(answered, clockOnCustomerMessage(answered, msgAt, 'vip', S));
    expect(again.slaClockStartedAt).toBe(msgAt);
    expect(again.dueAt).toBe(msgAt + 12 * H);
    expect(explainDue(again, S, msgAt).clock).toBe('oldest_unanswered');
    expect(explainDue(c, S, msgAt).clock).toBe('handover');
  });
});

describe('a customer chasing a reply does not push the deadline later', () => {
  it('the clock runs from the oldest customer message not yet answered', () => {
    const c = conv({ status: 'open' }); // handed over at T, nothing answered yet
    const T = c.queuedAt!;
    const chased = apply(c, clockOnCustomerMessage(c, T + 20 * H, 'normal', S));
    expect(chased.slaClockStartedAt).toBe(T);
    expect(chased.dueAt).toBe(T + 24 * H); // not T + 44 h
    expect(explainDue(chased, S, T + 20 * H)).toMatchObject({ clock: 'handover', clockStartedAt: T });

    // Answered at T+22h: nothing owed. The customer writes at T+30h and again at T+35h: due T+30h+24h.
    const answered = apply(chased, clockOnAgentReply(chased, S));
    const first = apply(answered, clockOnCustomerMessage(answered, T + 30 * H, 'normal', S));
    const second = apply(first, clockOnCustomerMessage(first, T + 35 * H, 'normal', S));
    expect(second.dueAt).toBe(T + 54 * H);
    expect(explainDue(second, S, T + 35 * H)).toMatchObject({ clock: 'oldest_unanswered', clockStartedAt: T + 30 * H });
  });

  it('property: customer messages never move an owed due time later; a reply then a message starts it from that message', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('customer', 'agent'), fc.integer({ min: 1, max: 30 * H })), { maxLength: 12 }), (steps) => {
        let c = conv({ status: 'open' });
        let now = c.queuedAt!;
        let owedSince: number | null = now;
        for (const [who, gap] of steps) {
          now += gap;
          const before = c.dueAt;
          if (who === 'agent') {
            c = apply(c, clockOnAgentReply(c, S));
            owedSince = null;
          } else {
            c = apply(c, clockOnCustomerMessage(c, now, 'normal', S));
            if (before !== null) expect(c.dueAt).toBe(before);
            owedSince ??= now;
          }
          expect(c.dueAt).toBe(owedSince === null ? null : owedSince + 24 * H);
        }
      }),
    );
  });
});

describe('a customer upgraded to VIP', () => {
  it('keeps the normal target for what was owed before, and gets 12 h for every response owed after', () => {
    const c = conv({ status: 'open', tierAtArrival: 'normal' });
    const T = c.queuedAt!;
    // Upgraded at T+1h while the first response is still owed: that response keeps 24 h.
    const chased = apply(c, clockOnCustomerMessage(c, T + 2 * H, 'vip', S));
    expect(chased.dueAt).toBe(T + 24 * H);
    // Answered, then the (now VIP) customer writes: 12 h.
    const answered = apply(chased, clockOnAgentReply(chased, S));
    const next = apply(answered, clockOnCustomerMessage(answered, T + 5 * H, 'vip', S));
    expect(next.dueAt).toBe(T + 5 * H + 12 * H);
    expect(explainDue(next, S, T + 5 * H)).toMatchObject({ rule: 'response_vip', targetHours: 12 });
  });
});

describe('re-categorising keeps the clocks the rules give', () => {
  it('payment → complaint after the answer: the complaint is due 7 working days from the hand-over', () => {
    const c = conv({ status: 'open', queuedAt: at('2026-11-24T09:00:00+08:00') });
    const answered = apply(c, clockOnAgentReply(c, S));
    expect(answered.dueAt).toBeNull();
    const complaint = { ...answered, category: 'complaint' as const };
    expect(computeDue(complaint, S).dueAt).toBe(at('2026-12-04T00:00:00+08:00')); // Wed 25 Nov … Thu 3 Dec
  });

  it('complaint → payment after the answer: nothing is owed (not hand-over + 24 h)', () => {
    const c = conv({ category: 'complaint', status: 'open' });
    const answered = apply(c, clockOnAgentReply(c, S));
    expect(answered.dueAt).toBe(c.dueAt); // the result is still owed
    expect(computeDue({ ...answered, category: 'payment' }, S).dueAt).toBeNull();
  });

  it('fractional hours give whole milliseconds', () => {
    const due = computeDue(conv({ status: 'open', tierAtArrival: 'vip' }), { ...S, slaHours: { normal: 24, vip: 11.1111111 } }).dueAt!;
    expect(Number.isInteger(due)).toBe(true);
  });
});

describe('pause and resume', () => {
  it('pending pauses the clock (time left frozen) and the customer reply resumes it, due moved by the pause', () => {
    const c = conv({ status: 'open' });
    const pauseAt = c.queuedAt! + 4 * H;
    const paused = apply(c, clockOnStatus(c, 'pending', pauseAt, S));
    paused.status = 'pending';
    expect(timeLeft(paused, pauseAt)).toBe(20 * H);
    expect(timeLeft(paused, pauseAt + 30 * H)).toBe(20 * H); // frozen, not breached
    expect(urgencyAt(paused, pauseAt + 30 * H, 120)).toBe('calm');
    expect(effectiveDueAt(paused, pauseAt + 3 * H)).toBe(c.dueAt! + 3 * H);

    // A complaint's result deadline resumes on the customer's reply with the pause added.
    const k = conv({ category: 'complaint', status: 'open' });
    const kp = apply(k, clockOnStatus(k, 'pending', pauseAt, S));
    kp.status = 'pending';
    const resumed = apply(kp, clockOnCustomerMessage(kp, pauseAt + 6 * H, 'normal', S));
    expect(resumed.slaPausedAt).toBeNull();
    expect(resumed.resultPausedMs).toBe(6 * H);
    expect(resumed.dueAt).toBe(k.dueAt! + 6 * H);
  });

  it('the agent reopening a pending conversation resumes the same clock; resolving settles it', () => {
    const c = conv({ status: 'open', tierAtArrival: 'vip' });
    const p = { ...apply(c, clockOnStatus(c, 'pending', c.queuedAt! + H, S)), status: 'pending' as const };
    const o = apply(p, clockOnStatus(p, 'open', c.queuedAt! + 3 * H, S));
    expect(o.dueAt).toBe(c.dueAt! + 2 * H);
    expect(o.slaClockStartedAt).toBe(c.slaClockStartedAt);
    expect(clockOnStatus(o, 'resolved', c.queuedAt! + 4 * H, S)).toMatchObject({ dueAt: null, slaClockStartedAt: null });
  });

  it('property: any sequence of pauses adds exactly the paused time to the due time', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 * H }), fc.integer({ min: 0, max: 5 * H })), { maxLength: 8 }), (steps) => {
        let c = conv({ status: 'open' });
        const due0 = c.dueAt!;
        let now = c.queuedAt!;
        let pausedTotal = 0;
        for (const [run, pause] of steps) {
          now += run;
          c = { ...apply(c, clockOnStatus(c, 'pending', now, S)), status: 'pending' };
          const left = timeLeft(c, now);
          now += pause;
          expect(timeLeft(c, now)).toBe(left);
          pausedTotal += pause;
          c = { ...apply(c, clockOnStatus(c, 'open', now, S)), status: 'open' };
        }
        expect(c.dueAt).toBe(due0 + pausedTotal);
        expect(c.slaPausedMs).toBe(pausedTotal);
      }),
    );
  });
});

describe('complaints: 7 working days on the mainland-China calendar', () => {
  const complaintDue = (iso: string) => {
    const c = conv({ category: 'complaint', queuedAt: at(iso) });
    return { c, e: explainDue(c, S, at(iso)) };
  };

  it('skips the Spring Festival week and counts the 调休 Saturdays', () => {
    // Thu 12 Feb 2026: Fri 13, Sat 14 (调休, working), 15–23 off, 24–27, Sat 28 (调休) is the 7th.
    const { c, e } = complaintDue('2026-02-12T15:00:00+08:00');
    expect(e.workingDays).toEqual(['2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28']);
    expect(c.dueAt).toBe(at('2026-03-01T00:00:00+08:00'));
    expect(e.uncoveredYears).toEqual([]);
  });

  it('skips the National Day week', () => {
    const { c, e } = complaintDue('2026-09-30T10:00:00+08:00');
    expect(e.workingDays[0]).toBe('2026-10-08');
    expect(e.workingDays).toContain('2026-10-10'); // the 调休 Saturday after the holiday
    expect(c.dueAt).toBe(at('2026-10-16T00:00:00+08:00')); // 8, 9, 10 (Sat), 12–15 Oct
  });

  it('crosses a year boundary with the new year holiday', () => {
    const { e } = complaintDue('2025-12-29T10:00:00+08:00');
    expect(e.workingDays).not.toContain('2026-01-01');
    expect(e.workingDays).toContain('2026-01-04'); // Sunday made a working day (元旦 调休)
    expect(e.workingDays).toEqual(['2025-12-30', '2025-12-31', '2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08']);
  });

  it('flags a year the data does not cover and falls back to Monday–Friday', () => {
    const year = Math.max(...COVERED_YEARS) + 1;
    const { c, e } = complaintDue(`${year}-03-03T10:00:00+08:00`);
    expect(e.uncoveredYears).toEqual([year]);
    expect(computeDue(c, S).uncoveredYears).toEqual([year]);
    for (const d of e.workingDays) expect([1, 2, 3, 4, 5]).toContain(new Date(`${d}T12:00:00Z`).getUTCDay());
  });

  it('reads days in Asia/Shanghai: 23:30 Thursday and 00:30 Friday (Shanghai) differ by a working day', () => {
    const thu = complaintDue('2026-11-26T23:30:00+08:00');
    const fri = complaintDue('2026-11-27T00:30:00+08:00'); // still Thursday in UTC
    expect(thu.e.workingDays[0]).toBe('2026-11-27');
    expect(fri.e.workingDays[0]).toBe('2026-11-30');
    expect(fri.c.dueAt! - thu.c.dueAt!).toBe(24 * H); // end of Mon 7 Dec vs end of Tue 8 Dec
  });

  it('a complaint answered by the agent still owes its result', () => {
    const c = conv({ category: 'complaint', status: 'open' });
    expect(apply(c, clockOnAgentReply(c, S)).dueAt).toBe(c.dueAt);
  });
});

describe('explainDue', () => {
  it('says which rule, which clock and the pauses', () => {
    const c = conv({ status: 'pending', tierAtArrival: 'vip', slaPausedAt: at('2026-11-24T10:00:00+08:00'), slaPausedMs: 30 * 60_000 });
    const e = explainDue(c, S, at('2026-11-24T12:00:00+08:00'), [{ from: at('2026-11-24T10:00:00+08:00'), to: null }]);
    expect(e).toMatchObject({ state: 'owed', rule: 'response_vip', clock: 'handover', targetHours: 12, pausedMs: 30 * 60_000 });
    expect(e.effectiveDueAt).toBe(c.dueAt! + 2 * H);
    expect(explainDue({ ...c, status: 'bot' }, S, 0).state).toBe('with_bot');
    expect(explainDue({ ...c, status: 'resolved' }, S, 0).state).toBe('settled');
  });
});
