/**
 * The spool import's fast paths (issue 11) give the same answers as the plain computations they stand in for:
 * the working-day memo, the FAQ candidate filter, the bot's per-text feature cache, the journal line encoded once,
 * the queue index re-placing an entry in its slot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinFaq } from '../../electron/core/services/bot/knowledge';
import { featuresOf, linePartsOf } from '../../electron/core/services/bot/model';
import { cutHan } from '../../electron/core/services/bot/segmenter';
import { QueueIndex, type QueueEntry } from '../../electron/core/services/queueIndex';
import { crcHex, sealLine, sealLineBytes } from '../../electron/core/store/checksum';
import { commitLine } from '../../electron/core/store/journal';
import { addWorkingDays, dayInfo, shanghaiDate, shanghaiDayStart } from '../../shared/rules/calendar';
import { featureParts } from '../../shared/rules/classify';
import { buildFaqIndex, matchFaq, type FaqIndex } from '../../shared/rules/faq';
import { compareQueue, sortEntry, type PriorityKey } from '../../shared/rules/priority';

const DAY = 24 * 3600_000;

/** addWorkingDays as the calendar defines it, walked day by day with no memo. */
function walk(from: number, n: number) {
  const days: string[] = [];
  let date = shanghaiDate(from);
  while (days.length < n) {
    date = shanghaiDate(shanghaiDayStart(date) + DAY + 3600_000);
    if (dayInfo(date).working) days.push(date);
  }
  return { dueAt: shanghaiDayStart(shanghaiDate(shanghaiDayStart(days[days.length - 1]) + DAY + 3600_000)), days };
}

describe('working days, memoised per Shanghai day', () => {
  it('equal the day-by-day walk for any instant and count, called once or many times', () => {
    const instant = fc.integer({ min: Date.parse('2023-12-20T00:00:00Z'), max: Date.parse('2031-01-10T00:00:00Z') });
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.integer({ min: 1, max: 25 })), { minLength: 1, maxLength: 20 }), (calls) => {
        for (const [from, n] of [...calls, ...calls]) {
          const got = addWorkingDays(from, n);
          const want = walk(from, n);
          expect(got.dueAt).toBe(want.dueAt);
          expect(got.days).toEqual(want.days);
        }
      }),
    );
  });

  it('two instants of the same Shanghai day share an answer; a caller changing it changes nothing', () => {
    const morning = Date.parse('2026-11-24T00:30:00+08:00');
    const night = Date.parse('2026-11-24T23:59:00+08:00');
    const a = addWorkingDays(morning, 7);
    a.days.length = 0;
    a.uncoveredYears.push(1999);
    const b = addWorkingDays(night, 7);
    expect(b.days).toHaveLength(7);
    expect(b.uncoveredYears).toEqual([]);
    expect(b.dueAt).toBe(walk(night, 7).dueAt);
    // The next day is another answer (counting starts the day after arrival).
    expect(addWorkingDays(night + 2 * 3600_000, 7).days[0]).not.toBe(b.days[0]);
  });
});

/** matchFaq as before the candidate filter: every phrasing scored. */
function matchAll(index: FaqIndex, feats: readonly string[], category?: string) {
  const q = new Map<string, number>();
  for (const f of feats) if (index.idf.has(f)) q.set(f, (q.get(f) ?? 0) + 1);
  let sq = 0;
  const weights = new Map<string, number>();
  for (const [f, n] of q) {
    const w = (1 + Math.log(n)) * index.idf.get(f)!;
    weights.set(f, w);
    sq += w * w;
  }
  const norm = Math.sqrt(sq);
  if (norm === 0) return [];
  const best = new Map<string, number>();
  for (const p of index.phrasings) {
    if (category && p.entry.category !== category) continue;
    let dot = 0;
    const [small, large] = weights.size < p.weights.size ? [weights, p.weights] : [p.weights, weights];
    for (const [f, w] of small) {
      const o = large.get(f);
      if (o !== undefined) dot += w * o;
    }
    if (dot === 0) continue;
    const score = dot / (norm * p.norm);
    if (score > (best.get(p.entry.id) ?? -1)) best.set(p.entry.id, score);
  }
  return [...best].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
}

