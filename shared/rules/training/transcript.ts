import type { Category } from '../../schema/common';
import type { RubricItem, TrainingEnd, TrainingScenario } from '../../schema/training';

/** One public message of a practice (internal notes never count). */
export interface TranscriptMessage {
  who: 'customer' | 'trainee';
  text: string;
  at: number;
  /** A customer's follow-up because the trainee was slow. */
  impatient?: boolean;
}

/** What the grader reads from the sandbox when a practice ends. */
export interface Transcript {
  messages: TranscriptMessage[];
  finishedAt: number;
  /** The conversation's category at the end (the trainee may have changed it). */
  chosenCategory: Category | null;
  /** Escalated to the leads or transferred to a lead during the practice. */
  escalated: boolean;
  /** The customer's end node, if one was reached. */
  end: TrainingEnd | null;
  /** Ids that belong to this conversation and may be quoted (its id). */
  allowedIds: string[];
}

/** A canned reply of the team's library as the grader compares it (shared/rules/training/canned.ts). */
export interface CannedTemplate {
  shortcut: string;
  title: string;
  body: string;
}

export type Params = Record<string, string | number>;

/** A rubric item's verdict (the contract's RubricVerdict). */
export interface Verdict {
  item: RubricItem;
  met: boolean;
  points: number;
  max: number;
  why: { code: string; params: Params };
  quotes: string[];
}

/** The weight of an item in this scenario. */
export const weightOf = (scenario: TrainingScenario, item: RubricItem): number => scenario.rubric[item];

/** A verdict for an item that does not apply here (counts neither way). */
export const notApplicable = (item: RubricItem, code = 'not_applicable'): Verdict => ({ item, met: true, points: 0, max: 0, why: { code, params: {} }, quotes: [] });

/** Points rounded to one decimal, so verdicts read cleanly and sums stay exact enough. */
export const roundPoints = (n: number): number => Math.round(n * 10) / 10;

export const traineeReplies = (t: Transcript): TranscriptMessage[] => t.messages.filter((m) => m.who === 'trainee');

/** Quotes are the trainee's words, capped so a verdict stays readable. */
export const quote = (text: string): string => (Array.from(text).length > 300 ? `${Array.from(text).slice(0, 300).join('')}…` : text);
