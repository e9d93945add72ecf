import type { FaqView } from '../../../../shared/contract/bot';
import type { Category } from '../../../../shared/schema/common';

/** The FAQ form's fields as the lead types them: phrasings one per line. */
export interface FaqDraft {
  id: string;
  category: Category;
  questionsZh: string;
  questionsEn: string;
  answerZh: string;
  answerEn: string;
}
export type FaqField = keyof FaqDraft;

/** Where the core's validation of faq.save points for each field (errors.fields paths, joined by "/"). */
export const FAQ_PATHS: Record<FaqField, string> = {
  id: 'id',
  category: 'category',
  questionsZh: 'questions/zh-CN',
  questionsEn: 'questions/en',
  answerZh: 'answer/zh-CN',
  answerEn: 'answer/en',
};

export const emptyDraft = (category: Category): FaqDraft => ({ id: '', category, questionsZh: '', questionsEn: '', answerZh: '', answerEn: '' });

export const draftOf = (e: FaqView): FaqDraft => ({
  id: e.id,
  category: e.category,
  questionsZh: e.questions['zh-CN'].join('\n'),
  questionsEn: e.questions.en.join('\n'),
  answerZh: e.answer['zh-CN'],
  answerEn: e.answer.en,
});

/**
 * One phrasing per line; blank lines dropped. An empty field becomes an empty list, which the core refuses
 * ("needs at least 1 item"): the form does not second-guess the contract, it shows the core's reason.
 */
const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/** The faq.save input for a draft. */
export const entryOf = (d: FaqDraft) => ({
  id: d.id.trim(),
  category: d.category,
  questions: { 'zh-CN': lines(d.questionsZh), en: lines(d.questionsEn) },
  answer: { 'zh-CN': d.answerZh, en: d.answerEn },
});

/** Whether an entry matches the search text: any phrasing, answer or its id, ignoring case. */
export function matches(e: FaqView, q: string): boolean {
  const needle = q.trim().toLocaleLowerCase();
  if (!needle) return true;
  const hay = [e.id, ...e.questions['zh-CN'], ...e.questions.en, e.answer['zh-CN'], e.answer.en];
  return hay.some((s) => s.toLocaleLowerCase().includes(needle));
}

