import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutHan } from '../../electron/core/services/bot/segmenter';
import { builtinScenarios } from '../../electron/core/services/training/library';
import { CANNED } from '../../electron/core/seed/phrases';
import { customerStep, impatienceDue, typingDelayMs } from '../../shared/rules/training/branching';
import { gradeCanned, usesCanned } from '../../shared/rules/training/canned';
import { gradeCategory } from '../../shared/rules/training/category';
import { gradeEscalation } from '../../shared/rules/training/escalation';
import { forbiddenIn, gradeForbidden } from '../../shared/rules/training/forbidden';
import { gradeAttempt as grade } from '../../shared/rules/training/grade';
import { NOTE_CODES, VERDICT_CODES } from '../../shared/contract/training';
import { gradeKeyPoints, keyPointCoverage } from '../../shared/rules/training/keyPoints';
import { matchKeyPoints } from '../../shared/rules/training/match';
import { assignmentStatus, suggestNext, trainingScoreOf, weakestItems, type AttemptFacts } from '../../shared/rules/training/progress';
import { gradeResolution } from '../../shared/rules/training/resolution';
import { exchangesOf, gradeResponseTime } from '../../shared/rules/training/responseTime';
import { parseScenarioFile, serializeScenarioFile } from '../../shared/rules/training/scenarioFile';
import { overallScore } from '../../shared/rules/training/score';
import { makeTokenizer } from '../../shared/rules/training/text';
import { gradeApology, gradeClosing, gradeGreeting, gradeNameUsed, gradeThanks, namesFor } from '../../shared/rules/training/tone';
import type { Transcript } from '../../shared/rules/training/transcript';
import type { Category, TrainingEnd, TrainingScenario } from '../../shared/schema';

/** The grader and the simulated customer's rules (shared/rules/training), on scripted transcripts. */
const tokenize = makeTokenizer(cutHan);
/** Grades, remembering every verdict and note code seen (checked against the contract's lists at the end). */
const gradeAttempt: typeof grade = (...args) => {
  const g = grade(...args);
  for (const v of g.verdicts) seenCodes.add(v.why.code);
  for (const t of g.turns) for (const n of t.notes) seenNotes.add(n.code);
  return g;
};
const S = (id: string): TrainingScenario => builtinScenarios().find((s) => s.id === id)!;
const LIB = CANNED.map((c) => ({ shortcut: c.shortcut, title: c.title, body: c.body }));

type Line = ['c' | 't', number, string];
function tx(lines: Line[], o: { finish: number; category: Category | null; end: TrainingEnd | null; escalated?: boolean }): Transcript {
  return {
    messages: lines.map(([who, s, text]) => ({ who: who === 'c' ? 'customer' : 'trainee', at: s * 1000, text })),
    finishedAt: o.finish * 1000,
    chosenCategory: o.category,
    escalated: o.escalated ?? false,
    end: o.end,
    allowedIds: ['c-x1'],
  };
}
const seenCodes = new Set<string>();
const seenNotes = new Set<string>();
const items = (g: { verdicts: { item: string; met: boolean; points: number; max: number }[] }) => Object.fromEntries(g.verdicts.map((v) => [v.item, [v.met, v.points, v.max]]));

