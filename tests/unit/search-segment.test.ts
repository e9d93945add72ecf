import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPhrase, highlight, indexTokens, messageMatcher, queryTerms, segmentWords } from '../../shared/rules/segment';

const matches = (doc: string, query: string) => {
  const tokens = indexTokens(doc);
  return queryTerms(query).every((q) => (q.prefix ? tokens.some((t) => t.startsWith(q.term)) : tokens.includes(q.term)));
};

describe('segmentation for search', () => {
  it('cuts Chinese into words with Intl.Segmenter', () => {
    expect(segmentWords('我的视频上传失败了')).toEqual(expect.arrayContaining(['我的', '视频', '失败']));
  });

  it('finds a Chinese phrase whatever the segmenter made of it, and a substring across a word boundary', () => {
    expect(matches('我的视频上传失败了', '视频上传')).toBe(true);
    expect(matches('我要提交退款申请', '款申')).toBe(true);
    expect(matches('我要提交退款申请', '退款申请')).toBe(true);
    // the words 退款 and 申请 in the other order: a partial match (ranked below the exact phrase)
    expect(matches('我要申请退款', '退款申请')).toBe(true);
    expect(matches('我要申请', '退款申请')).toBe(false);
    // a single character is a prefix query: found in the middle and at the end of a run
    expect(matches('退款申请', '款')).toBe(true);
    expect(matches('退款申请', '请')).toBe(true);
    expect(matches('退款申请', '钱')).toBe(false);
  });

  it('handles mixed zh/en, numbers and emoji', () => {
    const tokens = indexTokens('VIP用户Emily的订单2026112401退款😡😡 Refund-Request!');
    expect(tokens).toEqual(expect.arrayContaining(['vip', '用户', 'emily', '订单', '2026112401', '退款', 'refund', 'request']));
    expect(tokens.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(false);
    expect(matches('订单号 A123 上传失败', 'a123')).toBe(true);
    expect(matches('I paid ￥30 yesterday', '30')).toBe(true);
    expect(queryTerms('😀🎉')).toEqual([]);
    expect(queryTerms('upload 视频 ok')).toEqual([
      { term: 'upload', prefix: false },
      { term: '视频', prefix: false },
      { term: 'ok', prefix: true },
    ]);
  });

  it('normalises full-width letters and case', () => {
    expect(matches('ＶＩＰ Payment FAILED', 'vip payment failed')).toBe(true);
  });

  it('any substring of two or more Han characters is found (property)', () => {
    const han = fc.constantFrom(...'我的视频上传失败了退款申请账号支付投诉会员'.split(''));
    fc.assert(
      fc.property(fc.array(han, { minLength: 2, maxLength: 20 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        const start = a % (chars.length - 1);
        const len = 2 + (b % (chars.length - start - 1));
        return matches(text, chars.slice(start, start + len).join(''));
      }),
    );
  });

  it('picks a matching message exactly as the index terms would (property)', () => {
    const word = fc.constantFrom('退款', '申请', '视频', '上传', '失败', '我', 'refund', 'Refund', 'upload', 'up', '30', ' ', '，', '😀');
    const text = fc.array(word, { maxLength: 12 }).map((ws) => ws.join(''));
    fc.assert(fc.property(text, text, (doc, query) => messageMatcher(query)(doc) === (queryTerms(query).length > 0 && matches(doc, query))));
    expect(messageMatcher('视频上传')('我的视频上传失败了')).toBe(true);
    expect(messageMatcher('upl')('Upload failed')).toBe(true);
    expect(messageMatcher('upl refund')('Upload failed')).toBe(false);
  });

  it('knows an exact phrase from scattered words', () => {
    expect(containsPhrase('Your refund request is pending', 'refund request')).toBe(true);
    expect(containsPhrase('A request for a refund', 'refund request')).toBe(false);
    expect(containsPhrase('我要提交退款申请', '退款申请')).toBe(true);
    expect(containsPhrase('申请了退款', '退款申请')).toBe(false);
  });

  it('marks the matches in the original text, whole phrase first', () => {
    const h = highlight('我的视频上传失败了', '视频上传');
    expect(h.marks).toEqual([[2, 6]]);
    const e = highlight('Refund request: REFUND now', 'refund');
    expect(e.marks.map(([s, t]) => e.text.slice(s, t))).toEqual(['Refund', 'REFUND']);
    const long = 'x'.repeat(500) + ' 退款申请 ' + 'y'.repeat(500);
    const w = highlight(long, '退款申请');
    expect(w.text.length).toBeLessThan(200);
    expect(w.marks.map(([s, t]) => w.text.slice(s, t))).toEqual(['退款申请']);
  });
});
