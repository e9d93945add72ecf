import type { TrainingScenario } from '../../schema/training';
import { quote, roundPoints, weightOf, type Transcript, type Verdict } from './transcript';

export interface Exchange {
  /** The oldest customer message not yet answered when the reply came (as the SLA response clock). */
  owedSince: number;
  replyAt: number | null;
  reply: string | null;
  waitedMs: number;
}

/**
 * The exchanges of a practice: each trainee reply answers everything the customer said since the last reply, timed
 * from the oldest of those messages (a customer chasing with a follow-up does not give the trainee a later start).
 * A customer message still unanswered at the end counts when the conversation had not ended.
 */
export function exchangesOf(t: Transcript): Exchange[] {
  const out: Exchange[] = [];
  let owed: number | null = null;
  for (const m of t.messages) {
    if (m.who === 'customer') owed ??= m.at;
    else if (owed !== null) {
      out.push({ owedSince: owed, replyAt: m.at, reply: m.text, waitedMs: m.at - owed });
      owed = null;
    }
  }
  if (owed !== null && t.end === null) out.push({ owedSince: owed, replyAt: null, reply: null, waitedMs: Math.max(0, t.finishedAt - owed) });
  return out;
}

/** Response time against the turn budget: the share of exchanges answered within it. */
export function gradeResponseTime(scenario: TrainingScenario, t: Transcript): Verdict {
  const max = weightOf(scenario, 'response_time');
  const budgetMs = scenario.turnBudgetSeconds * 1000;
  const ex = exchangesOf(t);
  if (ex.length === 0 || ex.every((e) => e.replyAt === null)) {
    return { item: 'response_time', met: false, points: 0, max, why: { code: 'no_reply', params: { budgetSeconds: scenario.turnBudgetSeconds } }, quotes: [] };
  }
  const within = ex.filter((e) => e.replyAt !== null && e.waitedMs <= budgetMs).length;
  const slow = ex.filter((e) => e.replyAt === null || e.waitedMs > budgetMs);
  const slowest = Math.max(...ex.map((e) => e.waitedMs));
  const met = slow.length === 0;
  return {
    item: 'response_time',
    met,
    points: roundPoints((max * within) / ex.length),
    max,
    why: { code: met ? 'all_within_budget' : 'some_over_budget', params: { within, total: ex.length, budgetSeconds: scenario.turnBudgetSeconds, slowestSeconds: Math.round(slowest / 1000) } },
    quotes: slow.filter((e) => e.reply !== null).slice(0, 3).map((e) => quote(e.reply as string)),
  };
}