describe('grading scripted transcripts with known scores', () => {
  const refund = S('zh-refund-child-topup');
  const double = S('en-double-charge');

  it('zh good: every item met → 100', () => {
    const t = tx(
      [
        ['c', 0, refund.nodes[0].customer],
        ['t', 40, '陈建国您好，理解您的着急，孩子误充值可以提交未成年人退款申请。'],
        ['c', 50, refund.nodes[1].customer],
        ['t', 90, '麻烦提供一下支付凭证或订单号，谢谢您的配合。'],
        ['c', 100, refund.nodes[2].customer],
        ['t', 150, '陈建国您好，您的退款申请（会话号 c-x1）已受理，我们会在 11月26日 18:00 前给您答复，退款将原路退回。一般3个工作日内处理完。还有其他可以帮您的吗？'],
        ['c', 160, refund.nodes[3].customer],
      ],
      { finish: 170, category: 'payment', end: 'resolved' },
    );
    const g = gradeAttempt(refund, t, tokenize, LIB);
    expect(g.verdicts.filter((v) => !v.met)).toEqual([]);
    expect(items(g).apology).toEqual([true, 0, 0]); // not due here
    expect(g.score).toBe(100);
  });

  it('zh mediocre: one slow reply, no name, no closing, two key points and the canned reply missed → 71', () => {
    const t = tx(
      [
        ['c', 0, refund.nodes[0].customer],
        ['t', 60, '您好，可以申请退款。'],
        ['c', 70, refund.nodes[1].customer],
        ['t', 270, '发一下订单号，谢谢。'],
        ['c', 280, refund.nodes[2].customer],
        ['t', 330, '3个工作日内处理。'],
        ['c', 340, refund.nodes[3].customer],
      ],
      { finish: 350, category: 'payment', end: 'resolved' },
    );
    const g = gradeAttempt(refund, t, tokenize, LIB);
    expect(items(g)).toMatchObject({
      response_time: [false, 10, 15],
      key_points: [false, 12, 20],
      greeting: [true, 5, 5],
      name_used: [false, 0, 5],
      thanks: [true, 3, 3],
      closing: [false, 0, 2],
      canned_filled: [false, 0, 5],
      resolution: [true, 10, 10],
    });
    expect(g.score).toBe(71); // 60 of 85
  });

  it('zh bad: blame, a promise, another customer\'s phone, wrong category, slow, never resolved → 0', () => {
    const t = tx(
      [
        ['c', 0, refund.nodes[0].customer],
        ['t', 300, '谁让你把手机给孩子玩的，这个保证全额退款不了。'],
        ['c', 310, refund.nodes[0].fallbacks[0]],
        ['t', 600, '你去找别人吧，上次有个用户 13912345678 也是这样。'],
      ],
      { finish: 700, category: 'other', end: null },
    );
    const g = gradeAttempt(refund, t, tokenize, LIB);
    expect(g.verdicts.find((v) => v.item === 'forbidden_phrases')).toMatchObject({ met: false, why: { code: 'forbidden_blame' } });
    expect(g.verdicts.find((v) => v.item === 'forbidden_phrases')!.quotes).toHaveLength(2);
    expect(g.score).toBe(0);
  });

  it('en good → 100; mediocre → 61; bad (blame, promise, another order id, needless escalation) → 8', () => {
    const good = tx(
      [
        ['c', 0, double.nodes[0].customer],
        ['t', 20, "Hi Daniel, I'm sorry about that! Could you send me the order number from your receipt?"],
        ['c', 30, double.nodes[2].customer],
        ['t', 60, 'Thanks Daniel. Sorry about the duplicate charge, Daniel. The extra amount will be refunded within 3 business days. I am Lina, reply here if it does not arrive. It goes back to the original payment method. Anything else I can help with?'],
        ['c', 70, double.nodes[3].customer],
      ],
      { finish: 80, category: 'payment', end: 'resolved' },
    );
    const g1 = gradeAttempt(double, good, tokenize, LIB);
    expect(g1.verdicts.filter((v) => !v.met)).toEqual([]);
    expect(g1.score).toBe(100);

    const mediocre = tx(
      [
        ['c', 0, double.nodes[0].customer],
        ['t', 100, 'Please send the order number.'],
        ['c', 110, double.nodes[2].customer],
        ['t', 250, 'We will refund it within 3 business days. Have a nice day.'],
        ['c', 260, double.nodes[3].customer],
      ],
      { finish: 270, category: 'payment', end: 'resolved' },
    );
    const g2 = gradeAttempt(double, mediocre, tokenize, LIB);
    expect(items(g2)).toMatchObject({ response_time: [false, 7.5, 15], key_points: [false, 15, 20], apology: [false, 0, 5], closing: [true, 2, 2] });
    expect(g2.score).toBe(61); // 54.5 of 90

    const bad = tx(
      [
        ['c', 0, double.nodes[0].customer],
        ['t', 30, "It's your bank's fault, you should have checked. I promise you it will be fixed. Order PX-20261199-0001 had the same issue."],
        ['c', 40, double.nodes[0].fallbacks[0]],
      ],
      { finish: 500, category: 'account', end: null, escalated: true },
    );
    const g3 = gradeAttempt(double, bad, tokenize, LIB);
    expect(items(g3)).toMatchObject({ response_time: [false, 7.5, 15], escalation: [false, 0, 10], forbidden_phrases: [false, 0, 10] });
    expect(g3.score).toBe(8);
  });

  it('the replay has one turn per customer message with the grader\'s notes', () => {
    const t = tx(
      [
        ['c', 0, double.nodes[0].customer],
        ['t', 150, 'Hi, sorry! What is the order number?'],
        ['c', 160, double.nodes[2].customer],
      ],
      { finish: 170, category: 'payment', end: null },
    );
    const turns = gradeAttempt(double, t, tokenize, LIB).turns;
    expect(turns).toHaveLength(2);
    expect(turns[0]).toMatchObject({ reply: 'Hi, sorry! What is the order number?', responseMs: 150_000, budgetMs: 120_000 });
    expect(turns[0].notes.map((n) => n.code)).toEqual(['over_budget', 'key_point']);
    expect(turns[1]).toMatchObject({ reply: null, replyAt: null, responseMs: null });
  });
});

