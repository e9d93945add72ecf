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
  postings: Map<string, { ids: number[]; weights: number[]; slots: number[] }>;
  /** Where each phrasing's features start in one flat list of all phrasings' features (see `slots`). */
  starts: number[];
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
  const postings = new Map<string, { ids: number[]; weights: number[]; slots: number[] }>();
  const starts: number[] = [];
  let slot = 0;
  phrasings.forEach((p, i) => {
    starts.push(slot);
    for (const [f, w] of p.weights) {
      let list = postings.get(f);
      if (!list) postings.set(f, (list = { ids: [], weights: [], slots: [] }));
      list.ids.push(i);
      list.weights.push(w);
      list.slots.push(slot++); // the feature's place among all phrasings' features, in the phrasing's own order
    }
  });
  return { phrasings, idf, defaultIdf, postings, starts };
}

/**
 * Per index, the arrays a match sums into, made once (not two typed arrays per message: past 64 bytes each lives
 * outside the heap and is tracked by the collector). `dots`: NaN marks a phrasing this message has not touched.
 * `products`: each shared feature's product at its slot (0 elsewhere), so a phrasing's dot product can be summed
 * in the phrasing's own order by walking an array rather than looking each feature up in the message's map. matchFaq
 * puts every entry it touched back before it returns (it never runs re-entrantly).
 */
const scratch = new WeakMap<FaqIndex, { dots: Float64Array; touched: Uint32Array; products: Float64Array }>();
function scratchOf(index: FaqIndex) {
  let s = scratch.get(index);
  if (!s) {
    const n = index.phrasings.length;
    const slots = n === 0 ? 0 : index.starts[n - 1] + index.phrasings[n - 1].features.length;
    s = { dots: new Float64Array(n).fill(NaN), touched: new Uint32Array(n), products: new Float64Array(slots) };
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
  const { dots, touched, products } = scratchOf(index);
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
      const product = w * list.weights[j];
      dots[i] += product;
      products[list.slots[j]] = product;
    }
  }
  // In index order, as the full scan visited them (equal scores keep the first entry found).
  touched.subarray(0, count).sort();
  const best = new Map<string, FaqMatch>();
  for (let t = 0; t < count; t++) {
    const i = touched[t];
    const p = index.phrasings[i];
    // The phrasing's own order (when it is the smaller vector): its products, 0 where the message lacks a feature
    // (adding +0 leaves a sum of positive products exactly as it was). The scratch is cleaned for the next message.
    let dot = dots[i];
    const from = index.starts[i];
    const to = from + p.features.length;
    if (q.weights.size >= p.weights.size) {
      dot = 0;
      for (let k = from; k < to; k++) dot += products[k];
    }
    products.fill(0, from, to);
    dots[i] = NaN;
    if (opts.category && p.entry.category !== opts.category) continue;
    if (opts.exclude?.includes(p.entry.id)) continue;
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
