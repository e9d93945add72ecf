/**
 * The messages section's line checksums are decoded a part at a time as the background read (or a conversation
 * opened meanwhile) reaches them (messageLines.ts `sumAt`): each line's checksum must be the one its footer gives,
 * whichever order the lines are asked in, and a line with no valid checksum gets -1 (which no CRC equals).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUM_CHUNK, sumAt, type Rest } from '../../electron/core/store/messageLines';

const hexOf = (sums: number[]) => sums.map((n) => n.toString(16).padStart(8, '0')).join('');
const restOf = (sumsHex: string, count: number): Rest => ({ from: 0, to: 0, ordinal: 0, count, sumsHex, sums: null });

describe('line checksums decoded part by part', () => {
  it('give every line its own checksum, in any order, across parts', () => {
    const count = 2 * SUM_CHUNK + 17;
    const sums = Array.from({ length: count }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 0));
    const hex = hexOf(sums);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: count + 2 }), { minLength: 1, maxLength: 60 }), (asked) => {
        const rest = restOf(hex, count);
        for (const i of asked) expect(sumAt(rest, i)).toBe(i >= 0 && i < count ? sums[i] : -1);
      }),
      { numRuns: 50 },
    );
  });

  it('gives -1 from the first checksum that is not hex', () => {
    const count = SUM_CHUNK + 3;
    const sums = Array.from({ length: count }, (_, i) => i * 7);
    const at = SUM_CHUNK + 1;
    const hex = hexOf(sums);
    const bad = hex.slice(0, at * 8) + 'zz' + hex.slice(at * 8 + 2);
    const rest = restOf(bad, count);
    expect(sumAt(rest, at)).toBe(-1);
    expect(sumAt(rest, at + 1)).toBe(-1);
    expect(sumAt(rest, at - 1)).toBe(sums[at - 1]);
    expect(sumAt(rest, 5)).toBe(sums[5]);
  });
});
