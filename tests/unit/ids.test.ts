import { describe, expect, it } from 'vitest';
import { makeIdFactory } from '../../electron/core/ids';

describe('ids', () => {
  it('prefix, time in base 36, counter within the millisecond, six random hex digits', () => {
    const t = Date.parse('2026-11-24T01:00:00Z');
    const id = makeIdFactory(() => t);
    const a = id('m-');
    const b = id('m-');
    expect(a).toMatch(new RegExp(`^m-${t.toString(36)}0[0-9a-f]{6}$`));
    expect(b).toMatch(new RegExp(`^m-${t.toString(36)}1[0-9a-f]{6}$`));
  });

  it('stays unique and random across many pool refills (the pool is 4 KiB: ~1 365 ids each)', () => {
    const id = makeIdFactory(() => 1_700_000_000_000);
    const ids = new Set<string>();
    const tails = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const s = id('x');
      ids.add(s);
      tails.add(s.slice(-6));
    }
    expect(ids.size).toBe(20_000);
    // 20 000 draws of 24 bits: a handful of repeats at most (birthday bound ~12), never a repeating pool.
    expect(tails.size).toBeGreaterThan(19_900);
  });
});
