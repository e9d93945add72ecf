import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEVERITY_SIGNALS, suggestSeverity, suggestSubject, TERM_MATCHERS } from '../../shared/rules/complaintSeverity';
import { normalize } from '../../shared/rules/segment';

describe('severity suggestion', () => {
  const cases: [string, string[]][] = [
    ['再不处理我就打12315投诉你们', ['regulator']],
    ['我要去消协反映，还要找市场监管部门', ['regulator']],
    ['我已经向工信部和网信办举报了', ['regulator']],
    ['打１２３１５！', ['regulator']], // full-width digits normalise
    ['I will report this to the regulator and the consumer association', ['regulator']],
    ['Expect to hear from my lawyer', ['regulator']],
    ['我要找媒体曝光你们', ['media']],
    ['已经联系记者了，发微博让大家看看', ['media']],
    ['I am going to the press with this', ['media']],
    ["I'll go public and tell every journalist I know", ['media']],
    ['你们就是骗子，骗钱的平台', ['fraud']],
    ['This is a scam', ['fraud']],
    ['Total fraud, I got scammed', ['fraud']],
    ['我的银行卡被盗刷了500元', ['stolen_money']],
    ['账号被盗，钱没了', ['stolen_money']],
    ['There is an unauthorized charge on my card', ['stolen_money']],
    ['Someone stole my coins', ['stolen_money']],
    ['我家孩子偷偷充值了两千块', ['minor']],
    ['他还是未成年人', ['minor']],
    ['My child bought coins without asking', ['minor']],
    ['my 12 year old son used my card', ['minor']],
    ["She's 14 and spent my savings", ['minor']],
    ['我女儿才十岁', ['minor']],
    ['小孩盗刷了我的卡，我要去12315，还要找媒体', ['regulator', 'media', 'stolen_money', 'minor']],
  ];
  it.each(cases)('%s → severe: %j', (text, signals) => {
    const s = suggestSeverity(text);
    expect(s.severity).toBe('severe');
    expect(s.signals).toEqual(signals);
    expect(s.matches.length).toBeGreaterThan(0);
  });

  const normal = [
    '客服态度太差了，问题一直没解决',
    'The agent was rude and my problem is still not solved',
    'My account is 2 years old and cannot log in',
    'Nice scampi recipe video got removed', // "scam" only as a whole word
    'I am 30 and want a refund',
    '我今年35岁，视频上传失败',
    '',
  ];
  it.each(normal)('%j → normal', (text) => {
    expect(suggestSeverity(text)).toEqual({ severity: 'normal', signals: [], matches: [] });
  });

  it('any text with a signal phrase added is severe with that signal (property)', () => {
    const phrases: [string, (typeof SEVERITY_SIGNALS)[number]][] = [
      ['12315', 'regulator'],
      ['消费者协会', 'regulator'],
      ['曝光', 'media'],
      [' journalist ', 'media'],
      ['诈骗', 'fraud'],
      [' scam ', 'fraud'],
      ['盗刷', 'stolen_money'],
      [' unauthorized charge ', 'stolen_money'],
      ['未成年', 'minor'],
      [' my child ', 'minor'],
    ];
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.constantFrom(...phrases), (a, b, [p, signal]) => {
        const s = suggestSeverity(`${a} ${p} ${b}`);
        return s.severity === 'severe' && s.signals.includes(signal);
      }),
    );
  });

  it('is severe exactly when a signal matched, signals in a fixed order, at most 20 matches (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const s = suggestSeverity(text);
        const ordered = s.signals.every((x, i) => i === 0 || SEVERITY_SIGNALS.indexOf(s.signals[i - 1]) < SEVERITY_SIGNALS.indexOf(x));
        return (s.severity === 'severe') === s.signals.length > 0 && ordered && s.matches.length <= 20;
      }),
    );
  });
});

describe('the substring check before the patterns', () => {
  it('never hides a match: whenever a pattern matches, some term occurs as a substring (property)', () => {
    // Texts made of the terms' own pieces, so matches (and near misses) are common.
    const pieces = TERM_MATCHERS.flatMap((m) => m.re.source.split('|').map((t) => t.replace(/\(\?<?[!=][^)]*\)|\\/g, '')));
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces, ' ', '，', 'x', '1'), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const norm = normalize(t);
        return TERM_MATCHERS.every((m) => !new RegExp(m.re.source, 'u').test(norm) || m.mayMatch(norm));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('subject suggestion', () => {
  it.each([
    ['客服态度很差，还挂我电话', 'attitude'],
    ['The agent was rude to me', 'attitude'],
    ['问题到现在还没解决', 'unsolved'],
    ['My upload is still broken after a week', 'unsolved'],
    ['态度敷衍，问题也没解决', 'attitude'],
    ['我要投诉', 'other'],
  ] as const)('%s → %s', (text, subject) => {
    expect(suggestSubject(text)).toBe(subject);
  });
});
