import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Complaint } from '../../shared/schema';
import {
  COMPLAINT_TRANSITIONS,
  applyComplaintUpdate,
  bucketOf,
  compareForLead,
  complaintDeadline,
  dueSoonAt,
  escalationReasons,
  isOverdue,
  nextWakeAt,
  workingDaysLeft,
} from '../../shared/rules/complaints';
import { complaintDueAt } from '../../shared/rules/sla';

const at = (s: string) => Date.parse(s);
const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Tuesday 24 November 2026, 09:00 in Shanghai (the sandbox's clock). */
const TUE = at('2026-11-24T09:00:00+08:00');

function complaint(over: Partial<Complaint> = {}): Complaint {
  const openedAt = over.openedAt ?? TUE;
  return {
    id: 'cp-1',
    conversationId: 'c-1',
    customerId: 'cu-1',
    aboutAgentId: null,
    subject: 'other',
    severity: 'normal',
    suggestedSeverity: 'normal',
    severitySignals: [],
    severityMatches: [],
    severityConfirmedBy: null,
    status: 'open',
    openedAt,
    dueAt: complaintDeadline(openedAt, DEFAULT_SETTINGS).dueAt,
    handlerId: null,
    result: '',
    resultAt: null,
    upheld: null,
    closedAt: null,
    escalatedAt: null,
    escalationReason: null,
    escalations: [],
    createdBy: 'system',
    updatedAt: openedAt,
    ...over,
  };
}

describe('the result deadline', () => {
  it('is the end of the 7th working day after the day it was opened, as a complaint conversation', () => {
    // Wed 25, Thu 26, Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December: due at 24:00 on Thursday 3 December.
    expect(complaintDeadline(TUE, DEFAULT_SETTINGS).dueAt).toBe(at('2026-12-04T00:00:00+08:00'));
    expect(complaintDeadline(TUE, DEFAULT_SETTINGS).dueAt).toBe(complaintDueAt(TUE, DEFAULT_SETTINGS).dueAt);
  });

  it('skips the National Day week and counts the adjusted working Saturday (2026-10-10)', () => {
    const due = complaintDeadline(at('2026-09-30T20:00:00+08:00'), DEFAULT_SETTINGS).dueAt;
    // 8, 9, 10 (Saturday, 调休), 12, 13, 14, 15 October.
    expect(due).toBe(at('2026-10-16T00:00:00+08:00'));
  });

  it('follows the lead’s working-day setting', () => {
    expect(complaintDeadline(TUE, { complaintWorkingDays: 3 }).dueAt).toBe(at('2026-11-28T00:00:00+08:00'));
  });
});

describe('working days left', () => {
  const due = at('2026-12-04T00:00:00+08:00');
  it('counts whole working days after today before the deadline', () => {
    expect(workingDaysLeft(due, TUE)).toBe(7);
    expect(workingDaysLeft(due, at('2026-11-28T12:00:00+08:00'))).toBe(4); // Saturday: 30, 1, 2, 3
    expect(workingDaysLeft(due, at('2026-12-01T08:00:00+08:00'))).toBe(2);
    expect(workingDaysLeft(due, at('2026-12-03T23:59:00+08:00'))).toBe(0); // due today
  });
  it('goes negative by the working days since the deadline once past it', () => {
    expect(workingDaysLeft(due, due)).toBe(-1); // Friday 4 December has begun
    expect(workingDaysLeft(due, at('2026-12-05T10:00:00+08:00'))).toBe(-1); // the weekend adds none
    expect(workingDaysLeft(due, at('2026-12-07T10:00:00+08:00'))).toBe(-2);
  });
  it('never rises as time passes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * DAY }), fc.integer({ min: 0, max: 30 * DAY }), fc.integer({ min: 0, max: 20 * DAY }), (off, a, b) => {
        const opened = at('2026-01-01T00:00:00+08:00') + off;
        const d = complaintDeadline(opened, DEFAULT_SETTINGS).dueAt;
        return workingDaysLeft(d, opened + a + b) <= workingDaysLeft(d, opened + a);
      }),
    );
  });
  it('is the setting on the day of opening, whatever the day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * DAY }), fc.integer({ min: 1, max: 15 }), (off, n) => {
        const opened = at('2026-01-01T00:00:00+08:00') + off;
        return workingDaysLeft(complaintDeadline(opened, { complaintWorkingDays: n }).dueAt, opened) === n;
      }),
    );
  });
});

