import type { TrainingScenario } from '../../schema/training';
import { firstNameOf } from '../firstName';
import { APOLOGIES, CLOSINGS, EN_HONORIFICS, GREETINGS, THANKS, ZH_HONORIFICS } from './lexicon';
import { firstOf } from './match';
import { containsPhrase, normalizeText } from './text';
import { quote, traineeReplies, weightOf, type Transcript, type TranscriptMessage, type Verdict } from './transcript';

/**
 * Tone, one rubric item each: a greeting in the first reply, the customer's name used, an apology where one is due,
 * thanks, a closing in the last reply. Each quotes the reply it is about (a missing greeting quotes the first reply).
 */

const found = (item: Verdict['item'], max: number, code: string, phrase: string, reply: TranscriptMessage): Verdict => ({
  item, met: true, points: max, max, why: { code, params: { phrase } }, quotes: [quote(reply.text)],
});
const missing = (item: Verdict['item'], max: number, code: string, replies: TranscriptMessage[], params: Verdict['why']['params'] = {}): Verdict => ({
  item, met: false, points: 0, max, why: { code, params }, quotes: replies.slice(0, 1).map((r) => quote(r.text)),
});

/** The first reply greets the customer. */
export function gradeGreeting(scenario: TrainingScenario, t: Transcript): Verdict {
  const max = weightOf(scenario, 'greeting');
  const first = traineeReplies(t)[0];
  if (!first) return missing('greeting', max, 'no_reply', []);
  const phrase = firstOf(normalizeText(first.text), GREETINGS);
  return phrase ? found('greeting', max, 'greeted', phrase, first) : missing('greeting', max, 'no_greeting', [first]);
}

/** The ways to address this customer: full name, given name, surname with a form of address (王女士, Ms. Carter). */
export function namesFor(fullName: string): string[] {
  const name = fullName.trim();
  const out = new Set<string>([name, firstNameOf(name)]);
  if (/^\p{Script=Han}+$/u.test(name)) {
    const given = firstNameOf(name);
    const surname = given !== name ? name.slice(0, name.length - given.length) : Array.from(name)[0];
    for (const h of ZH_HONORIFICS) out.add(surname + h);
  } else {
    const parts = name.split(/\s+/u);
    const last = parts[parts.length - 1];
    if (parts.length > 1) for (const h of EN_HONORIFICS) out.add(`${h}. ${last}`).add(`${h} ${last}`);
  }
  return [...out].filter((n) => n.length > 0);
}

/** The customer's name is used at least once. */
export function gradeNameUsed(scenario: TrainingScenario, t: Transcript): Verdict {
  const max = weightOf(scenario, 'name_used');
  const names = namesFor(scenario.persona.name);
  const replies = traineeReplies(t);
  for (const r of replies) {
    const norm = normalizeText(r.text);
    const name = names.find((n) => containsPhrase(norm, n));
    if (name) return found('name_used', max, 'name_used', name, r);
  }
  return missing('name_used', max, 'name_not_used', replies, { name: scenario.persona.name });
}

/** Where an apology is due (an upset customer, a platform fault), some reply apologises. */
export function gradeApology(scenario: TrainingScenario, t: Transcript): Verdict {
  if (!scenario.apologyDue) return { item: 'apology', met: true, points: 0, max: 0, why: { code: 'apology_not_due', params: {} }, quotes: [] };
  const max = weightOf(scenario, 'apology');
  const replies = traineeReplies(t);
  for (const r of replies) {
    const phrase = firstOf(normalizeText(r.text), APOLOGIES);
    if (phrase) return found('apology', max, 'apologised', phrase, r);
  }
  return missing('apology', max, 'no_apology', replies);
}

/** Some reply thanks the customer (for their patience, for the details). */
export function gradeThanks(scenario: TrainingScenario, t: Transcript): Verdict {
  const max = weightOf(scenario, 'thanks');
  const replies = traineeReplies(t);
  for (const r of replies) {
    const phrase = firstOf(normalizeText(r.text), THANKS);
    if (phrase) return found('thanks', max, 'thanked', phrase, r);
  }
  return missing('thanks', max, 'no_thanks', replies);
}

/** The last reply closes the conversation (anything else, have a good day). */
export function gradeClosing(scenario: TrainingScenario, t: Transcript): Verdict {
  const max = weightOf(scenario, 'closing');
  const replies = traineeReplies(t);
  const last = replies[replies.length - 1];
  if (!last) return missing('closing', max, 'no_reply', []);
  const phrase = firstOf(normalizeText(last.text), CLOSINGS);
  return phrase ? found('closing', max, 'closed', phrase, last) : missing('closing', max, 'no_closing', [last]);
}