describe('each rubric item', () => {
  const s = S('zh-upload-stuck-99');
  const one = (text: string, extra: Partial<Transcript> = {}): Transcript => ({ ...tx([['c', 0, s.nodes[0].customer], ['t', 10, text]], { finish: 20, category: 'video_upload', end: null }), ...extra });

  it('key points match paraphrases and either language, not exact text', () => {
    const refund = S('zh-refund-child-topup');
    expect(matchKeyPoints('您可以申请退款，我帮您提交', refund.keyPoints, tokenize).map((h) => h.id)).toContain('refund-request');
    expect(matchKeyPoints('请提交一个退款的申请', refund.keyPoints, tokenize).map((h) => h.id)).toContain('refund-request');
    expect(matchKeyPoints('You can apply for a refund for a minor', refund.keyPoints, tokenize).map((h) => h.id)).toContain('refund-request');
    const double = S('en-double-charge');
    expect(matchKeyPoints('It will be refunded to the same card', double.keyPoints, tokenize).map((h) => h.id)).toEqual(['refund', 'original-method']);
    expect(matchKeyPoints('Refunds take three days', double.keyPoints, tokenize).map((h) => h.id)).toEqual(['refund', 'timeline']);
    expect(matchKeyPoints('好的', double.keyPoints, tokenize)).toEqual([]);
  });

  it('key points: points in proportion, missed ones named', () => {
    const v = gradeKeyPoints(s, keyPointCoverage(s, one('还在转码，请在草稿箱重新发布'), tokenize));
    expect(v).toMatchObject({ met: false, points: 8, max: 20, why: { params: { covered: 2, total: 5 } } });
    expect(String(v.why.params.missed)).toContain('询问 App 版本和手机型号');
  });

  it('response time against the budget on a fake clock, timed from the oldest unanswered message', () => {
    const t = tx([['c', 0, 'a'], ['c', 100, 'chasing'], ['t', 130, 'reply']], { finish: 200, category: null, end: null });
    expect(exchangesOf(t)).toEqual([{ owedSince: 0, replyAt: 130_000, reply: 'reply', waitedMs: 130_000 }]);
    expect(gradeResponseTime(s, t)).toMatchObject({ met: false, points: 0, why: { params: { within: 0, total: 1, slowestSeconds: 130 } } });
    expect(gradeResponseTime(s, tx([['c', 0, 'a'], ['t', 120, 'just in time']], { finish: 500, category: null, end: null }))).toMatchObject({ met: true, points: 15 });
    // A last message left unanswered counts while the conversation had not ended.
    expect(gradeResponseTime(s, tx([['c', 0, 'a'], ['t', 10, 'r'], ['c', 20, 'b']], { finish: 300, category: null, end: null }))).toMatchObject({ points: 7.5 });
    expect(gradeResponseTime(s, tx([['c', 0, 'a'], ['t', 10, 'r'], ['c', 20, 'b']], { finish: 300, category: null, end: 'resolved' }))).toMatchObject({ points: 15 });
    expect(gradeResponseTime(s, tx([['c', 0, 'a']], { finish: 300, category: null, end: null }))).toMatchObject({ met: false, why: { code: 'no_reply' } });
  });

  it('the customer\'s impatience and typing delay, on a fake clock', () => {
    const login = S('en-login-code');
    expect(impatienceDue(login, 0, 0, false, 89_999)).toBeNull();
    expect(impatienceDue(login, 0, 0, false, 90_000)).toEqual({ text: 'hello??', at: 90_000 });
    expect(impatienceDue(login, 90_000, 1, false, 180_000)).toEqual({ text: 'is anyone there', at: 180_000 });
    expect(impatienceDue(login, 180_000, 2, false, 999_000)).toBeNull();
    expect(impatienceDue(login, 0, 0, true, 999_000)).toBeNull();
    expect(impatienceDue(S('zh-phone-rebind'), 0, 0, false, 999_000)).toBeNull();
    expect(typingDelayMs('好的')).toBe(1800);
    expect(typingDelayMs('x'.repeat(500))).toBe(13_500);
  });

  it('category, escalation and resolution', () => {
    expect(gradeCategory(s, one('x'))).toMatchObject({ met: true, points: 10 });
    expect(gradeCategory(s, one('x', { chosenCategory: 'other' }))).toMatchObject({ met: false, why: { params: { chosen: 'other', expected: 'video_upload' } } });
    const severe = S('zh-severe-complaint-fraud');
    expect(gradeEscalation(severe, one('x', { escalated: true }))).toMatchObject({ met: true, points: 10 });
    expect(gradeEscalation(severe, one('x'))).toMatchObject({ met: false, why: { code: 'not_escalated' } });
    expect(gradeEscalation(s, one('x'))).toMatchObject({ max: 0 });
    expect(gradeEscalation(s, one('x', { escalated: true }))).toMatchObject({ met: false, max: 10, why: { code: 'escalated_unneeded' } });
    expect(gradeResolution(severe, one('x', { end: 'escalated' }))).toMatchObject({ met: true });
    expect(gradeResolution(s, one('x', { end: 'escalated' }))).toMatchObject({ met: false });
    expect(gradeResolution(s, one('x', { end: 'abandoned' }))).toMatchObject({ met: false, why: { code: 'customer_left' } });
    expect(gradeResolution(s, one('x'))).toMatchObject({ met: false, why: { code: 'not_reached' } });
  });

  it('tone: greeting in the first reply, name, apology where due, thanks, closing in the last reply', () => {
    expect(gradeGreeting(s, one('您好，请稍等'))).toMatchObject({ met: true, quotes: ['您好，请稍等'] });
    expect(gradeGreeting(s, one('请稍等'))).toMatchObject({ met: false, why: { code: 'no_greeting' }, quotes: ['请稍等'] });
    expect(namesFor('周晓雨')).toEqual(expect.arrayContaining(['周晓雨', '晓雨', '周女士', '周先生']));
    expect(namesFor('Emily Carter')).toEqual(expect.arrayContaining(['Emily Carter', 'Emily', 'ms. Carter']));
    expect(gradeNameUsed(s, one('晓雨，别着急'))).toMatchObject({ met: true });
    expect(gradeNameUsed(s, one('周女士您好'))).toMatchObject({ met: true });
    expect(gradeNameUsed(s, one('您好'))).toMatchObject({ met: false, why: { params: { name: '周晓雨' } } });
    expect(gradeApology(s, one('不好意思让您久等了'))).toMatchObject({ met: true });
    expect(gradeApology(s, one('好的'))).toMatchObject({ met: false, max: 5 });
    expect(gradeApology(S('zh-phone-rebind'), one('好的'))).toMatchObject({ met: true, max: 0 });
    expect(gradeThanks(s, one('感谢您的耐心'))).toMatchObject({ met: true });
    expect(gradeThanks(s, one('好的'))).toMatchObject({ met: false });
    expect(gradeClosing(s, tx([['c', 0, 'a'], ['t', 5, '祝您生活愉快'], ['t', 6, '好的']], { finish: 9, category: null, end: null }))).toMatchObject({ met: false });
    expect(gradeClosing(s, one('还有其他问题随时找我'))).toMatchObject({ met: true });
    expect(gradeGreeting(S('en-login-code'), one('this is odd'))).toMatchObject({ met: false }); // "hi" inside "this" is not a greeting
  });

  it('forbidden: blame, promises, the scenario\'s own list, another customer\'s data (the customer\'s own is fine)', () => {
    const refund = S('zh-refund-child-topup');
    expect(forbiddenIn('这是你自己的问题', refund, [])).toEqual([{ kind: 'blame', phrase: '你自己的问题' }]);
    expect(forbiddenIn('I guarantee it', refund, [])).toEqual([{ kind: 'promise', phrase: 'guarantee' }]);
    expect(forbiddenIn('今天就能到账', refund, [])).toEqual([{ kind: 'scenario', phrase: '今天就能到账' }]);
    expect(forbiddenIn('用户 13912345678 也一样', refund, [])).toEqual([{ kind: 'other_customer_data', phrase: '13912345678' }]);
    expect(forbiddenIn('您的订单 2026112388410 已查到', refund, [])).toEqual([]); // persona.ownData
    expect(forbiddenIn('订单 2026112012345 已查到', refund, ['2026112012345'])).toEqual([]); // said by the customer
    const t = tx([['c', 0, '订单号 2026112000001'], ['t', 5, '订单 2026112000001 查到了'], ['t', 6, '另一个 2026112000002 也是']], { finish: 9, category: null, end: null });
    expect(gradeForbidden(refund, t)).toMatchObject({ met: false, why: { code: 'forbidden_other_customer_data', params: { phrase: '2026112000002' } }, quotes: ['另一个 2026112000002 也是'] });
  });

  it('canned replies: used (even with a sentence added) and filled; a {{ left fails', () => {
    const body = CANNED.find((c) => c.shortcut === 'upload99')!.body;
    expect(usesCanned('周晓雨您好，非常抱歉。上传卡在99%通常是视频正在转码。请保持App在前台等待几分钟；如果超过10分钟，请在草稿箱中重新发布，我也会在后台帮您查看。', body)).toBe(true);
    expect(usesCanned('上传卡在99%了吗', body)).toBe(false);
    // Adapted: one sentence left out still counts (most of the fixed text is there).
    expect(usesCanned('您好，上传卡在99%通常是视频正在转码。请保持App在前台等待几分钟；如果超过10分钟，请在草稿箱中重新发布。', body)).toBe(true);
    expect(gradeCanned(s, one('{{customer.name}}您好'), LIB)).toMatchObject({ met: false, why: { code: 'unfilled_variable' } });
    expect(gradeCanned(s, one('您好'), LIB)).toMatchObject({ met: false, max: 5, why: { code: 'canned_not_used' } });
    expect(gradeCanned(s, one('您好'), [])).toMatchObject({ met: true, max: 0 }); // not in the team's library: does not apply
  });
});

