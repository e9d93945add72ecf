import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERFORMANCE_SETTINGS, PERFORMANCE_COMPONENTS, type PerformanceSettings } from '../../shared/schema';
import type { Figures } from '../../shared/rules/performance/metrics';
import { compositeOf, higherIsBetter, lowerIsBetter, scoreOf } from '../../shared/rules/performance/score';
import { csvField, toCsv } from '../../shared/rules/performance/csv';

const MIN = 60_000;
const S = DEFAULT_PERFORMANCE_SETTINGS;

/** Figures of an agent who handled enough to be scored, at exactly every default target. */
const onTarget = (o: Partial<Figures> = {}): Figures => ({
  handled: 100,
  firstResponseMedianMs: 30 * MIN,
  firstResponseP90Ms: 60 * MIN,
  nextReplyMedianMs: 20 * MIN,
  resolutionMedianMs: 24 * 60 * MIN,
  slaCompliancePct: 95,
  slaReplies: 120,
  ratings: 20,
  csatAverage: 4.5,
  csatPositivePct: 90,
  complaintsReceived: 2,
  complaintsUpheld: 1,
  resolved: 80,
  reopened: 4,
  reopenRatePct: 5,
  botHandoversTaken: 30,
  trainingScore: null,
  ...o,
});

describe('component curves', () => {
  it('times: 100 at or under the target, 0 at twice it, linear between', () => {
    expect(lowerIsBetter(10, 30)).toBe(100);
    expect(lowerIsBetter(30, 30)).toBe(100);
    expect(lowerIsBetter(45, 30)).toBe(50);
    expect(lowerIsBetter(60, 30)).toBe(0);
    expect(lowerIsBetter(600, 30)).toBe(0);
    // A target of 0 (no upheld complaints at all): 0 at 1.
    expect(lowerIsBetter(0, 0)).toBe(100);
    expect(lowerIsBetter(0.5, 0)).toBe(50);
  });

  it('property: each curve is monotone in the value and stays within 0–100', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (target, a, b) => {
        const [lo, hi] = a <= b ? [a * target, b * target] : [b * target, a * target];
        expect(lowerIsBetter(lo, target)).toBeGreaterThanOrEqual(lowerIsBetter(hi, target));
        expect(higherIsBetter(hi, target)).toBeGreaterThanOrEqual(higherIsBetter(lo, target));
        for (const v of [lowerIsBetter(lo, target), higherIsBetter(lo, target)]) expect(v >= 0 && v <= 100).toBe(true);
      }),
      // Cheap checks: many runs, so a dent in a narrow band of values is found.
      { numRuns: 5000 },
    );
  });

  it('CSAT: 1 earns 0, the target 100; SLA compliance: 0 % earns 0, the target 100', () => {
    expect(higherIsBetter(1, 4.5, 1)).toBe(0);
    expect(higherIsBetter(2.75, 4.5, 1)).toBe(50);
    expect(higherIsBetter(5, 4.5, 1)).toBe(100);
    expect(higherIsBetter(47.5, 95)).toBe(50);
    expect(higherIsBetter(0, 0)).toBe(100);
  });
});

