/**
 * Tokenising zh + en text for search. Chinese has no spaces, so each run of Han characters is cut into words
 * with Intl.Segmenter and ALSO into overlapping character bigrams: word segmentation alone misses a substring
 * that crosses a word boundary (款申 inside 退款申请, measured 0 of 30, docs/measurements.md), bigrams find it (30 of 30).
 * Latin words and numbers are lowercased whole; emoji and punctuation are not tokens.
 */

const HAN = /\p{Script=Han}/u;
/** A Han run, or a run of letters/digits/marks that are not Han (English, numbers, kana, ...). */
const RUNS = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+)/gu;

let segmenter: Intl.Segmenter | null = null;
const zhSegmenter = () => (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));

export const normalize = (text: string): string => text.normalize('NFKC').toLowerCase();

/** Chinese words of a Han run, as Intl.Segmenter cuts them ("我的视频上传失败了" → 我的|视频|上|传|失败|了). */
export function segmentWords(run: string): string[] {
  const out: string[] = [];
  for (const s of zhSegmenter().segment(run)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * Segmenting costs ~100 µs per 200-character message (ICU dictionary), the bulk of indexing time; customer-service
 * text repeats a lot (bot and canned replies, common phrases), so the long words of each run are memoised.
 */
const LONG_WORDS_CACHE_MAX = 50_000;
const longWordsCache = new Map<string, string[]>();
function longWords(run: string): string[] {
  let words = longWordsCache.get(run);
  if (words === undefined) {
    words = segmentWords(run).filter((w) => Array.from(w).length > 2);
    if (longWordsCache.size >= LONG_WORDS_CACHE_MAX) longWordsCache.clear();
    longWordsCache.set(run, words);
  }
  return words;
}

export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

export interface Run {
  text: string;
  han: boolean;
}

/** The runs worth indexing, in order, normalised; everything else (spaces, punctuation, emoji) separates them. */
export function runsOf(text: string): Run[] {
  const out: Run[] = [];
  for (const m of normalize(text).matchAll(RUNS)) out.push(m[1] ? { text: m[1], han: true } : { text: m[2], han: false });
  return out;
}

/**
 * Index terms of a text. A Han run gives its bigrams, its segmented words longer than two characters (two-character
 * words are bigrams already), and its last character (so a one-character query, searched as a prefix, finds every
 * position). Other runs give themselves.
 */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const r of runsOf(text)) {
    if (!r.han) {
      out.push(r.text);
      continue;
    }
    const chars = Array.from(r.text);
    if (chars.length === 1) {
      out.push(r.text);
      continue;
    }
    for (const b of bigrams(r.text)) out.push(b);
    if (chars.length > 2) for (const w of longWords(r.text)) out.push(w);
    out.push(chars[chars.length - 1]);
  }
  return out;
}

export interface QueryTerm {
  term: string;
  /** Matched as a prefix: a single Han character, or the last word being typed. */
  prefix: boolean;
}

/** One word of the query: a document matches it when it has every term; `word` (3+ Han characters) adds score. */
export interface QueryWord {
  terms: QueryTerm[];
  word: string | null;
}

/**
 * The words a query asks for. A Han run is segmented into words (consecutive one-character words are kept
 * together, so 款申 stays one piece); each word matches through its bigrams, so 视频上传 (视频|上传) finds
 * 我的视频上传失败了 however the segmenter cut the document, and 退款申请 also finds 申请退款 (ranked below the exact
 * phrase). Other runs are words themselves; the last one is a prefix while the agent is still typing.
 */
export function queryWords(query: string): QueryWord[] {
  const runs = runsOf(query);
  const out: QueryWord[] = [];
  runs.forEach((r, i) => {
    const last = i === runs.length - 1;
    if (!r.han) {
      out.push({ terms: [{ term: r.text, prefix: last && r.text.length >= 2 && !/^\p{N}+$/u.test(r.text) }], word: null });
      return;
    }
    const pieces: string[] = [];
    let singles = '';
    for (const w of Array.from(r.text).length > 2 ? segmentWords(r.text) : [r.text]) {
      if (Array.from(w).length === 1) singles += w;
      else {
        if (singles) pieces.push(singles);
        singles = '';
        pieces.push(w);
      }
    }
    if (singles) pieces.push(singles);
    for (const p of pieces) {
      const n = Array.from(p).length;
      if (n === 1) out.push({ terms: [{ term: p, prefix: true }], word: null });
      else out.push({ terms: bigrams(p).map((b) => ({ term: b, prefix: false })), word: n > 2 ? p : null });
    }
  });
  return out;
}

