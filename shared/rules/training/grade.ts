import type { KeyPoint, TrainingScenario } from '../../schema/training';
import { gradeCanned, hasUnfilledVariable, usesCanned } from './canned';
import { gradeCategory } from './category';
import { gradeEscalation } from './escalation';
import { forbiddenIn, gradeForbidden, numbersIn } from './forbidden';
import { gradeKeyPoints, keyPointCoverage } from './keyPoints';
import { matchKeyPoints } from './match';
import { gradeResolution } from './resolution';
import { gradeResponseTime } from './responseTime';
import { overallScore } from './score';
import type { Tokenize } from './text';
import { gradeApology, gradeClosing, gradeGreeting, gradeNameUsed, gradeThanks } from './tone';
import type { CannedTemplate, Params, Transcript, Verdict } from './transcript';

/** One turn of the replay (the contract's ReplayTurn). */
export interface Turn {
  customer: string;
  customerAt: number;
  reply: string | null;
  replyAt: number | null;
  responseMs: number | null;
  budgetMs: number;
  impatient: boolean;
  notes: { code: string; params: Params }[];
}

export interface Grade {
  score: number;
  verdicts: Verdict[];
  turns: Turn[];
}

/**
 * The replay: one turn per customer message with the trainee's replies until the next one, timed from the oldest
 * unanswered customer message, and the grader's notes on those replies (key points made, forbidden phrases, canned
 * replies, over the budget).
 */
export function replayTurns(scenario: TrainingScenario, t: Transcript, tokenize: Tokenize, library: readonly CannedTemplate[]): Turn[] {
  const budgetMs = scenario.turnBudgetSeconds * 1000;
  const label = (k: KeyPoint) => k.label;
  const mayQuote = [...t.allowedIds, ...t.messages.filter((m) => m.who === 'customer').flatMap((m) => numbersIn(m.text))];
  const turns: Turn[] = [];
  let owed: number | null = null;
  for (let i = 0; i < t.messages.length; i++) {
    const m = t.messages[i];
    if (m.who !== 'customer') continue;
    owed ??= m.at;
    const replies: typeof t.messages = [];
    for (let j = i + 1; j < t.messages.length && t.messages[j].who === 'trainee'; j++) replies.push(t.messages[j]);
    const turn: Turn = { customer: m.text, customerAt: m.at, reply: null, replyAt: null, responseMs: null, budgetMs, impatient: m.impatient === true, notes: [] };
    if (replies.length > 0) {
      const text = replies.map((r) => r.text).join('\n');
      turn.reply = text;
      turn.replyAt = replies[0].at;
      turn.responseMs = Math.max(0, replies[0].at - owed);
      owed = null;
      if (turn.responseMs > budgetMs) turn.notes.push({ code: 'over_budget', params: { seconds: Math.round(turn.responseMs / 1000), budgetSeconds: scenario.turnBudgetSeconds } });
      for (const hit of matchKeyPoints(text, scenario.keyPoints, tokenize)) {
        const k = scenario.keyPoints.find((x) => x.id === hit.id)!;
        turn.notes.push({ code: 'key_point', params: { id: k.id, label: label(k), phrase: hit.phrase } });
      }
      for (const r of replies) for (const f of forbiddenIn(r.text, scenario, mayQuote)) turn.notes.push({ code: `forbidden_${f.kind}`, params: { phrase: f.phrase } });
      for (const r of replies) if (hasUnfilledVariable(r.text)) turn.notes.push({ code: 'unfilled_variable', params: {} });
      for (const c of library) if (scenario.expectedCanned.includes(c.shortcut) && replies.some((r) => usesCanned(r.text, c.body))) turn.notes.push({ code: 'canned_used', params: { shortcut: c.shortcut, title: c.title } });
    }
    turns.push(turn);
  }
  return turns;
}

/** Grades a practice: every rubric item (shared/rules/training/*), the score, and the replay. Pure. */
export function gradeAttempt(scenario: TrainingScenario, t: Transcript, tokenize: Tokenize, library: readonly CannedTemplate[]): Grade {
  const verdicts: Verdict[] = [
    gradeResponseTime(scenario, t),
    gradeCategory(scenario, t),
    gradeKeyPoints(scenario, keyPointCoverage(scenario, t, tokenize)),
    gradeGreeting(scenario, t),
    gradeNameUsed(scenario, t),
    gradeApology(scenario, t),
    gradeThanks(scenario, t),
    gradeClosing(scenario, t),
    gradeForbidden(scenario, t),
    gradeCanned(scenario, t, library),
    gradeEscalation(scenario, t),
    gradeResolution(scenario, t),
  ];
  return { score: overallScore(verdicts), verdicts, turns: replayTurns(scenario, t, tokenize, library) };
}