describe('escalation', () => {
  it('a severe complaint, or a severe suggestion not yet confirmed, escalates at once', () => {
    expect(escalationReasons(complaint({ severity: 'severe' }), TUE)).toEqual(['severe']);
    expect(escalationReasons(complaint({ suggestedSeverity: 'severe' }), TUE)).toEqual(['severe']);
    // A lead who looked and said "normal" takes it out of the severe group.
    expect(escalationReasons(complaint({ suggestedSeverity: 'severe', severityConfirmedBy: 'a-lead' }), TUE)).toEqual([]);
  });

  it('is due soon from the day two working days are left, overdue from the deadline, and stays overdue until closed', () => {
    const c = complaint();
    expect(dueSoonAt(c)).toBe(at('2026-12-01T00:00:00+08:00'));
    expect(escalationReasons(c, at('2026-11-30T23:59:00+08:00'))).toEqual([]);
    expect(escalationReasons(c, at('2026-12-01T00:00:00+08:00'))).toEqual(['due_soon']);
    expect(escalationReasons(c, c.dueAt - 1)).toEqual(['due_soon']);
    expect(escalationReasons(c, c.dueAt)).toEqual(['overdue']);
    // A late result keeps it overdue (on top) until the lead closes it.
    const late = { ...c, status: 'result_given' as const, result: 'r', upheld: true, resultAt: c.dueAt + HOUR };
    expect(escalationReasons(late, c.dueAt + DAY)).toEqual(['overdue']);
    expect(escalationReasons(complaint({ ...late, status: 'closed', closedAt: c.dueAt + DAY }), c.dueAt + 2 * DAY)).toEqual([]);
    // A result in time ends the pressure.
    expect(escalationReasons({ ...c, status: 'result_given', resultAt: c.dueAt - DAY }, c.dueAt + DAY)).toEqual([]);
  });

  it('at most two working days left ⇔ due soon, before the deadline (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * DAY }), fc.integer({ min: 0, max: 20 * DAY }), (off, later) => {
        const c = complaint({ openedAt: at('2026-01-01T00:00:00+08:00') + off });
        const fresh = complaint({ openedAt: c.openedAt, dueAt: complaintDeadline(c.openedAt, DEFAULT_SETTINGS).dueAt });
        const now = fresh.openedAt + later;
        if (now >= fresh.dueAt) return escalationReasons(fresh, now).includes('overdue') && !escalationReasons(fresh, now).includes('due_soon');
        return (workingDaysLeft(fresh.dueAt, now) <= 2) === escalationReasons(fresh, now).includes('due_soon');
      }),
    );
  });

  it('wakes at due soon, then at the deadline, then never', () => {
    const c = complaint();
    expect(nextWakeAt(c, TUE)).toBe(dueSoonAt(c));
    expect(nextWakeAt(c, dueSoonAt(c))).toBe(c.dueAt);
    expect(nextWakeAt(c, c.dueAt)).toBe(Infinity);
    expect(nextWakeAt({ ...c, resultAt: TUE + HOUR }, TUE + HOUR)).toBe(Infinity);
  });
});

describe('buckets and the lead’s order', () => {
  it('puts each complaint in one bucket', () => {
    const c = complaint();
    expect(bucketOf(c, TUE)).toBe('open');
    expect(bucketOf(c, dueSoonAt(c))).toBe('due_soon');
    expect(bucketOf(c, c.dueAt)).toBe('overdue');
    expect(bucketOf(complaint({ ...c, status: 'closed', resultAt: c.dueAt - 1, closedAt: c.dueAt + DAY }), c.dueAt + DAY)).toBe('closed_on_time');
    expect(bucketOf(complaint({ ...c, status: 'closed', resultAt: c.dueAt, closedAt: c.dueAt + DAY }), c.dueAt + DAY)).toBe('closed_late');
  });

  it('puts severity awaiting the lead, then overdue, then severe, then due soon, open and closed', () => {
    const now = at('2026-12-02T10:00:00+08:00');
    const list = [
      complaint({ id: 'closed', status: 'closed', result: 'r', upheld: false, resultAt: TUE + DAY, closedAt: TUE + DAY }),
      complaint({ id: 'open', openedAt: now - HOUR }),
      complaint({ id: 'soon' }),
      complaint({ id: 'severe', severity: 'severe', severityConfirmedBy: 'a-lead', openedAt: now - HOUR }),
      complaint({ id: 'overdue', openedAt: at('2026-11-10T09:00:00+08:00') }),
      complaint({ id: 'suggested', suggestedSeverity: 'severe', openedAt: now - HOUR }),
    ];
    expect(list.sort((a, b) => compareForLead(a, b, now)).map((c) => c.id)).toEqual(['suggested', 'overdue', 'severe', 'soon', 'open', 'closed']);
  });

  it('is a consistent order: any shuffle sorts the same (property)', () => {
    const arb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      off: fc.integer({ min: -15 * DAY, max: 0 }),
      severity: fc.constantFrom('normal', 'severe') as fc.Arbitrary<'normal' | 'severe'>,
      suggested: fc.constantFrom('normal', 'severe') as fc.Arbitrary<'normal' | 'severe'>,
      confirmed: fc.boolean(),
      closed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arb, { selector: (r) => r.id, maxLength: 12 }), fc.integer(), (rows, seed) => {
        const now = TUE;
        const items = rows.map((r) =>
          complaint({
            id: r.id, openedAt: now + r.off, severity: r.severity, suggestedSeverity: r.suggested, severityConfirmedBy: r.confirmed ? 'a-lead' : null,
            ...(r.closed ? { status: 'closed' as const, resultAt: now + r.off + HOUR, result: 'r', upheld: true, closedAt: now + r.off + 2 * HOUR } : {}),
          }),
        );
        const a = [...items].sort((x, y) => compareForLead(x, y, now)).map((c) => c.id);
        const shuffled = [...items].sort((x, y) => ((x.id.charCodeAt(0) * 31 + seed) % 7) - ((y.id.charCodeAt(0) * 31 + seed) % 7));
        const b = shuffled.sort((x, y) => compareForLead(x, y, now)).map((c) => c.id);
        // Every overdue or severe open complaint comes before every other one.
        const top = (c: Complaint) => c.status !== 'closed' && (escalationReasons(c, now).includes('severe') || isOverdue(c, now));
        const flags = a.map((id) => top(items.find((c) => c.id === id)!));
        const firstOther = flags.indexOf(false);
        const topFirst = firstOther === -1 || flags.lastIndexOf(true) < firstOther;
        return JSON.stringify(a) === JSON.stringify(b) && topFirst;
      }),
    );
  });
});