describe('FAQ match through the candidate filter', () => {
  const index = buildFaqIndex(builtinFaq(), featuresOf);
  const vocabulary = [...index.idf.keys(), 'zzz-unknown', '@nothing'];

  it('scores exactly like comparing with every phrasing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 12 }), fc.constantFrom(undefined, 'account', 'payment', 'video_upload'), (feats, category) => {
        const got = matchFaq(index, feats, { category: category as never }).map((m) => [m.entry.id, m.score]);
        expect(got).toEqual(matchAll(index, feats, category));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the bot's feature parts, cached by text", () => {
  it('are what featureParts computes, for a text seen again under any message', () => {
    for (const text of ['我的视频上传失败了，一直卡在99%', 'My payment failed twice', '还有人吗？', '我的视频上传失败了，一直卡在99%']) {
      expect(linePartsOf(text)).toEqual(featureParts(text, cutHan));
    }
    expect(linePartsOf('还有人吗？')).toBe(linePartsOf('还有人吗？'));
  });
});

describe('journal line, encoded once', () => {
  it('has the bytes of the sealed text (checksum over the UTF-8 bytes before the suffix)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string({ minLength: 1 }), body: fc.string({ unit: 'binary' }), n: fc.integer() }), { maxLength: 8 }), fc.nat(), (changes, seq) => {
        const json = JSON.stringify({ seq, changes });
        expect(Buffer.from(sealLineBytes(json)).equals(Buffer.from(sealLine(json) + '\n', 'utf8'))).toBe(true);
        expect(Buffer.from(commitLine(seq, changes)).equals(Buffer.from(sealLine(json) + '\n', 'utf8'))).toBe(true);
      }),
    );
    const json = JSON.stringify({ seq: 1, changes: [{ body: '退款 🙂' }] });
    expect(sealLineBytes(json).toString('utf8')).toBe(`${json.slice(0, -1)},"crc":"${crcHex(json.slice(0, -1))}"}\n`);
  });

  it('is the same bytes when written piece by piece: many changes, long ones and short ones, across buffer growth', () => {
    const change = fc.record({
      op: fc.constant('put'),
      id: fc.string({ minLength: 1, maxLength: 12 }),
      // Mostly short texts, some far past a piece's size (a long one makes the pieces smaller, short ones bigger).
      body: fc.oneof({ arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 8 }, { arbitrary: fc.string({ unit: 'binary', minLength: 20_000, maxLength: 70_000 }), weight: 1 }),
      at: fc.integer(),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 400 }), fc.nat(), (changes, seq) => {
        const expected = Buffer.from(sealLine(JSON.stringify({ seq, changes })) + '\n', 'utf8');
        expect(Buffer.from(commitLine(seq, changes)).equals(expected)).toBe(true);
      }),
      // No shrinking: cutting 70 000-character strings down takes minutes; the failing case is printed as found.
      { numRuns: 40, endOnFailure: true },
    );
    // A line bigger than any before it (the kept buffer grows while the line is being written).
    const big = Array.from({ length: 3000 }, (_, i) => ({ op: 'put', id: `m-${i}`, body: `我的视频上传失败了 ${'退款'.repeat(i % 97)} order ${i}` }));
    expect(Buffer.from(commitLine(7, big)).equals(Buffer.from(sealLine(JSON.stringify({ seq: 7, changes: big })) + '\n', 'utf8'))).toBe(true);
    // A run of long changes (one at a time by its end), then short ones again (several at a time again).
    const mixed = [...Array.from({ length: 40 }, (_, i) => ({ id: `l-${i}`, body: '长'.repeat(17_000 + i) })), ...big.slice(0, 300)];
    expect(Buffer.from(commitLine(8, mixed)).equals(Buffer.from(sealLine(JSON.stringify({ seq: 8, changes: mixed })) + '\n', 'utf8'))).toBe(true);
  });
});

describe('queue index: an entry whose key did not change takes its old slot', () => {
  const H = 3600_000;
  const NOW = Date.parse('2026-11-24T09:00:00+08:00');
  const entry = (k: PriorityKey, tag: number): QueueEntry =>
    ({ ...sortEntry(k), paused: k.dueAt !== null && k.pausedAt !== null, conversation: { tag } as never, category: 'payment', tier: k.vip ? 'vip' : 'normal', status: 'open', ownerId: null, assigneeId: null, snoozedUntil: null, customerName: '', text: k.id }) as QueueEntry;
  const arbKey = (id: string) =>
    fc.record({
      id: fc.constant(id),
      severe: fc.boolean(),
      vip: fc.boolean(),
      dueAt: fc.option(fc.integer({ min: -5, max: 5 }).map((h) => NOW + h * H)),
      pausedAt: fc.option(fc.constant(NOW - H)),
    });
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('holds the newest entry of each conversation, in the comparator order, after upserts with the same or a new key', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ids), fc.boolean(), fc.boolean()), { maxLength: 40 }), fc.array(fc.tuple(...ids.map(arbKey))), (ops, keySets) => {
        const keys = keySets[0] ?? ids.map((id) => ({ id, severe: false, vip: false, dueAt: NOW, pausedAt: null }));
        const current = new Map(keys.map((k) => [k.id, k]));
        const index = new QueueIndex();
        const latest = new Map<string, QueueEntry>();
        index.rebuild(keys.map((k, i) => (latest.set(k.id, entry(k, i)), latest.get(k.id)!)));
        let tag = 100;
        for (const [id, sameKey, remove] of ops) {
          if (remove) {
            index.remove(id);
            latest.delete(id);
            continue;
          }
          const was = current.get(id)!;
          const k = sameKey ? was : { ...was, dueAt: (was.dueAt ?? NOW) + H, pausedAt: null };
          current.set(id, k);
          const e = entry(k, tag++);
          index.upsert(e);
          latest.set(id, e);
        }
        const order = index.ordered(NOW);
        expect(order.map((e) => e.id)).toEqual([...latest.keys()].map((id) => current.get(id)!).sort((a, b) => compareQueue(a, b, NOW)).map((k) => k.id));
        for (const e of order) expect(e).toBe(latest.get(e.id));
      }),
    );
  });
});
