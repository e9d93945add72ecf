import { classify, featureParts, features, joinFeatures, train, type Classification, type FeatureParts, type NaiveBayes } from '../../../../shared/rules/classify';
import { buildFaqIndex, type FaqIndex } from '../../../../shared/rules/faq';
import type { FaqEntryData } from '../../../../shared/schema';
import { labelledMessages } from './knowledge';
import { cutHan } from './segmenter';

/**
 * The trained classifier and the FAQ index. Training takes a few milliseconds on the ~620 labelled messages (after
 * jieba's dictionary has loaded), so it happens once per process, at the first bot turn.
 */
let model: NaiveBayes | null = null;

export const featuresOf = (text: string): string[] => features(text, cutHan);

export function classifier(): NaiveBayes {
  model ??= train(labelledMessages().map((m) => ({ label: m.label, features: featuresOf(m.text) })));
  return model;
}

export const classifyText = (text: string): Classification => classify(classifier(), featuresOf(text));

/**
 * Feature parts by text: a bot turn re-reads the whole customer transcript (up to TRANSCRIPT_MAX lines), and
 * customers repeat themselves ("还有人吗？", "转人工", "thanks"), so each distinct text is segmented once. Keyed by the
 * text itself (featureParts is a pure function of it), not by message id: a new message saying what an earlier one
 * said hits too. Bounded, least recently used out first. The parts are shared: callers only read them.
 */
const LINE_CACHE_MAX = 20_000;
const lineCache = new Map<string, FeatureParts>();
export function linePartsOf(body: string): FeatureParts {
  let parts = lineCache.get(body);
  if (parts) {
    // Map order is the eviction order: a hit moves to the young end.
    lineCache.delete(body);
  } else {
    parts = featureParts(body, cutHan);
    if (lineCache.size >= LINE_CACHE_MAX) lineCache.delete(lineCache.keys().next().value as string);
  }
  lineCache.set(body, parts);
  return parts;
}

/** The features of transcript lines (joined as one text), from the cached parts of each line. */
export const linesFeatures = (lines: readonly { body: string }[]): string[] => joinFeatures(lines.map((l) => linePartsOf(l.body)));

/** FAQ indexes by knowledge-base version (a lead's edit makes a new one). */
let cached: { key: string; index: FaqIndex } | null = null;
export function faqIndex(entries: readonly FaqEntryData[], key: string): FaqIndex {
  if (cached?.key !== key) cached = { key, index: buildFaqIndex(entries, featuresOf) };
  return cached.index;
}
