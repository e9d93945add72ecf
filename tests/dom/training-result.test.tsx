import { screen, within } from '@testing-library/react';
import { readdirSync, readFileSync } from 'node:fs';
import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttemptResult } from '../../shared/contract/training';
import { ResultView } from '../../renderer/src/panes/training/ResultView';
import { translator } from '../unit/translator';
import { renderApp } from './render';

const T0 = Date.parse('2026-11-24T09:00:00+08:00');

/** An attempt graded the way the core's grader answers (shared/rules/training/*): codes and params, quotes. */
const RESULT: AttemptResult = {
  attempt: { id: 'at-1', scenarioId: 'sc-refund', scenarioTitle: '退款迟迟未到账', agentId: 'a-liuyang', startedAt: T0, finishedAt: T0 + 5 * 60_000, score: 62, state: 'finished' },
  verdicts: [
    { item: 'greeting', met: true, points: 5, max: 5, why: { code: 'greeted', params: { phrase: '您好' } }, quotes: ['您好，王先生，请问有什么可以帮您？'] },
    { item: 'apology', met: false, points: 0, max: 5, why: { code: 'no_apology', params: {} }, quotes: ['退款一般三到五天到账。'] },
    { item: 'response_time', met: false, points: 0, max: 15, why: { code: 'some_over_budget', params: { within: 1, total: 2, budgetSeconds: 120, slowestSeconds: 300 } }, quotes: [] },
    { item: 'category', met: false, points: 0, max: 10, why: { code: 'category_wrong', params: { chosen: 'account', expected: 'payment' } }, quotes: [] },
    { item: 'forbidden_phrases', met: false, points: 0, max: 10, why: { code: 'forbidden_blame', params: { phrase: '是你自己操作错了', count: 1 } }, quotes: ['是你自己操作错了'] },
  ],
  turns: [
    { customer: '我的退款怎么还没到？', customerAt: T0, reply: '您好，王先生，请问有什么可以帮您？', replyAt: T0 + 30_000, responseMs: 30_000, budgetMs: 120_000, impatient: false, notes: [{ code: 'key_point', params: { id: 'kp-greet', label: 'greets', phrase: '您好' } }] },
    { customer: '人呢？？', customerAt: T0 + 200_000, reply: '是你自己操作错了', replyAt: T0 + 500_000, responseMs: 300_000, budgetMs: 120_000, impatient: true, notes: [{ code: 'over_budget', params: { seconds: 300, budgetSeconds: 120 } }, { code: 'forbidden_blame', params: { phrase: '是你自己操作错了' } }] },
    { customer: '算了。', customerAt: T0 + 510_000, reply: null, replyAt: null, responseMs: null, budgetMs: 120_000, impatient: false, notes: [] },
  ],
  chosenCategory: 'account',
  expectedCategory: 'payment',
};

afterEach(() => void i18n.changeLanguage('en'));