describe('branching on paraphrases', () => {
  const s = S('zh-upload-stuck-99');
  const at = { nodeId: 'start', fallbacksUsed: 0 };
  it('a paraphrase takes the branch; nothing matching gives the fallbacks in turn, the last repeating', () => {
    expect(customerStep(s, at, '应该是后台还在处理，稍等一下', { escalated: false }, tokenize)).toMatchObject({ nodeId: 'tried', branched: true, text: s.nodes[1].customer, fallbacksUsed: 0 });
    expect(customerStep(s, at, 'Your video is still processing', { escalated: false }, tokenize)).toMatchObject({ nodeId: 'tried' });
    const f1 = customerStep(s, at, '您好', { escalated: false }, tokenize);
    expect(f1).toMatchObject({ nodeId: 'start', branched: false, text: s.nodes[0].fallbacks[0], fallbacksUsed: 1 });
    const f2 = customerStep(s, { nodeId: 'start', fallbacksUsed: 1 }, '您好', { escalated: false }, tokenize);
    expect(f2.text).toBe(s.nodes[0].fallbacks[1]);
    expect(customerStep(s, { nodeId: 'start', fallbacksUsed: 5 }, '您好', { escalated: false }, tokenize).text).toBe(s.nodes[0].fallbacks[1]);
    expect(customerStep(s, { nodeId: 'device', fallbacksUsed: 0 }, '我会跟进的', { escalated: false }, tokenize)).toMatchObject({ nodeId: 'done', end: 'resolved' });
  });
  it('the escalated intent comes from the workspace, not from words', () => {
    const severe = S('zh-severe-complaint-fraud');
    expect(customerStep(severe, { nodeId: 'start', fallbacksUsed: 0 }, '好的', { escalated: true }, tokenize)).toMatchObject({ nodeId: 'escalated', end: 'escalated' });
    expect(customerStep(severe, { nodeId: 'start', fallbacksUsed: 0 }, '好的', { escalated: false }, tokenize)).toMatchObject({ branched: false });
  });
});