describe('status steps', () => {
  it('moves open → investigating → result given → closed, stamping the first result and the close', () => {
    let c = complaint();
    const step = (patch: Parameters<typeof applyComplaintUpdate>[1], now: number) => {
      const r = applyComplaintUpdate(c, patch, now);
      if (!r.ok) throw new Error(r.problem.code);
      c = r.next;
    };
    step({ status: 'investigating', handlerId: 'a-lead' }, TUE + HOUR);
    step({ status: 'result_given', result: '  已退款并致歉  ', upheld: true }, TUE + DAY);
    expect(c).toMatchObject({ status: 'result_given', result: '已退款并致歉', upheld: true, resultAt: TUE + DAY, handlerId: 'a-lead' });
    step({ result: '已退款、致歉并补偿', status: 'result_given' }, TUE + 2 * DAY);
    expect(c.resultAt).toBe(TUE + DAY); // revising keeps when the result was first given
    step({ status: 'closed' }, TUE + 3 * DAY);
    expect(c).toMatchObject({ status: 'closed', closedAt: TUE + 3 * DAY });
  });

  it('refuses a result without its text or upheld yes/no, a skipped or backward step, and any change once closed', () => {
    const c = complaint({ status: 'investigating' });
    expect(applyComplaintUpdate(c, { status: 'result_given', result: '   ', upheld: true }, TUE)).toEqual({ ok: false, problem: { code: 'complaint_result_needed' } });
    expect(applyComplaintUpdate(c, { status: 'result_given', result: 'ok' }, TUE)).toEqual({ ok: false, problem: { code: 'complaint_result_needed' } });
    expect(applyComplaintUpdate(c, { status: 'closed' }, TUE)).toEqual({ ok: false, problem: { code: 'complaint_transition', params: { from: 'investigating', to: 'closed' } } });
    expect(applyComplaintUpdate(c, { status: 'open' }, TUE)).toMatchObject({ ok: false, problem: { code: 'complaint_transition' } });
    const closed = complaint({ status: 'closed', result: 'r', upheld: false, resultAt: TUE, closedAt: TUE });
    expect(applyComplaintUpdate(closed, { handlerId: 'a-x' }, TUE)).toEqual({ ok: false, problem: { code: 'complaint_closed' } });
  });

  it('never yields a given result without text and upheld, nor a changed closed complaint (property)', () => {
    const statuses = Object.keys(COMPLAINT_TRANSITIONS) as Complaint['status'][];
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.record({ status: fc.option(fc.constantFrom(...statuses), { nil: undefined }), result: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }), upheld: fc.option(fc.boolean(), { nil: undefined }) }),
        (from, patch) => {
          const c = complaint({ status: from, ...(from === 'closed' || from === 'result_given' ? { result: 'r', upheld: true, resultAt: TUE } : {}) });
          const r = applyComplaintUpdate(c, patch, TUE + HOUR);
          if (from === 'closed') return !r.ok;
          if (!r.ok) return true;
          const given = r.next.status === 'result_given' || r.next.status === 'closed';
          return !given || (r.next.result !== '' && r.next.upheld !== null && r.next.resultAt !== null);
        },
      ),
    );
  });
});
