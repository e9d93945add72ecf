import type { KeyPoint, TrainingIntent } from '../../schema/training';
import { APOLOGIES, CLOSINGS, GREETINGS, QUESTION_MARKS, THANKS } from './lexicon';
import { containsPhrase, phraseIn, readText, type ReadText, type Tokenize } from './text';

/** A key point a reply made, and the phrase that showed it. */
export interface KeyPointHit {
  id: string;
  phrase: string;
}

/** The key points a reply covers: any phrase of either language (a trainee may answer in the other one). */
export function matchKeyPoints(reply: string | ReadText, keyPoints: readonly KeyPoint[], tokenize: Tokenize): KeyPointHit[] {
  const r = typeof reply === 'string' ? readText(reply, tokenize) : reply;
  const out: KeyPointHit[] = [];
  for (const k of keyPoints) {
    const phrase = [...k.phrases['zh-CN'], ...k.phrases.en].find((p) => phraseIn(r, p, tokenize));
    if (phrase !== undefined) out.push({ id: k.id, phrase });
  }
  return out;
}

/** The first lexicon phrase in a text (normalised), or null. */
export function firstOf(norm: string, lexicon: readonly string[]): string | null {
  return lexicon.find((p) => containsPhrase(norm, p)) ?? null;
}

/**
 * What the customer recognises besides key points: tone from the lexicons, a question, and what the trainee did in
 * the workspace (`escalated`: the conversation was escalated or transferred to a lead before this reply was read).
 */
export function detectIntents(norm: string, workspace: { escalated: boolean }): TrainingIntent[] {
  const out: TrainingIntent[] = [];
  if (firstOf(norm, GREETINGS)) out.push('greeting');
  if (firstOf(norm, APOLOGIES)) out.push('apology');
  if (firstOf(norm, THANKS)) out.push('thanks');
  if (firstOf(norm, CLOSINGS)) out.push('closing');
  if (QUESTION_MARKS.some((q) => norm.includes(q))) out.push('asks_question');
  if (workspace.escalated) out.push('escalated');
  return out;
}