describe('score properties', () => {
  const verdict = fc.record({ points: fc.double({ min: 0, max: 100, noNaN: true }), max: fc.double({ min: 0, max: 100, noNaN: true }) });
  it('the score is a whole number within 0–100', () => {
    fc.assert(
      fc.property(fc.array(verdict, { maxLength: 14 }), (vs) => {
        const s = overallScore(vs);
        return Number.isInteger(s) && s >= 0 && s <= 100;
      }),
    );
  });
  it('covering one more key point never lowers the score', () => {
    const s = S('en-double-charge');
    const ids = s.keyPoints.map((k) => k.id);
    const others = gradeAttempt(s, tx([['c', 0, 'x'], ['t', 10, 'Hi Daniel']], { finish: 20, category: 'payment', end: null }), tokenize, LIB).verdicts.filter((v) => v.item !== 'key_points');
    fc.assert(
      fc.property(fc.subarray(ids), fc.constantFrom(...ids), (covered, extra) => {
        const before = new Map(covered.map((k) => [k, 'q']));
        const after = new Map([...before, [extra, 'q']]);
        const a = gradeKeyPoints(s, before);
        const b = gradeKeyPoints(s, after);
        return b.points >= a.points && overallScore([...others, b]) >= overallScore([...others, a]);
      }),
    );
  });
});

