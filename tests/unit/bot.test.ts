import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideBotTurn, isUnhelpfulFollowUp, type BotTurnInput } from '../../shared/rules/botDecision';
import { CATEGORIES, DEFAULT_BOT_SETTINGS, type BotState, type Category } from '../../shared/schema';

/** The bot's decision (shared/rules/botDecision.ts): thresholds, hand-over triggers, bypasses, unhelpful answers. */
const answered = (over: Partial<BotState> = {}): BotState => ({ answers: 1, unhelpful: 0, answeredFaqIds: ['faq-1'], categoryGuess: 'payment', confidence: 0.9, transcriptIds: [], ...over });
const input = (over: Partial<BotTurnInput> = {}): BotTurnInput => ({
  chosen: 'payment',
  tier: 'normal',
  state: null,
  guess: { category: 'payment', confidence: 0.9 },
  messageGuess: { category: 'payment', confidence: 0.9 },
  faq: { id: 'faq-2', score: 0.8 },
  asksForPerson: false,
  saysUnhelpful: false,
  saysThanks: false,
  settings: DEFAULT_BOT_SETTINGS,
  ...over,
});

describe('the bot answers when confident', () => {
  it('answers with the FAQ entry and counts it', () => {
    const t = decideBotTurn(input());
    expect(t).toMatchObject({ kind: 'answer', faqId: 'faq-2', state: { answers: 1, answeredFaqIds: ['faq-2'], categoryGuess: 'payment', confidence: 0.9 } });
  });

  it('category confidence: at the threshold answers, just under hands over (low_confidence)', () => {
    const min = DEFAULT_BOT_SETTINGS.minConfidence;
    expect(decideBotTurn(input({ guess: { category: 'payment', confidence: min } })).kind).toBe('answer');
    expect(decideBotTurn(input({ guess: { category: 'payment', confidence: min - 0.001 } }))).toMatchObject({ kind: 'handover', reason: 'low_confidence' });
  });

  it('FAQ similarity: at the threshold answers, under it or no match hands over', () => {
    const min = DEFAULT_BOT_SETTINGS.minFaqScore;
    expect(decideBotTurn(input({ faq: { id: 'f', score: min } })).kind).toBe('answer');
    expect(decideBotTurn(input({ faq: { id: 'f', score: min - 0.001 } }))).toMatchObject({ kind: 'handover', reason: 'low_confidence' });
    expect(decideBotTurn(input({ faq: null }))).toMatchObject({ kind: 'handover', reason: 'low_confidence' });
  });

  it('a guess outside the bot categories hands over; a confident complaint is "complaint_detected"', () => {
    expect(decideBotTurn(input({ guess: { category: 'other', confidence: 0.95 } }))).toMatchObject({ kind: 'handover', reason: 'low_confidence' });
    expect(decideBotTurn(input({ guess: { category: 'complaint', confidence: 0.95 } }))).toMatchObject({ kind: 'handover', reason: 'complaint_detected' });
  });
});

describe('hand-over triggers and bypasses', () => {
  it('complaints and "other" never stay with the bot, however confident', () => {
    for (const chosen of ['complaint', 'other'] as Category[]) expect(decideBotTurn(input({ chosen }))).toMatchObject({ kind: 'handover', reason: 'category' });
  });
  it('asking for a person hands over at once', () => expect(decideBotTurn(input({ asksForPerson: true }))).toMatchObject({ kind: 'handover', reason: 'asked_for_person' }));
  it('VIPs go straight to a person only when the lead says so', () => {
    expect(decideBotTurn(input({ tier: 'vip' })).kind).toBe('answer');
    expect(decideBotTurn(input({ tier: 'vip', settings: { ...DEFAULT_BOT_SETTINGS, vipToHuman: true } }))).toMatchObject({ kind: 'handover', reason: 'vip' });
  });
  it('the bot switched off hands everything over', () => {
    expect(decideBotTurn(input({ settings: { ...DEFAULT_BOT_SETTINGS, enabled: false } }))).toMatchObject({ kind: 'handover', reason: 'bot_off' });
  });
});

