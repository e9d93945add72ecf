import type { Category } from '../schema/common';
import { CONCEPT_MATCHERS, conceptsOf } from './classifyLexicon';

/**
 * The category classifier: multinomial naive Bayes over word features, trained on the labelled data set in
 * shared/data. Pure: Chinese word segmentation is injected (`CutHan`, jieba in the core), because shared/ is also
 * bundled into the renderer and a native segmenter cannot go there.
 */

/** Cuts one run of Han characters into words ("我的视频上传失败了" → 我|的|视频|上传|失败|了). */
export type CutHan = (run: string) => string[];

const RUNS = /(\p{Script=Han}+)|([\p{L}\p{N}][\p{L}\p{N}'’]*)|(\p{Extended_Pictographic})/gu;
/** English suffixes folded away so "uploading", "uploaded" and "uploads" meet ("refunds" → "refund"). */
const SUFFIX = /(?:ing|ed|es|s)$/;

/** Words every category uses: they only dilute the per-word average (see `classify`). */
const STOP = new Set([
  '的', '了', '我', '是', '吗', '吧', '啊', '呢', '也', '都', '就', '还', '在', '有', '和', '一个', '这个', '那个', '一下',
  'the', 'a', 'an', 'i', 'my', 'me', 'to', 'is', 'it', 'and', 'of', 'for', 'on', 'in', 'at', 'be', 'was', 'this', 'that', 'so', 'but', 'just', 'im',
]);

function stem(w: string): string {
  if (w.length <= 4) return w;
  const s = w.replace(SUFFIX, '');
  return s.length >= 3 ? s : w;
}

/** The features of one text in two parts (its words, its concepts), so a transcript's can be put together line by line. */
export interface FeatureParts {
  words: string[];
  concepts: string[];
}

/**
 * The features of a message: Chinese words (jieba with HMM, so unknown words still come out whole; adding character
 * pairs was measured and lost 0.5 points), English words lower-cased and stemmed, numbers as one feature, and emoji
 * (an angry face says something), plus the cross-language concepts of classifyLexicon.ts. Punctuation is dropped.
 */
export function featureParts(text: string, cutHan: CutHan): FeatureParts {
  const words: string[] = [];
  const norm = text.normalize('NFKC').toLowerCase();
  for (const m of norm.matchAll(RUNS)) {
    if (m[1]) {
      for (const w of cutHan(m[1])) if (!STOP.has(w)) words.push(w);
    } else if (m[2]) {
      const w = m[2].replace(/[’']/g, '');
      if (!STOP.has(w)) words.push(/^\d+$/.test(w) ? (w.length >= 6 ? '#longnum' : '#num') : stem(w));
    } else if (m[3]) words.push(m[3]);
  }
  return { words, concepts: conceptsOf(norm) };
}

/**
 * The features of texts joined by newlines, from each text's parts: exactly `features(texts.join('\n'))`. No word
 * and no concept term spans a line break (runs stop at it, terms hold no newline, and a Latin term's word boundary
 * sees a newline as the start of the text does), and each concept counts once however many lines say it. The bot
 * keeps each transcript line's parts, so a turn segments only the new line, not the whole transcript again.
 */
export function joinFeatures(parts: readonly FeatureParts[]): string[] {
  const out: string[] = [];
  for (const p of parts) for (const w of p.words) out.push(w);
  if (parts.length === 1) {
    for (const c of parts[0].concepts) out.push(c);
    return out;
  }
  const said = new Set<string>();
  for (const p of parts) for (const c of p.concepts) said.add(c);
  for (const m of CONCEPT_MATCHERS) if (said.has(m.feature)) out.push(m.feature);
  return out;
}

export function features(text: string, cutHan: CutHan): string[] {
  return joinFeatures([featureParts(text, cutHan)]);
}

export interface Example {
  features: string[];
  label: Category;
}

export interface NaiveBayes {
  labels: Category[];
  logPrior: number[];
  /** Per feature, the log-likelihood under each label (same order as `labels`). */
  logLik: Map<string, number[]>;
}

/** How many words a concept feature counts as (5-fold cross-validation: 1 → 88 %, 2 → 90.6 %, 3 → 90.8 %). */
const CONCEPT_WEIGHT = 3;

/** Additive smoothing: small, because messages are short and most features are rare. */
const ALPHA = 0.3;

export function train(examples: readonly Example[]): NaiveBayes {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const docs = labels.map(() => 0);
  const totals = labels.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const e of examples) {
    const li = index.get(e.label)!;
    docs[li]++;
    // Binary counts per message: a word repeated in one long message does not outweigh many messages.
    for (const f of new Set(e.features)) {
      let c = counts.get(f);
      if (!c) counts.set(f, (c = labels.map(() => 0)));
      c[li]++;
      totals[li]++;
    }
  }
  const v = counts.size;
  const logLik = new Map<string, number[]>();
  for (const [f, c] of counts) logLik.set(f, c.map((n, i) => Math.log((n + ALPHA) / (totals[i] + ALPHA * v))));
  const n = examples.length;
  return { labels, logPrior: docs.map((d) => Math.log(d / n)), logLik };
}

export interface Classification {
  category: Category;
  /** 0–1: how sure the model is (see `classify`). */
  confidence: number;
  /** Every label's probability, highest first. */
  ranking: { category: Category; p: number }[];
}

/**
 * The most likely category. Naive Bayes posteriors are overconfident on long texts (every word multiplies in), so
 * the confidence is the posterior of the per-word average log-likelihood: a message of one clear word is as sure
 * as a long one that says the same, and a message of words the model has never seen has confidence 0.
 */
export function classify(model: NaiveBayes, feats: readonly string[]): Classification {
  const k = model.labels.length;
  const sums = new Array<number>(k).fill(0);
  let known = 0;
  for (const f of new Set(feats)) {
    const l = model.logLik.get(f);
    if (!l) continue;
    // A concept stands for every way of saying it in both languages: it counts as CONCEPT_WEIGHT words.
    const w = f.startsWith('@') ? CONCEPT_WEIGHT : 1;
    known += w;
    for (let i = 0; i < k; i++) sums[i] += w * l[i];
  }
  const scores = sums.map((s, i) => (known === 0 ? model.logPrior[i] : s / known + model.logPrior[i] / known));
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const z = exps.reduce((a, b) => a + b, 0);
  const ranking = model.labels.map((category, i) => ({ category, p: exps[i] / z })).sort((a, b) => b.p - a.p);
  // Nothing the model knows ("👀", a name, a greeting in a third language): not a topic of ours, so "other".
  if (known === 0) return { category: 'other', confidence: 0, ranking };
  return { category: ranking[0].category, confidence: ranking[0].p, ranking };
}

/** Held-out evaluation: accuracy, per-category precision/recall and the confusion matrix (rows: truth). */
export function evaluate(model: NaiveBayes, test: readonly Example[]) {
  const labels = model.labels;
  const at = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let right = 0;
  for (const e of test) {
    const got = classify(model, e.features).category;
    confusion[at.get(e.label)!][at.get(got)!]++;
    if (got === e.label) right++;
  }
  const perCategory = labels.map((l, i) => {
    const tp = confusion[i][i];
    const predicted = confusion.reduce((s, row) => s + row[i], 0);
    const actual = confusion[i].reduce((s, n) => s + n, 0);
    return { category: l, precision: predicted ? tp / predicted : 0, recall: actual ? tp / actual : 0, support: actual };
  });
  return { accuracy: test.length ? right / test.length : 0, labels, confusion, perCategory };
}

/**
 * A deterministic split for evaluation: every `k`-th message of each category (from `offset`) is held out, so each
 * category is in both parts in proportion. Items are kept in file order; no randomness to re-seed.
 */
export function stratifiedSplit<T extends { label: Category }>(items: readonly T[], k: number, offset = 0): { train: T[]; test: T[] } {
  const seen = new Map<Category, number>();
  const trainSet: T[] = [];
  const test: T[] = [];
  for (const it of items) {
    const n = seen.get(it.label) ?? 0;
    seen.set(it.label, n + 1);
    (n % k === offset % k ? test : trainSet).push(it);
  }
  return { train: trainSet, test };
}