describe('progress', () => {
  const att = (o: Partial<AttemptFacts>): AttemptFacts => ({ agentId: 'a', scenarioId: 's1', state: 'finished', startedAt: 0, finishedAt: 10, score: 50, verdicts: [], ...o });
  it('assignments: done after a finish since assigned; overdue when not done by the due time', () => {
    const a = { id: 'x', scenarioId: 's1', agentId: 'a', assignedAt: 5, dueAt: 100 };
    expect(assignmentStatus(a, [att({ finishedAt: 4 })], 50)).toEqual({ done: false, overdue: false, bestScore: null });
    expect(assignmentStatus(a, [att({ finishedAt: 4 })], 100)).toEqual({ done: false, overdue: true, bestScore: null });
    expect(assignmentStatus(a, [att({ finishedAt: 6, score: 70 }), att({ finishedAt: 7, score: 90 })], 200)).toEqual({ done: true, overdue: false, bestScore: 90 });
  });
  it('weakest items, worst first, over finished attempts', () => {
    const v = (item: string, met: boolean, max = 5) => ({ item, met, max });
    const w = weakestItems([att({ verdicts: [v('greeting', false), v('closing', true), v('apology', false, 0)] }), att({ verdicts: [v('greeting', false), v('closing', false)] }), att({ state: 'abandoned', score: null, verdicts: [v('closing', false)] })]);
    expect(w).toEqual([{ item: 'greeting', missRate: 1, attempts: 2 }, { item: 'closing', missRate: 0.5, attempts: 2 }]);
  });
  it('suggests: the assignment due first, then the weakest item, then something new, then the lowest score', () => {
    const lib = builtinScenarios();
    const base = { agentId: 'a', locales: ['zh-CN'] as const, library: lib, assignments: [], attempts: [], now: 0 };
    expect(suggestNext({ ...base, assignments: [{ id: '1', scenarioId: 'zh-phone-rebind', agentId: 'a', assignedAt: 0, dueAt: 9 }, { id: '2', scenarioId: 'zh-account-banned', agentId: 'a', assignedAt: 0, dueAt: 5 }] })).toEqual({ scenarioId: 'zh-account-banned', reason: 'assigned_due', item: null });
    const weak = suggestNext({ ...base, attempts: [att({ scenarioId: 'zh-phone-rebind', verdicts: [{ item: 'escalation', met: false, max: 10 }] })] });
    expect(weak).toMatchObject({ reason: 'weak_item', item: 'escalation', scenarioId: 'zh-severe-complaint-fraud' });
    expect(suggestNext(base)).toMatchObject({ reason: 'not_tried', scenarioId: expect.stringMatching(/^zh-/) });
    const all = lib.filter((s) => s.locale === 'zh-CN').map((s, i) => att({ scenarioId: s.id, score: 90 - i }));
    expect(suggestNext({ ...base, attempts: all })).toMatchObject({ reason: 'low_score', scenarioId: lib.filter((s) => s.locale === 'zh-CN').at(-1)!.id });
  });
  it('the training score for performance: average finished score per person per period, null without any', () => {
    const xs = [att({ finishedAt: 10, score: 80 }), att({ finishedAt: 20, score: 65 }), att({ finishedAt: 30, score: 10 }), att({ agentId: 'b', finishedAt: 15, score: 0 }), att({ state: 'abandoned', finishedAt: 12, score: null })];
    expect(trainingScoreOf(xs, 'a', 0, 30)).toBe(72.5);
    expect(trainingScoreOf(xs, 'a', 40, 50)).toBeNull();
    expect(trainingScoreOf(xs, 'b', 0, 100)).toBe(0);
  });
});

