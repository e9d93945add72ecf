import { featureParts, type CutHan } from '../classify';

/**
 * Text helpers for training: what the simulated customer and the grader "read". Matching uses the bot's features
 * (shared/rules/classify.ts: jieba words for Chinese, lower-cased stemmed words for English), so a phrase matches
 * its paraphrases (退款申请 / 申请退款, "refunded" / "refund") and not just its exact text. Pure: jieba is injected
 * as `cutHan` (the core passes the bot's segmenter; shared/ is bundled into the renderer too).
 */

/** A text's words as the bot sees them. */
export type Tokenize = (text: string) => string[];

export function makeTokenizer(cutHan: CutHan): Tokenize {
  return (text) => featureParts(text, cutHan).words;
}

export const normalizeText = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

const HAN = /\p{Script=Han}/u;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Whether `phrase` occurs in the (normalised) text: Chinese as a substring, Latin-script phrases on word boundaries
 * ("hi" is not in "this"). Used for the tone lexicons, where exact wording is the point.
 */
export function containsPhrase(normText: string, phrase: string): boolean {
  const p = normalizeText(phrase);
  if (!p) return false;
  if (HAN.test(p)) return normText.includes(p);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(p)}(?![\\p{L}\\p{N}])`, 'u').test(normText);
}

/** A reply read once: its normalised text and its word set, for many phrase checks. */
export interface ReadText {
  norm: string;
  words: ReadonlySet<string>;
}

export function readText(text: string, tokenize: Tokenize): ReadText {
  return { norm: normalizeText(text), words: new Set(tokenize(text)) };
}

/**
 * Whether a key-point phrase is in a reply: the phrase as it is (word boundaries for Latin script), or every word of
 * the phrase somewhere in the reply, in any order (退款申请 matches 申请退款; "refund request" matches "requested
 * a refund" after stemming). A phrase of stop words only (no words) matches on its text alone.
 */
export function phraseIn(reply: ReadText, phrase: string, tokenize: Tokenize): boolean {
  if (containsPhrase(reply.norm, phrase)) return true;
  const words = tokenize(phrase);
  return words.length > 0 && words.every((w) => reply.words.has(w));
}