describe('the composite score', () => {
  it('is 100 on every target, and the weighted mean of the components otherwise', () => {
    expect(scoreOf(onTarget(), S).score).toBe(100);
    // First response at 45 min earns 50 with weight 20 of 100: 100 − 20 × 50 / 100 = 90.
    const slower = scoreOf(onTarget({ firstResponseMedianMs: 45 * MIN }), S);
    expect(slower.components.find((c) => c.component === 'firstResponse')).toMatchObject({ value: 45, target: 30, score: 50, weight: 20, notEnough: null });
    expect(slower.score).toBe(90);
    // CSAT 2.75 earns 50 with weight 25: 100 − 12.5.
    expect(scoreOf(onTarget({ csatAverage: 2.75 }), S).score).toBe(87.5);
    expect(scoreOf(onTarget({ csatAverage: 2.75 }), { ...S, weights: { ...S.weights, csat: 75 } }).score).toBeCloseTo(100 - (75 * 50) / 150, 10);
  });

  it('too few ratings: CSAT is "not enough data" and left out, never a low score', () => {
    const few = scoreOf(onTarget({ ratings: 2, csatAverage: 1 }), S);
    expect(few.components.find((c) => c.component === 'csat')).toMatchObject({ score: null, notEnough: { have: 2, need: 5 } });
    expect(few.score).toBe(100);
  });

  it('too few conversations: the time and rate components are "not enough data"; with nothing scored the score is null', () => {
    const r = scoreOf(onTarget({ handled: 3, ratings: 0, csatAverage: null }), S);
    for (const c of r.components) {
      expect(c.score, c.component).toBeNull();
      // Training counts practice attempts, not conversations: none finished is "nothing measured".
      expect(c.notEnough, c.component).toEqual(c.component === 'csat' ? { have: 0, need: 5 } : c.component === 'training' ? { have: 0, need: 1 } : { have: 3, need: 10 });
    }
    expect(r.score).toBeNull();
    // Enough ratings alone: CSAT is the whole score.
    expect(scoreOf(onTarget({ handled: 3, csatAverage: 2.75 }), S).score).toBe(50);
  });

  it('training: the average practice score against its target, one component among the others (weight 10)', () => {
    // 64 of a target of 80 earns 80 points; weight 10 of 110 (the six others on target): 100 − 10 × 20 / 110.
    const r = scoreOf(onTarget({ trainingScore: 64 }), S);
    expect(r.components.find((c) => c.component === 'training')).toMatchObject({ value: 64, target: 80, score: 80, weight: 10, notEnough: null });
    expect(r.score).toBeCloseTo(100 - (10 * 20) / 110, 10);
    // Without a finished practice it is left out, never a 0.
    expect(scoreOf(onTarget({ trainingScore: null }), S).score).toBe(100);
  });

  it('nothing of a kind measured (nothing resolved) is "not enough data" too', () => {
    const r = scoreOf(onTarget({ resolutionMedianMs: null, resolved: 0, reopened: 0, reopenRatePct: null }), S);
    expect(r.components.find((c) => c.component === 'resolution')).toMatchObject({ score: null, notEnough: { have: 0, need: 1 } });
    expect(r.score).toBe(100);
  });

  const figuresArb = fc.record({
    handled: fc.integer({ min: 0, max: 500 }),
    firstMin: fc.option(fc.double({ min: 0, max: 5000, noNaN: true })),
    resH: fc.option(fc.double({ min: 0, max: 500, noNaN: true })),
    sla: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
    ratings: fc.integer({ min: 0, max: 50 }),
    csat: fc.double({ min: 1, max: 5, noNaN: true }),
    upheld: fc.integer({ min: 0, max: 50 }),
    reopen: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
  });
  const toFigures = (g: typeof figuresArb extends fc.Arbitrary<infer G> ? G : never): Figures =>
    onTarget({
      handled: g.handled,
      firstResponseMedianMs: g.firstMin === null ? null : g.firstMin * MIN,
      resolutionMedianMs: g.resH === null ? null : g.resH * 60 * MIN,
      slaCompliancePct: g.sla,
      ratings: g.ratings,
      csatAverage: g.ratings > 0 ? g.csat : null,
      complaintsUpheld: Math.min(g.upheld, g.handled),
      reopenRatePct: g.reopen,
    });
  const weightsArb = fc.record(Object.fromEntries(PERFORMANCE_COMPONENTS.map((c) => [c, fc.integer({ min: 0, max: 100 })])) as Record<(typeof PERFORMANCE_COMPONENTS)[number], fc.Arbitrary<number>>);
  const settingsArb = fc.record({ weights: weightsArb, minRatings: fc.integer({ min: 1, max: 20 }), minConversations: fc.integer({ min: 1, max: 50 }) }).map(
    (s): PerformanceSettings => ({ ...S, ...s }),
  );

  it('property: the score and every component stay within 0–100', () => {
    fc.assert(
      fc.property(figuresArb, settingsArb, (g, s) => {
        const r = scoreOf(toFigures(g), s);
        if (r.score !== null) expect(r.score >= 0 && r.score <= 100).toBe(true);
        for (const c of r.components) if (c.score !== null) expect(c.score >= 0 && c.score <= 100).toBe(true);
      }),
    );
  });

  it('property: moving one component’s value toward its target never lowers the score', () => {
    fc.assert(
      fc.property(figuresArb, settingsArb, fc.double({ min: 0, max: 1, noNaN: true }), (g, s, k) => {
        const f = toFigures(g);
        const before = scoreOf(f, s).score;
        const t = s.targets;
        // Each value moved a share k of the way to its target (times and rates down, SLA and CSAT up).
        const toward = (v: number | null, target: number) => (v === null ? null : v + (target - v) * k);
        const better: Figures[] = [
          { ...f, firstResponseMedianMs: toward(f.firstResponseMedianMs, Math.min(f.firstResponseMedianMs ?? 0, t.firstResponseMinutes * MIN)) },
          { ...f, resolutionMedianMs: toward(f.resolutionMedianMs, Math.min(f.resolutionMedianMs ?? 0, t.resolutionHours * 60 * MIN)) },
          { ...f, slaCompliancePct: toward(f.slaCompliancePct, Math.max(f.slaCompliancePct ?? 0, t.slaCompliancePct)) },
          { ...f, csatAverage: toward(f.csatAverage, Math.max(f.csatAverage ?? 1, t.csatAverage)) },
          { ...f, complaintsUpheld: Math.floor(f.complaintsUpheld * (1 - k)) },
          { ...f, reopenRatePct: toward(f.reopenRatePct, Math.min(f.reopenRatePct ?? 0, t.reopenPct)) },
        ];
        for (const b of better) {
          const after = scoreOf(b, s).score;
          if (before !== null && after !== null) expect(after).toBeGreaterThanOrEqual(before - 1e-9);
          expect(after === null).toBe(before === null);
        }
      }),
    );
  });

  it('property: a weight of 0 leaves the component out (its value no longer moves the score)', () => {
    fc.assert(
      fc.property(figuresArb, settingsArb, fc.constantFrom(...PERFORMANCE_COMPONENTS), fc.double({ min: 1, max: 5, noNaN: true }), (g, s, left, other) => {
        const without = { ...s, weights: { ...s.weights, [left]: 0 } };
        const f = toFigures(g);
        const changed: Figures = {
          ...f,
          firstResponseMedianMs: left === 'firstResponse' ? other * 10 * MIN : f.firstResponseMedianMs,
          resolutionMedianMs: left === 'resolution' ? other * 10 * 60 * MIN : f.resolutionMedianMs,
          slaCompliancePct: left === 'slaCompliance' ? other * 20 : f.slaCompliancePct,
          csatAverage: left === 'csat' && f.csatAverage !== null ? other : f.csatAverage,
          complaintsUpheld: left === 'complaints' ? Math.min(f.handled, Math.round(other)) : f.complaintsUpheld,
          reopenRatePct: left === 'reopen' ? other * 20 : f.reopenRatePct,
        };
        expect(scoreOf(changed, without).score).toBe(scoreOf(f, without).score);
        // And the composite equals the mean over the others.
        const parts = scoreOf(f, without).components.filter((c) => c.component !== left);
        expect(compositeOf(parts)).toBe(scoreOf(f, without).score);
      }),
    );
  });
});

describe('CSV (RFC 4180, Excel)', () => {
  it('quotes commas, quotes and line breaks, starts with a BOM, ends records with CRLF, defuses formulas', () => {
    expect(csvField('退款,未到账')).toBe('"退款,未到账"');
    expect(csvField('他说"马上"')).toBe('"他说""马上"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-1)).toBe('-1');
    expect(csvField(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });
});