describe('two unhelpful answers', () => {
  it('"it did not help" once: another answer; twice: hand-over', () => {
    const first = decideBotTurn(input({ state: answered(), saysUnhelpful: true }));
    expect(first).toMatchObject({ kind: 'answer', state: { unhelpful: 1, answers: 2 } });
    const second = decideBotTurn(input({ state: first.state, saysUnhelpful: true }));
    expect(second).toMatchObject({ kind: 'handover', reason: 'unhelpful', state: { unhelpful: 2 } });
  });

  it('writing again on the same problem counts; a confident new question in another category does not; thanks never', () => {
    const base = { state: answered(), settings: DEFAULT_BOT_SETTINGS, saysUnhelpful: false, saysThanks: false };
    expect(isUnhelpfulFollowUp({ ...base, messageGuess: { category: 'payment', confidence: 0.9 } })).toBe(true);
    expect(isUnhelpfulFollowUp({ ...base, messageGuess: { category: 'other', confidence: 0.1 } })).toBe(true); // "??"
    expect(isUnhelpfulFollowUp({ ...base, messageGuess: { category: 'account', confidence: 0.9 } })).toBe(false);
    expect(isUnhelpfulFollowUp({ ...base, saysThanks: true, messageGuess: { category: 'payment', confidence: 0.9 } })).toBe(false);
    expect(isUnhelpfulFollowUp({ ...base, state: null, saysUnhelpful: true, messageGuess: { category: 'payment', confidence: 0.9 } })).toBe(false);
  });

  it('thanks after an answer is acknowledged, not handed over', () => {
    expect(decideBotTurn(input({ state: answered(), saysThanks: true }))).toMatchObject({ kind: 'acknowledge', state: { unhelpful: 0 } });
  });

  it('the limit is the lead’s setting', () => {
    const settings = { ...DEFAULT_BOT_SETTINGS, unhelpfulLimit: 1 };
    expect(decideBotTurn(input({ state: answered(), saysUnhelpful: true, settings }))).toMatchObject({ kind: 'handover', reason: 'unhelpful' });
  });
});

describe('properties', () => {
  const arb = fc.record({
    chosen: fc.constantFrom<Category>(...CATEGORIES),
    tier: fc.constantFrom<'normal' | 'vip'>('normal', 'vip'),
    conf: fc.double({ min: 0, max: 1, noNaN: true }),
    guess: fc.constantFrom<Category>(...CATEGORIES),
    score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    asks: fc.boolean(),
    unhelpful: fc.boolean(),
    thanks: fc.boolean(),
    prior: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  });
  it('never answers a complaint or "other", a person request, a low confidence, or past the unhelpful limit', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const t = decideBotTurn(
          input({
            chosen: a.chosen,
            tier: a.tier,
            guess: { category: a.guess, confidence: a.conf },
            messageGuess: { category: a.guess, confidence: a.conf },
            faq: a.score === null ? null : { id: 'f', score: a.score },
            asksForPerson: a.asks,
            saysUnhelpful: a.unhelpful,
            saysThanks: a.thanks,
            state: a.prior === null ? null : answered({ unhelpful: a.prior }),
          }),
        );
        if (t.kind !== 'answer') return;
        expect(['account', 'video_upload', 'payment']).toContain(a.chosen);
        expect(a.asks).toBe(false);
        expect(a.conf).toBeGreaterThanOrEqual(DEFAULT_BOT_SETTINGS.minConfidence);
        expect(a.score).not.toBeNull();
        expect(a.score!).toBeGreaterThanOrEqual(DEFAULT_BOT_SETTINGS.minFaqScore);
        expect(t.state.unhelpful).toBeLessThan(DEFAULT_BOT_SETTINGS.unhelpfulLimit);
      }),
      { numRuns: 1000 },
    );
  });
});
