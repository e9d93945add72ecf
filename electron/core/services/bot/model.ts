import { classify, features, train, type Classification, type NaiveBayes } from '../../../../shared/rules/classify';
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

/** FAQ indexes by knowledge-base version (a lead's edit makes a new one). */
let cached: { key: string; index: FaqIndex } | null = null;
export function faqIndex(entries: readonly FaqEntryData[], key: string): FaqIndex {
  if (cached?.key !== key) cached = { key, index: buildFaqIndex(entries, featuresOf) };
  return cached.index;
}
