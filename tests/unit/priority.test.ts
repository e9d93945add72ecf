import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareQueue, urgencyOf, type PriorityKey } from '../../shared/rules/priority';
import { QueueIndex, type QueueEntry } from '../../electron/core/services/queueIndex';
import { sortEntry } from '../../shared/rules/priority';

const NOW = Date.parse('2026-11-24T09:00:00+08:00');
const H = 3600_000;

// Due times cluster on a few values so that ties (same due time) are common.
const arbKey: fc.Arbitrary<PriorityKey> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  severe: fc.boolean(),
  vip: fc.boolean(),
  dueAt: fc.option(fc.integer({ min: -6, max: 6 }).map((h) => NOW + h * H), { nil: null, freq: 5 }),
  pausedAt: fc.option(fc.integer({ min: -8, max: 0 }).map((h) => NOW + h * H), { nil: null, freq: 2 }),
});
const uniqueKeys = fc.uniqueArray(arbKey, { selector: (k) => k.id, maxLength: 40 });
const arbNow = fc.integer({ min: -3, max: 3 }).map((h) => NOW + h * H);

describe('the queue comparator', () => {
  it('is a total order: antisymmetric, transitive, and only equal for the same id', () => {
    fc.assert(
      fc.property(arbKey, arbKey, arbKey, arbNow, (a, b, c, now) => {
        const ab = compareQueue(a, b, now);
        expect(Math.sign(ab) + Math.sign(compareQueue(b, a, now))).toBe(0);
        if (ab === 0) expect(a.id).toBe(b.id);
        if (ab <= 0 && compareQueue(b, c, now) <= 0) expect(compareQueue(a, c, now)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic: any input order sorts to the same queue', () => {
    fc.assert(
      fc.property(uniqueKeys, arbNow, fc.integer(), (keys, now, seed) => {
        const shuffled = [...keys].sort((x, y) => ((x.id.charCodeAt(0) * seed) % 7) - ((y.id.charCodeAt(0) * seed) % 7));
        const a = [...keys].sort((x, y) => compareQueue(x, y, now)).map((k) => k.id);
        const b = shuffled.sort((x, y) => compareQueue(x, y, now)).map((k) => k.id);
        expect(b).toEqual(a);
      }),
    );
  });

  it('never puts a VIP behind a normal conversation whose due time is the same or later (same severity class)', () => {
    fc.assert(
      fc.property(uniqueKeys, arbNow, (keys, now) => {
        const sorted = [...keys].sort((x, y) => compareQueue(x, y, now));
        const effDue = (k: PriorityKey) => now + urgencyOf(k, now);
        sorted.forEach((vip, i) => {
          if (!vip.vip) return;
          for (const before of sorted.slice(0, i)) {
            if (before.vip || before.severe !== vip.severe) continue;
            // a normal one ahead of this VIP must be strictly more urgent
            expect(effDue(before)).toBeLessThan(effDue(vip));
          }
        });
      }),
    );
  });

  it('puts severe complaints first, then breached (longest first), then by time left', () => {
    const k = (id: string, h: number | null, o: Partial<PriorityKey> = {}): PriorityKey => ({ id, severe: false, vip: false, dueAt: h === null ? null : NOW + h * H, pausedAt: null, ...o });
    const list = [k('calm', 10), k('none', null), k('late1h', -1), k('severe', 50, { severe: true }), k('late5h', -5), k('soon', 1), k('vipsoon', 1, { vip: true }), k('pausedLate', 2, { pausedAt: NOW + 3 * H })];
    expect(list.sort((a, b) => compareQueue(a, b, NOW)).map((x) => x.id)).toEqual(['severe', 'late5h', 'late1h', 'pausedLate', 'vipsoon', 'soon', 'calm', 'none']);
  });
});

describe('the queue index (precomputed keys, binary re-placement, merge of running and paused clocks)', () => {
  const entry = (k: PriorityKey): QueueEntry =>
    ({ ...sortEntry(k), paused: k.dueAt !== null && k.pausedAt !== null, conversation: {} as never, category: 'payment', tier: k.vip ? 'vip' : 'normal', status: 'open', ownerId: null, assigneeId: null, snoozedUntil: null, customerName: '', text: k.id }) as QueueEntry;

  it('always equals a full sort with the comparator, after any sequence of upserts and removals', () => {
    fc.assert(
      fc.property(uniqueKeys, fc.array(fc.tuple(fc.boolean(), arbKey), { maxLength: 30 }), arbNow, (initial, ops, now) => {
        const index = new QueueIndex();
        index.rebuild(initial.map(entry));
        const truth = new Map(initial.map((k) => [k.id, k]));
        for (const [remove, k] of ops) {
          if (remove) {
            index.remove(k.id);
            truth.delete(k.id);
          } else {
            index.upsert(entry(k));
            truth.set(k.id, k);
          }
        }
        const expected = [...truth.values()].sort((a, b) => compareQueue(a, b, now)).map((k) => k.id);
        expect(index.ordered(now).map((e) => e.id)).toEqual(expected);
        expect(index.size).toBe(truth.size);
      }),
    );
  });
});
