import type { FaqEntryData } from '../schema/bot';
import type { Category, Locale } from '../schema/common';

/**
 * The FAQ answer: TF-IDF vectors of the entries' phrasings and cosine similarity to the customer's words
 * (features from shared/rules/classify.ts, so segmentation stays injected). Pure; the core builds the index once
 * per knowledge-base version.
 */

interface Phrasing {
  entry: FaqEntryData;
  weights: Map<string, number>;
  norm: number;
  /** `weights` as two arrays in the map's order (walked without an entry array per feature). */
  features: string[];
  values: number[];
}

export interface FaqIndex {
  phrasings: Phrasing[];
  idf: Map<string, number>;
  /** The idf of a feature no phrasing has: rare, so worth the most, but matching nothing. */
  defaultIdf: number;
  /**
   * Per feature, the phrasings that have it (indexes into `phrasings`, ascending) and its weight in each: a message
   * is compared only with the phrasings it shares a word with (the others score 0 and were skipped anyway), and its
   * dot products are summed along these lists instead of walking each phrasing's map.
   */
  postings: Map<string, { ids: number[]; weights: number[] }>;
}

const tf = (feats: readonly string[]) => {
  const m = new Map<string, number>();
  for (const f of feats) m.set(f, (m.get(f) ?? 0) + 1);
  return m;
};

function vectorOf(feats: readonly string[], idf: Map<string, number>, fallback: number): { weights: Map<string, number>; norm: number } {
  const weights = new Map<string, number>();
  let sq = 0;
  for (const [f, n] of tf(feats)) {
    const w = (1 + Math.log(n)) * (idf.get(f) ?? fallback);
    weights.set(f, w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq) };
}

/** Indexes every phrasing of every entry, in both languages; `featuresOf` turns a text into features. */
export function buildFaqIndex(entries: readonly FaqEntryData[], featuresOf: (text: string) => string[]): FaqIndex {
  const docs: { entry: FaqEntryData; feats: string[] }[] = [];
  for (const entry of entries) {
    // The answer's words count too: a customer often says what the answer talks about ("自动续费" in both).
    for (const locale of ['zh-CN', 'en'] as const) for (const q of entry.questions[locale]) docs.push({ entry, feats: featuresOf(q) });
  }
  const df = new Map<string, number>();
  for (const d of docs) for (const f of new Set(d.feats)) df.set(f, (df.get(f) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [f, k] of df) idf.set(f, Math.log((n + 1) / (k + 1)) + 1);
  const defaultIdf = Math.log(n + 1) + 1;
  const phrasings = docs.map((d): Phrasing => {
    const v = vectorOf(d.feats, idf, defaultIdf);
    return { entry: d.entry, ...v, features: [...v.weights.keys()], values: [...v.weights.values()] };
  });
  const postings = new Map<string, { ids: number[]; weights: number[] }>();
  phrasings.forEach((p, i) => {
    for (const [f, w] of p.weights) {
      let list = postings.get(f);
      if (!list) postings.set(f, (list = { ids: [], weights: [] }));
      list.ids.push(i);
      list.weights.push(w);
    }
  });
  return { phrasings, idf, defaultIdf, postings };
}

/**
 * Per index, the arrays a match sums into, made once: a Float64Array per message cost ~70 µs under a spool
 * import's allocation (typed arrays past 64 bytes live outside the heap, and each one is registered with and
 * swept by the collector), ten times the rest of the match. NaN marks a phrasing not touched by this message;
 * matchFaq puts every entry it touched back to NaN before it returns (it never runs re-entrantly).
 */
const scratch = new WeakMap<FaqIndex, { dots: Float64Array; touched: Uint32Array }>();
function scratchOf(index: FaqIndex) {
  let s = scratch.get(index);
  if (!s) {
    s = { dots: new Float64Array(index.phrasings.length).fill(NaN), touched: new Uint32Array(index.phrasings.length) };
    scratch.set(index, s);
  }
  return s;
}

export interface FaqMatch {
  entry: FaqEntryData;
  /** Cosine similarity 0–1 of the message and the entry's closest phrasing. */
  score: number;
}

/**
 * The entries closest to the message, best first (one per entry: its best phrasing), among `category` when given,
 * leaving out `exclude` (answers already given in this conversation).
 */
export function matchFaq(index: FaqIndex, feats: readonly string[], opts: { category?: Category; exclude?: readonly string[]; limit?: number } = {}): FaqMatch[] {
  const q = vectorOf(feats.filter((f) => index.idf.has(f)), index.idf, index.defaultIdf);
  if (q.norm === 0) return [];
  // Only the phrasings sharing a feature with the message, in index order. Each dot product adds the same products
  // in the same order as walking the smaller of the two vectors did (floating-point sums depend on the order): the
  // message's order when it is the smaller, which is the order the postings are summed in; else the phrasing's own.
  const { dots, touched } = scratchOf(index);
  let count = 0;
  for (const [f, w] of q.weights) {
    const list = index.postings.get(f);
    if (!list) continue;
    for (let j = 0; j < list.ids.length; j++) {
      const i = list.ids[j];
      if (Number.isNaN(dots[i])) {
        dots[i] = 0;
        touched[count++] = i;
      }
      dots[i] += w * list.weights[j];
    }
  }
  // In index order, as the full scan visited them (equal scores keep the first entry found).
  touched.subarray(0, count).sort();
  const best = new Map<string, FaqMatch>();
  for (let t = 0; t < count; t++) {
    const i = touched[t];
    const shared = dots[i];
    dots[i] = NaN; // the scratch is clean again for the next message
    const p = index.phrasings[i];
    if (opts.category && p.entry.category !== opts.category) continue;
    if (opts.exclude?.includes(p.entry.id)) continue;
    let dot = shared;
    if (q.weights.size >= p.weights.size) {
      dot = 0;
      for (let j = 0; j < p.features.length; j++) {
        const o = q.weights.get(p.features[j]);
        if (o !== undefined) dot += p.values[j] * o;
      }
    }
    if (dot === 0) continue;
    const score = dot / (q.norm * p.norm);
    const had = best.get(p.entry.id);
    if (!had || score > had.score) best.set(p.entry.id, { entry: p.entry, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id)).slice(0, opts.limit ?? 3);
}

/** The answer text in the customer's language. */
export const answerIn = (entry: FaqEntryData, locale: Locale): string => entry.answer[locale];

/**
 * The language to answer in: the message's own when it is clearly one (mostly Han → Chinese, mostly Latin letters →
 * English), otherwise the customer's profile language.
 */
export function replyLocale(text: string, profile: Locale): Locale {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (han === 0 && latin === 0) return profile;
  // One Han character counts for about three Latin letters of meaning.
  return han * 3 >= latin ? 'zh-CN' : 'en';
}
