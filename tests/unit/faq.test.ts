import { describe, expect, it } from 'vitest';
import { buildFaqIndex, matchFaq, replyLocale } from '../../shared/rules/faq';
import { builtinFaq, effectiveFaq } from '../../electron/core/services/bot/knowledge';
import { featuresOf } from '../../electron/core/services/bot/model';
import { BOT_CATEGORIES, FaqFile, type FaqRecord } from '../../shared/schema';
import faqJson from '../../shared/data/faq.json';

/** The FAQ knowledge base and the nearest-entry match (shared/rules/faq.ts). */
describe('the built-in knowledge base', () => {
  it('passes its schema, with ≥ 10 entries per bot category, each in Chinese and English', () => {
    const parsed = FaqFile.parse(faqJson);
    for (const c of BOT_CATEGORIES) expect(parsed.entries.filter((e) => e.category === c).length).toBeGreaterThanOrEqual(10);
    expect(builtinFaq().length).toBe(parsed.entries.length);
  });
  it('a malformed file is refused with the field named', () => {
    const r = FaqFile.safeParse({ version: 1, entries: [{ id: 'x', category: 'payment', questions: { 'zh-CN': [], en: ['q'] }, answer: { 'zh-CN': 'a', en: 'a' } }] });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error!.issues[0].path)).toContain('zh-CN');
  });
});

describe('matching a message to an entry', () => {
  const index = buildFaqIndex(builtinFaq(), featuresOf);
  it.each([
    ['充值了但是抖币一直没到账', 'payment', 'faq-pay-not-credited'],
    ['怎么关闭自动续费', 'payment', 'faq-pay-auto-renew'],
    ['I was charged twice for one order', 'payment', 'faq-pay-double'],
    ['视频上传卡在99%不动了', 'video_upload', 'faq-vid-99'],
    ['my video looks blurry after posting', 'video_upload', 'faq-vid-blurry'],
    ['忘记密码了怎么办', 'account', 'faq-acc-password'],
    ['someone hacked my account', 'account', 'faq-acc-hacked'],
  ] as const)('%j → %s / %s', (text, category, id) => {
    const [best] = matchFaq(index, featuresOf(text), { category });
    expect(best.entry.id).toBe(id);
    expect(best.score).toBeGreaterThan(0.3);
  });

  it('leaves out answers already given and other categories; nothing in common → no match', () => {
    const all = matchFaq(index, featuresOf('充值没到账'), { category: 'payment', limit: 5 });
    const next = matchFaq(index, featuresOf('充值没到账'), { category: 'payment', exclude: [all[0].entry.id] });
    expect(next[0].entry.id).not.toBe(all[0].entry.id);
    expect(matchFaq(index, featuresOf('充值没到账'), { category: 'account' }).every((m) => m.entry.category === 'account')).toBe(true);
    expect(matchFaq(index, featuresOf('zzzq'))).toEqual([]);
  });

  it('answers in the language the customer wrote in, else their profile language', () => {
    expect(replyLocale('my video upload failed', 'zh-CN')).toBe('en');
    expect(replyLocale('视频上传失败 help', 'en')).toBe('zh-CN');
    expect(replyLocale('😭😭', 'en')).toBe('en');
  });
});

describe('a lead’s edits over the built-in entries', () => {
  const rec = (over: Partial<FaqRecord>): FaqRecord => ({ ...builtinFaq()[0], deleted: false, updatedAt: 1, updatedBy: 'a-zhaomin', ...over });
  it('replace by id (edited), add (added) and hide (deleted)', () => {
    const first = builtinFaq()[0];
    const eff = effectiveFaq([rec({ answer: { 'zh-CN': '新答案', en: 'new' } }), rec({ id: 'faq-new-one' }), rec({ id: builtinFaq()[1].id, deleted: true })]);
    expect(eff.find((e) => e.entry.id === first.id)).toMatchObject({ origin: 'edited', entry: { answer: { en: 'new' } } });
    expect(eff.find((e) => e.entry.id === 'faq-new-one')?.origin).toBe('added');
    expect(eff.some((e) => e.entry.id === builtinFaq()[1].id)).toBe(false);
    expect(eff.length).toBe(builtinFaq().length);
  });
});
