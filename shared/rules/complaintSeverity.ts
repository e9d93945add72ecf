import type { ComplaintSubject } from '../schema/complaint';
import type { Severity } from '../schema/conversation';
import { normalize } from './segment';

/**
 * What a complaint's text suggests (docs/rules.md "Complaints"): a severity with the signals that raised it, and a
 * subject. A suggestion only: a lead confirms or changes the severity, and sets the subject.
 *
 * Severe signals, in Chinese and English: a threat to go to a regulator or to the media, fraud, stolen money, a
 * minor involved. Hand-written phrase lists in the style of classifyLexicon's concepts: Han terms match as
 * substrings (曝光 inside 我要曝光你们), Latin terms as whole words or phrases ("scam" but not "scampi"), on the
 * NFKC-normalised, lower-cased text (segment.ts `normalize`, so full-width １２３１５ is 12315).
 */
export const SEVERITY_SIGNALS = ['regulator', 'media', 'fraud', 'stolen_money', 'minor'] as const;
export type SeveritySignal = (typeof SEVERITY_SIGNALS)[number];

const TERMS: Record<SeveritySignal, readonly string[]> = {
  regulator: [
    '12315', '12345', '12321', '消协', '消费者协会', '消保委', '消委会', '工信部', '市场监管', '市场监督管理', '工商局', '工商部门',
    '网信办', '监管部门', '监管机构', '银保监', '金融监管', '公安局', '报警', '起诉', '律师', '法院',
    'regulator', 'regulators', 'regulatory', 'consumer association', 'consumer council', 'consumer protection', 'ftc',
    'better business bureau', 'bbb', 'trading standards', 'ombudsman', 'attorney general', 'report you to', 'lawyer',
    'sue you', 'take legal action', 'legal action', 'police',
  ],
  media: [
    '媒体', '曝光', '记者', '微博', '抖音曝光', '小红书', '上新闻', '电视台', '315晚会', '发到网上', '网上发', '让大家都知道',
    'journalist', 'journalists', 'reporter', 'reporters', 'the press', 'media', 'go public', 'going public', 'the news',
    'post this online', 'post about this', 'tell everyone', 'expose you', 'twitter', 'reddit', 'viral',
  ],
  fraud: ['诈骗', '骗子', '骗钱', '欺诈', '骗局', '被骗', '坑钱', '圈钱', 'scam', 'scams', 'scammed', 'scammer', 'scammers', 'fraud', 'fraudulent', 'con artists', 'ripped off'],
  stolen_money: [
    '盗刷', '被盗', '钱没了', '钱不见了', '莫名扣款', '莫名其妙扣', '无故扣款', '未经授权', '没授权', '被扣走', '盗号',
    'stolen', 'stole', 'unauthorized charge', 'unauthorised charge', 'unauthorized charges', 'unauthorised charges',
    "didn't authorize", "didn't authorise", 'without my permission', 'without my consent', 'money is gone', 'money disappeared', 'hacked',
  ],
  minor: [
    '未成年', '孩子', '小孩', '儿子', '女儿', '小学生', '初中生', '中学生', '学生党',
    'minor', 'minors', 'underage', 'under age', 'my child', 'my children', 'my kid', 'my kids', 'my son', 'my daughter', 'a child', 'teenager',
  ],
};

const isHan = (s: string) => /\p{Script=Han}/u.test(s);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Han (or digit-only) terms as substrings; Latin words and phrases only between non-letters. */
const termPattern = (t: string) => (isHan(t) || !/[a-z]/.test(t) ? escape(t) : `(?<![\\p{L}\\p{N}])${escape(t)}(?![\\p{L}\\p{N}])`);

/**
 * A term list's matcher. `mayMatch` first asks whether any term occurs as a plain substring, which every regex match
 * needs: most texts name none, and then no regex runs at all (a big alternation's compiled code does not survive a
 * busy heap for long: recompiling it cost ~100 µs a call during a spool import).
 */
function termMatcher(terms: readonly string[], flags: string) {
  const re = new RegExp(terms.map(termPattern).join('|'), flags);
  return { re, mayMatch: (norm: string) => terms.some((t) => norm.includes(t)) };
}

export const MATCHERS: readonly { signal: SeveritySignal; re: RegExp; mayMatch: (norm: string) => boolean }[] = SEVERITY_SIGNALS.map((signal) => ({
  signal,
  ...termMatcher(TERMS[signal], 'gu'),
}));