/** Every term the query needs, deduplicated. */
export function queryTerms(query: string): QueryTerm[] {
  const seen = new Set<string>();
  const out: QueryTerm[] = [];
  for (const w of queryWords(query)) for (const t of w.terms) if (!seen.has(t.term)) (seen.add(t.term), out.push(t));
  return out;
}

/**
 * A test for "the text contains the query's runs as one phrase" (ignoring case, spacing and punctuation between
 * runs). Built once per query: it runs on hundreds of candidate texts.
 */
export function phraseMatcher(query: string): (text: string) => boolean {
  const q = runsOf(query).map((r) => r.text);
  if (q.length === 0) return () => false;
  if (q.length === 1) {
    const needle = q[0];
    // Runs never contain separators, so a plain substring test on the normalised text is the same test.
    return (text) => normalize(text).includes(needle);
  }
  // Inner runs must match whole; the first may end a run and the last may start one.
  const needle = q.join('\u0001');
  return (text) => ('\u0001' + runsOf(text).map((r) => r.text).join('\u0001') + '\u0001').includes(needle);
}

export const containsPhrase = (text: string, query: string): boolean => phraseMatcher(query)(text);

export interface Highlight {
  /** A window of the text around the first match (the whole text when short). */
  text: string;
  /** [start, end) ranges to mark inside `text`, sorted and not overlapping. */
  marks: [number, number][];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the query matches inside a text, for <mark>. Whole query runs are preferred over their bigrams, so an
 * exact phrase is marked as one piece. Matching is case-insensitive on the original text.
 */
export function highlight(text: string, query: string, maxLength = 160): Highlight {
  const pieces = new Set<string>();
  for (const r of runsOf(query)) {
    pieces.add(r.text);
    if (r.han) for (const b of bigrams(r.text)) pieces.add(b);
  }
  const marks: [number, number][] = [];
  if (pieces.size > 0) {
    const alternatives = [...pieces].sort((a, b) => b.length - a.length).map(escapeRe);
    const re = new RegExp(alternatives.join('|'), 'giu');
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const last = marks[marks.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else marks.push([start, end]);
    }
  }
  if (text.length <= maxLength) return { text, marks };
  // A window that starts a little before the first match, so the hit is visible in a one-line result.
  const first = marks[0]?.[0] ?? 0;
  let from = Math.max(0, first - Math.floor(maxLength / 4));
  if (from > 0 && HAN.test(text[from]) === false) {
    const space = text.lastIndexOf(' ', from);
    if (space >= 0 && from - space < 20) from = space + 1;
  }
  const to = Math.min(text.length, from + maxLength);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const shift = prefix.length - from;
  const windowMarks: [number, number][] = [];
  for (const [s, e] of marks) {
    if (e <= from || s >= to) continue;
    windowMarks.push([Math.max(s, from) + shift, Math.min(e, to) + shift]);
  }
  return { text: prefix + text.slice(from, to) + suffix, marks: windowMarks };
}

/**
 * A test for "this one text matches the query", term for term as the index would match it (every word's terms;
 * a Han bigram anywhere, a single Han character anywhere, a Latin word whole or, while typed last, as a prefix of
 * a run). The index holds one document per conversation, so the words of a query may come from different
 * messages; this picks the messages that match on their own. Built once per query; cheap substring tests first.
 */
export function messageMatcher(query: string): (text: string) => boolean {
  const han: string[] = [];
  const latin: QueryTerm[] = [];
  for (const t of queryTerms(query)) HAN.test(t.term) ? han.push(t.term) : latin.push(t);
  if (han.length === 0 && latin.length === 0) return () => false;
  return (text) => {
    const norm = normalize(text);
    // Two adjacent Han characters are always inside one Han run, so a substring test is the bigram test.
    for (const t of han) if (!norm.includes(t)) return false;
    if (latin.length === 0) return true;
    for (const t of latin) if (!norm.includes(t.term)) return false;
    const runs = runsOf(text);
    return latin.every((t) => runs.some((r) => !r.han && (t.prefix ? r.text.startsWith(t.term) : r.text === t.term)));
  };
}
