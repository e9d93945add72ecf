import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, evaluate, featureParts, features, joinFeatures, stratifiedSplit, train } from '../../shared/rules/classify';
import { cutHan } from '../../electron/core/services/bot/segmenter';
import { labelledMessages } from '../../electron/core/services/bot/knowledge';
import { classifyText } from '../../electron/core/services/bot/model';
import { CATEGORIES } from '../../shared/schema';

/** The classifier (shared/rules/classify.ts) with jieba injected as the core does, and its labelled data set. */
describe('the labelled data set', () => {
  it('has at least 600 messages, both languages, every category, no duplicates, long and short ones', () => {
    const all = labelledMessages();
    expect(all.length).toBeGreaterThanOrEqual(600);
    expect(new Set(all.map((m) => m.text)).size).toBe(all.length);
    for (const c of CATEGORIES) expect(all.filter((m) => m.label === c).length).toBeGreaterThanOrEqual(100);
    expect(all.some((m) => /\p{Script=Han}/u.test(m.text) && /[a-z]{3}/i.test(m.text))).toBe(true); // mixed languages
    expect(all.some((m) => /\p{Extended_Pictographic}/u.test(m.text))).toBe(true);
    expect(all.some((m) => Array.from(m.text).length <= 3)).toBe(true);
    expect(all.some((m) => Array.from(m.text).length >= 100)).toBe(true);
  });
});

describe('features', () => {
  it('segments Chinese into words with jieba (视频|上传, not 上|传), lower-cases and stems English, keeps emoji', () => {
    const f = features('我的视频上传失败了 Uploading FAILED 😡', cutHan);
    expect(f).toEqual(expect.arrayContaining(['视频', '上传', '失败', 'upload', 'fail', '😡', '@video', '@upload', '@angry']));
    expect(f).not.toContain('传');
    expect(f).not.toContain('的'); // a stop word
  });

  it('a transcript put together from its lines\' parts has exactly the features of the joined text', () => {
    const pieces = ['视频', '上传', '失败', '封号', '登录', 'log in', 'login', 'Payment', 'refunds', '$', '12315', '😡', ' ', '，', '2fa', "wasn't me", 'ＡＢＣ', 'é', '99%'];
    const line = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 8 }).map((a) => a.join(''));
    const sorted = (a: string[]) => [...a].sort();
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        expect(sorted(joinFeatures(lines.map((l) => featureParts(l, cutHan))))).toEqual(sorted(features(lines.join('\n'), cutHan)));
      }),
      { numRuns: 300 },
    );
    // A concept said on two lines counts once, as in the joined text.
    expect(joinFeatures([featureParts('退款', cutHan), featureParts('refund please', cutHan)]).filter((f) => f === '@refund')).toEqual(['@refund']);
  });

  it('is deterministic and never throws on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (t) => {
        expect(features(t, cutHan)).toEqual(features(t, cutHan));
      }), { numRuns: 200 });
  });
});

describe('classify', () => {
  it('puts clear messages in their category, in either language', () => {
    expect(classifyText('充值了但是一直没有到账').category).toBe('payment');
    expect(classifyText('my video upload keeps failing').category).toBe('video_upload');
    expect(classifyText('收不到验证码，登录不了').category).toBe('account');
    expect(classifyText('你们客服态度太差了，我要投诉').category).toBe('complaint');
    expect(classifyText('how do I go live').category).toBe('other');
  });

  it('a message of words it never saw is "other" with confidence 0', () => {
    expect(classifyText('zxqv 👀')).toMatchObject({ category: 'other', confidence: 0 });
  });

  it('confidence is a probability and the ranking sums to 1, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (t) => {
        const c = classifyText(t);
        expect(c.confidence).toBeGreaterThanOrEqual(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
        expect(c.ranking.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('held out: ≥ 85 % on every fold of a 5-fold split, ≥ 90 % on average (the bench prints the detail)', () => {
    const all = labelledMessages().map((m) => ({ label: m.label, features: features(m.text, cutHan) }));
    const accs: number[] = [];
    for (let k = 0; k < 5; k++) {
      const { train: tr, test } = stratifiedSplit(all, 5, k);
      accs.push(evaluate(train(tr), test).accuracy);
    }
    for (const a of accs) expect(a).toBeGreaterThanOrEqual(0.85);
    expect(accs.reduce((a, b) => a + b) / accs.length).toBeGreaterThanOrEqual(0.9);
  });

  it('a stratified split keeps every category on both sides and loses nothing', () => {
    const all = labelledMessages();
    const { train: tr, test } = stratifiedSplit(all, 5, 2);
    expect(tr.length + test.length).toBe(all.length);
    for (const c of CATEGORIES) expect(test.some((m) => m.label === c) && tr.some((m) => m.label === c)).toBe(true);
  });

  it('train/classify on a toy set: the class with the word wins', () => {
    const m = train([
      { label: 'payment', features: ['refund'] },
      { label: 'account', features: ['login'] },
    ]);
    expect(classify(m, ['refund']).category).toBe('payment');
    expect(classify(m, ['login']).category).toBe('account');
  });
});
