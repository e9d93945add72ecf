import type { TrainingScenario } from '../../schema/training';
import { normalizeText } from './text';
import { quote, roundPoints, traineeReplies, weightOf, type CannedTemplate, type Transcript, type Verdict } from './transcript';

const VARIABLE = /\{\{\s*[^{}]*?\s*\}\}/gu;

/**
 * The fixed text of a canned reply: its sentences between its variables, normalised (pieces under 2 characters say
 * nothing). Sentences, so a trainee who adds a sentence of their own in between still used the reply.
 */
export function cannedPieces(body: string): string[] {
  return body
    .split(VARIABLE)
    .flatMap((p) => p.split(/[。！？!?；;\n]|[.,](?=\s)|，/u))
    .map((p) => normalizeText(p).replace(/^[\s,，。.!！?？:：;；()（）]+|[\s,，。.!！?？:：;；()（）]+$/gu, ''))
    .filter((p) => Array.from(p).length >= 2);
}

/**
 * Whether a reply was made from a canned reply: at least 70% of its fixed text (by characters) is in the reply, so
 * a trainee may adapt a sentence and it still counts, but a reply that shares a word or two does not.
 */
export function usesCanned(reply: string, body: string): boolean {
  const pieces = cannedPieces(body);
  const total = pieces.reduce((n, p) => n + p.length, 0);
  if (total === 0) return false;
  const norm = normalizeText(reply);
  const found = pieces.filter((p) => norm.includes(p)).reduce((n, p) => n + p.length, 0);
  return found / total >= 0.7;
}

/** A `{{variable}}` left in a reply: a canned reply sent without filling it. */
export const hasUnfilledVariable = (reply: string): boolean => /\{\{[^{}]*\}\}/u.test(reply) || reply.includes('{{');

/**
 * Canned replies used, with their variables filled: every expected canned reply the team's library has (by shortcut)
 * appears in some reply, and no reply still holds a `{{`. Without an expected reply in the library and without a
 * `{{` anywhere, the item does not apply.
 */
export function gradeCanned(scenario: TrainingScenario, t: Transcript, library: readonly CannedTemplate[]): Verdict {
  const max = weightOf(scenario, 'canned_filled');
  const replies = traineeReplies(t);
  const unfilled = replies.filter((r) => hasUnfilledVariable(r.text));
  if (unfilled.length > 0) {
    return { item: 'canned_filled', met: false, points: 0, max, why: { code: 'unfilled_variable', params: { count: unfilled.length } }, quotes: unfilled.slice(0, 3).map((r) => quote(r.text)) };
  }
  const expected = scenario.expectedCanned.map((s) => library.find((c) => c.shortcut === s)).filter((c): c is CannedTemplate => c !== undefined);
  if (expected.length === 0) return { item: 'canned_filled', met: true, points: 0, max: 0, why: { code: 'not_applicable', params: {} }, quotes: [] };
  const used = expected.map((c) => ({ c, reply: replies.find((r) => usesCanned(r.text, c.body)) }));
  const got = used.filter((u) => u.reply);
  const met = got.length === expected.length;
  return {
    item: 'canned_filled',
    met,
    points: roundPoints((max * got.length) / expected.length),
    max,
    why: { code: met ? 'canned_used' : 'canned_not_used', params: { used: got.length, total: expected.length, missing: used.filter((u) => !u.reply).map((u) => `/${u.c.shortcut} ${u.c.title}`).join(' / ') } },
    quotes: got.map((u) => quote(u.reply!.text)).slice(0, 5),
  };
}