/**
 * An age under 18 said of a person: "my 12 year old", "a 9-year-old", "she's 15", "我今年15岁", "才十岁". Not a
 * bare "2 years old" (an account can be that old).
 */
const EN_AGE = /(?<![\p{L}])(?:(?:my|our|a|his|her)\s+(\d{1,2})[- ]?(?:years?|yrs?)[- ]?old|(?:he|she|i)(?:'s|'m|\s+is|\s+am)\s+(?:only\s+|just\s+)?(\d{1,2})(?![\p{N}.]))/gu;
const AGE_HINT = /[0-9岁]/;
const ZH_AGE = /(\d{1,2}|[一二三四五六七八九十]{1,3})(?:周)?岁/gu;
const ZH_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function zhNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  // 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  if (!s.includes('十')) return ZH_NUM[ones] ?? NaN;
  return (tens === '' ? 1 : (ZH_NUM[tens] ?? NaN)) * 10 + (ones === '' ? 0 : (ZH_NUM[ones] ?? NaN));
}
function minorAges(norm: string): string[] {
  const out: string[] = [];
  EN_AGE.lastIndex = 0;
  for (let m = EN_AGE.exec(norm); m; m = EN_AGE.exec(norm)) if (Number(m[1] ?? m[2]) < 18) out.push(m[0]);
  ZH_AGE.lastIndex = 0;
  for (let m = ZH_AGE.exec(norm); m; m = ZH_AGE.exec(norm)) if (zhNumber(m[1]) < 18) out.push(m[0]);
  return out;
}

export interface SeveritySuggestion {
  severity: Severity;
  /** Which kinds of signal matched, in SEVERITY_SIGNALS order (empty: normal). */
  signals: SeveritySignal[];
  /** The words that matched, as written after normalising, first occurrence each (at most 20). */
  matches: string[];
}

/**
 * Every match of a global pattern, by `exec` on the pattern itself: `matchAll` clones the RegExp for each call,
 * and under the allocation of a spool import the clone's compiled code kept being thrown away and compiled again
 * (measured: 28 µs a call quiet, 126 µs under GC pressure, ~0.4 s of a 100 000-event import).
 */
function allMatches(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[0]);
  return out;
}

/** The severity the customer's words suggest: severe when any signal matches, with what matched. */
export function suggestSeverity(text: string): SeveritySuggestion {
  const norm = normalize(text);
  const signals: SeveritySignal[] = [];
  const matches = new Set<string>();
  for (const { signal, re, mayMatch } of MATCHERS) {
    const found = mayMatch(norm) ? allMatches(re, norm) : [];
    // An age needs a digit or 岁 (EN_AGE, ZH_AGE).
    if (signal === 'minor' && AGE_HINT.test(norm)) found.push(...minorAges(norm));
    if (found.length === 0) continue;
    signals.push(signal);
    for (const f of found) matches.add(f);
  }
  return { severity: signals.length > 0 ? 'severe' : 'normal', signals, matches: [...matches].slice(0, 20) };
}

const ATTITUDE = ['态度', '敷衍', '不耐烦', '骂人', '骂我', '凶', '不理人', '不理我', '挂电话', '挂断', '没礼貌', '不礼貌', '甩锅', '踢皮球',
  'rude', 'attitude', 'impolite', 'unprofessional', 'dismissive', 'hung up', 'ignored me', 'disrespectful', 'condescending', 'yelled'];
const UNSOLVED = ['没解决', '未解决', '还没解决', '没有解决', '不解决', '一直没', '问题还在', '还是不行', '还是没', '拖了', '没人管', '没人处理', '解决不了',
  'not solved', 'not resolved', 'unresolved', 'still not', 'still broken', 'still waiting', 'no solution', 'nobody fixed', 'never fixed', 'not fixed', 'still no'];
const ATTITUDE_M = termMatcher(ATTITUDE, 'u');
const UNSOLVED_M = termMatcher(UNSOLVED, 'u');
/** Every matcher, for the test that the substring check never hides a match. */
export const TERM_MATCHERS = [...MATCHERS, ATTITUDE_M, UNSOLVED_M];

/** The subject the words suggest: the service attitude, an unsolved problem, or other (attitude wins a tie). */
export function suggestSubject(text: string): ComplaintSubject {
  const norm = normalize(text);
  if (ATTITUDE_M.mayMatch(norm) && ATTITUDE_M.re.test(norm)) return 'attitude';
  if (UNSOLVED_M.mayMatch(norm) && UNSOLVED_M.re.test(norm)) return 'unsolved';
  return 'other';
}
