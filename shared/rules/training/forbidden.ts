import type { TrainingScenario } from '../../schema/training';
import { BLAME, PROMISES } from './lexicon';
import { firstOf } from './match';
import { normalizeText } from './text';
import { quote, traineeReplies, weightOf, type Transcript, type Verdict } from './transcript';

export type ForbiddenKind = 'blame' | 'promise' | 'scenario' | 'other_customer_data';

export interface ForbiddenUse {
  kind: ForbiddenKind;
  phrase: string;
}

/** A mainland mobile number, or a long number / order id (8+ digits, optionally with a letter prefix and dashes). */
const NUMBERS = /(?<![\p{L}\p{N}])(?:[a-z]{1,4}-)?\d[\d-]{6,}\d(?![\p{N}])/giu;
const digitsOf = (s: string) => s.replace(/\D/gu, '');

/** The long numbers and order ids in a text. */
export const numbersIn = (text: string): string[] => [...text.matchAll(NUMBERS)].map((m) => m[0]);

/**
 * The forbidden phrases in one reply: blaming the customer, promising what policy forbids, the scenario's own list,
 * and another customer's data: a phone number or order id that is neither the customer's own (persona.ownData),
 * nor said by the customer in this conversation, nor this conversation's id.
 */
export function forbiddenIn(reply: string, scenario: TrainingScenario, mayQuote: readonly string[]): ForbiddenUse[] {
  const norm = normalizeText(reply);
  const out: ForbiddenUse[] = [];
  const blame = firstOf(norm, BLAME);
  if (blame) out.push({ kind: 'blame', phrase: blame });
  const promise = firstOf(norm, PROMISES);
  if (promise) out.push({ kind: 'promise', phrase: promise });
  const own = firstOf(norm, scenario.forbidden);
  if (own) out.push({ kind: 'scenario', phrase: own });
  const allowed = [...scenario.persona.ownData, ...mayQuote].map(digitsOf).filter((d) => d.length >= 4);
  for (const m of reply.matchAll(NUMBERS)) {
    const d = digitsOf(m[0]);
    if (d.length < 8) continue;
    if (!allowed.some((a) => a.includes(d) || d.includes(a))) {
      out.push({ kind: 'other_customer_data', phrase: m[0] });
      break;
    }
  }
  return out;
}

/** No reply uses a forbidden phrase; every use is quoted. */
export function gradeForbidden(scenario: TrainingScenario, t: Transcript): Verdict {
  const max = weightOf(scenario, 'forbidden_phrases');
  const mayQuote = [...t.allowedIds, ...t.messages.filter((m) => m.who === 'customer').flatMap((m) => numbersIn(m.text))];
  const uses: { use: ForbiddenUse; reply: string }[] = [];
  for (const r of traineeReplies(t)) for (const use of forbiddenIn(r.text, scenario, mayQuote)) uses.push({ use, reply: r.text });
  if (uses.length === 0) return { item: 'forbidden_phrases', met: true, points: max, max, why: { code: 'none_used', params: {} }, quotes: [] };
  return {
    item: 'forbidden_phrases',
    met: false,
    points: 0,
    max,
    why: { code: `forbidden_${uses[0].use.kind}`, params: { phrase: uses[0].use.phrase, count: uses.length } },
    quotes: [...new Set(uses.map((u) => quote(u.reply)))].slice(0, 10),
  };
}