describe('the result of a practice', () => {
  it('shows the score, each rubric item met or missed with why in words, quoting the trainee', () => {
    renderApp(<ResultView result={RESULT} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Result: 退款迟迟未到账' })).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Score' })).getByText('62 / 100')).toBeTruthy();
    const rubric = screen.getByRole('list', { name: 'Rubric' });
    const items = within(rubric).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    // Met / missed said in words (not colour alone), with the grader's reason and the trainee's own words.
    const greeting = within(rubric).getByRole('listitem', { name: 'Greeting: Met' });
    expect(greeting.textContent).toContain('Greeted the customer (“您好”).');
    expect(greeting.textContent).toContain('You wrote: “您好，王先生，请问有什么可以帮您？”');
    const apology = within(rubric).getByRole('listitem', { name: 'Apology: Missed' });
    expect(apology.textContent).toContain('No apology, though one was due.');
    expect(apology.textContent).toContain('退款一般三到五天到账。');
    // Seconds are said as durations, categories by name, counts in words.
    const time = within(rubric).getByRole('listitem', { name: 'Response time: Missed' });
    expect(time.textContent).toContain('1 of 2 replies came within 2 minutes; the slowest took 5 minutes.');
    expect(within(rubric).getByRole('listitem', { name: 'Category: Missed' }).textContent).toContain('The category was Account; this issue is about Payment.');
    expect(within(rubric).getByRole('listitem', { name: 'Forbidden phrases: Missed' }).textContent).toContain('Blamed the customer: “是你自己操作错了” (1 in all).');
    expect(screen.getByText('Category chosen: Account; the right one is Payment.')).toBeTruthy();
    // No key path or raw code leaks onto the screen.
    expect(document.body.textContent).not.toMatch(/training\.|no_apology|some_over_budget/);
  });

  it('replays the attempt turn by turn: both sides, response time against the budget, follow-ups and notes', () => {
    renderApp(<ResultView result={RESULT} />);
    const replay = screen.getByRole('list', { name: 'Replay, turn by turn' });
    const turns = within(replay).getAllByRole('listitem', { name: /^Turn \d$/ });
    expect(turns).toHaveLength(3);
    expect(turns[0].textContent).toContain('我的退款怎么还没到？');
    expect(turns[0].textContent).toContain('Answered in 30 seconds (budget 2 minutes)');
    expect(within(turns[0]).getByRole('list', { name: "Grader's notes" }).textContent).toContain('Made the key point “greets” (“您好”).');
    expect(turns[1].textContent).toContain('Follow-up: you were slow');
    expect(turns[1].textContent).toContain('Answered in 5 minutes, over the budget of 2 minutes');
    const notes = within(turns[1]).getByRole('list', { name: "Grader's notes" });
    expect(notes.textContent).toContain('Took 5 minutes, over the 2 minutes budget.');
    expect(notes.textContent).toContain('Blames the customer: “是你自己操作错了”.');
    expect(turns[2].textContent).toContain('No reply before the next message or the end.');
  });

  it('says the same in Chinese, and a code this build does not know without showing a key', async () => {
    await i18n.changeLanguage('zh-CN');
    const unknown = { ...RESULT, verdicts: [...RESULT.verdicts, { item: 'empathy', met: false, points: 0, max: 3, why: { code: 'no_empathy', params: {} }, quotes: [] }] };
    renderApp(<ResultView result={unknown} />);
    expect(screen.getByRole('heading', { level: 2, name: '结果：退款迟迟未到账' })).toBeTruthy();
    const rubric = screen.getByRole('list', { name: '评分项' });
    expect(within(rubric).getByRole('listitem', { name: '致歉: 未达成' }).textContent).toContain('应当致歉，但没有致歉。');
    expect(within(rubric).getByRole('listitem', { name: '分类: 未达成' }).textContent).toContain('会话分类为 账号；此问题属于 支付。');
    expect(within(rubric).getByRole('listitem', { name: 'empathy: 未达成' }).textContent).toContain('评分原因（no_empathy）在此版本中没有对应说明。');
    const replay = screen.getByRole('list', { name: '逐轮回放' });
    expect(within(replay).getAllByRole('listitem', { name: /^第 \d 轮$/ })[1].textContent).toContain('用时 5 分，超出限时 2 分');
  });
});

/**
 * Every reason and note code the grader (shared/rules/training/*) can give, read from its source, has a sentence in
 * both languages: a new code in the grader without one fails here instead of reaching the screen as a fallback.
 */
describe('the grader’s codes in words', () => {
  const dir = 'shared/rules/training';
  const source = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
    .join('\n');
  const codes = new Set<string>();
  for (const m of source.matchAll(/code: (?:met \? )?'([a-z_]+)'(?: : '([a-z_]+)')?/g)) [m[1], m[2]].forEach((c) => c && codes.add(c));
  for (const m of source.matchAll(/(?:found|missing)\('[a-z_]+', max, '([a-z_]+)'/g)) codes.add(m[1]);
  const kinds = [...source.matchAll(/export type ForbiddenKind = ([^;]+);/g)][0][1].match(/'([a-z_]+)'/g)!.map((k) => k.slice(1, -1));
  for (const k of kinds) codes.add(`forbidden_${k}`);
  for (const m of source.matchAll(/'(ended_[a-z_]+|not_reached|customer_left)'/g)) codes.add(m[1]);
  codes.add('ended_resolved').add('ended_escalated');

  it('finds the codes (the scan itself works)', () => {
    expect(codes.size).toBeGreaterThan(30);
    expect(codes).toContain('greeted');
    expect(codes).toContain('forbidden_other_customer_data');
  });

  for (const lng of ['en', 'zh-CN'] as const) {
    it(`has a reason or note sentence for each in ${lng}`, () => {
      const t = translator<(key: string, o?: Record<string, unknown>) => string>(lng);
      const missing = [...codes].filter((c) => t(`training.why.${c}`) === `training.why.${c}` && t(`training.note.${c}`) === `training.note.${c}`);
      expect(missing).toEqual([]);
    });
  }
});