describe('the scenario file', () => {
  const one = builtinScenarios()[0];
  it('round-trips, and names line, column and path of each problem', () => {
    const text = serializeScenarioFile([one], 0);
    expect(parseScenarioFile(text)).toEqual({ ok: true, scenarios: [one] });
    const broken = text.replace(`"next": "${one.nodes[0].branches[0].next}"`, '"next": "nowhere"');
    const r = parseScenarioFile(broken);
    const line = broken.split('\n').findIndex((l) => l.includes('"nowhere"')) + 1;
    expect(r).toMatchObject({ ok: false, problems: [{ line, path: '/scenarios/0/nodes/0/branches/0/next', message: 'no node nowhere' }] });
    expect(parseScenarioFile('{\n  "scenarios": [\n    {,\n')).toMatchObject({ ok: false, problems: [{ line: 3, column: 6 }] });
    expect(parseScenarioFile(JSON.stringify([one, one]))).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('Duplicate id') }] });
    expect(parseScenarioFile(JSON.stringify({ ...one, extra: 1 }))).toMatchObject({ ok: false, problems: [{ path: '/extra' }] });
    expect(parseScenarioFile('"x"')).toMatchObject({ ok: false, problems: [{ line: 1 }] });
  });
});

describe('the codes the UI words', () => {
  it('every verdict and note code the grader produced is in the contract\'s lists', () => {
    expect(seenCodes.size).toBeGreaterThan(10);
    for (const c of seenCodes) expect(VERDICT_CODES as readonly string[], c).toContain(c);
    for (const c of seenNotes) expect(NOTE_CODES as readonly string[], c).toContain(c);
  });
});
