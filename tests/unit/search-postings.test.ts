/**
 * The index keeps its posting lists in a few large blocks and, when the lists have moved often enough (and when the
 * start-up build ends), slides them down over the room they left behind, in place. Packing must never change an
 * answer: an index packed at many points answers every query exactly as one never packed, and both as a plain scan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type Slot } from '../../electron/core/services/search/engine';
import { Postings, PostingsPool } from '../../electron/core/services/search/postings';
import { messageMatcher } from '../../shared/rules/segment';

describe('posting lists packed in place', () => {
  it('answers exactly as before packing, wherever the packing happened and however the lists grew after it', () => {
    let s = 99;
    const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
    // Common words (long lists that move many times) and rare ones (lists of one or two places).
    const common = ['退款', '申请', '视频', '上传', '失败', 'refund', 'upload', 'failed', 'order', 'please'];
    const rare = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`);
    const packed = createEngine();
    const plain = createEngine();
    const texts = new Map<string, string>();
    const all: { id: string; text: string }[] = [];
    let n = 0;
    const addGroup = (g: string, count: number) => {
      const slots: Slot[] = [];
      for (let i = 0; i < count; i++) {
        const words = Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => (rnd() < 0.6 ? common[Math.floor(rnd() * common.length)] : rare[Math.floor(rnd() * rare.length)]));
        const id = `m${n++}`;
        const text = words.join(' ');
        texts.set(id, text);
        all.push({ id, text });
        slots.push({ kind: 'm', id, text, at: n });
      }
      packed.add(g, slots);
      plain.add(g, slots);
    };
    // Enough to fill the first block and spill into the next, packing at a few points on the way (as the build's
    // end does), then one-text documents arriving after the last packing (as a reply or an import adds them).
    for (let g = 0; g < 1500; g++) {
      addGroup(`g${g}`, 1 + Math.floor(rnd() * 30));
      if (g % 400 === 399) packed.trim();
    }
    packed.trim();
    for (let k = 0; k < 3000; k++) addGroup(`g${Math.floor(rnd() * 1500)}`, 1);
    const textOf = (_: string, id: string) => texts.get(id);
    const queries = [...common, ...rare.slice(0, 60), '退款 申请', 'refund please', '视频 w1x', 'w2x w3x', 'upl', 're'];
    for (const q of queries) {
      const a = packed.search(q, { textOf, limit: 100_000 });
      const b = plain.search(q, { textOf, limit: 100_000 });
      expect(a.total, q).toBe(b.total);
      expect(a.hits, q).toEqual(b.hits);
      const match = messageMatcher(q);
      expect(a.hits.map((h) => h.id).sort(), q).toEqual(all.filter((t) => match(t.text)).map((t) => t.id).sort());
    }
  });
});

describe('a posting list as varint bytes', () => {
  it('gives back every (document, mask) pair it was given, for any gaps and any 32-bit masks, across growth and packing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.integer({ min: 1, max: 127 }), fc.integer({ min: 128, max: 1 << 21 }), fc.integer({ min: 1 << 21, max: 2 ** 31 - 1 })), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 3 }),
        fc.nat({ max: 199 }),
        (pairs, firstDoc, packAt) => {
          const pool = new PostingsPool();
          const list = new Postings(pool);
          const others = [new Postings(pool), new Postings(pool)];
          const want: [number, number][] = [];
          let doc = firstDoc;
          pairs.forEach(([gap, mask], i) => {
            if (i > 0) doc += gap;
            if (doc > 2 ** 31 - 1) return;
            list.push(doc, mask);
            want.push([doc, mask]);
            others[i % 2].push(i, 1); // neighbours in the same block, so the list moves as it grows
            if (i === packAt) pool.repack([list, ...others]);
          });
          const docs = new Int32Array(list.count);
          const masks = new Int32Array(list.count);
          expect(list.decode(docs, masks)).toBe(want.length);
          expect([...docs].map((d, i) => [d, masks[i]])).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});
