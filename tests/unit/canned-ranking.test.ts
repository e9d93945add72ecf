import { describe, expect, it } from 'vitest';
import { rankCanned, suggestCanned, type RankableReply } from '../../shared/rules/cannedRanking';
import { pinyinInitials } from '../../shared/rules/pinyinInitials';

const reply = (p: Partial<RankableReply> & Pick<RankableReply, 'id' | 'title'>): RankableReply => ({
  body: '',
  shortcut: '',
  category: null,
  locale: 'zh-CN',
  usageCount: 0,
  initials: pinyinInitials(p.title),
  ...p,
});

const library = [
  reply({ id: 'refund', title: '退款申请已受理', shortcut: 'tuikuan', category: 'payment', body: '退款将原路退回', usageCount: 10 }),
  reply({ id: 'topup', title: '充值未到账', shortcut: 'chongzhi', category: 'payment', body: '请提供交易单号', usageCount: 50 }),
  reply({ id: 'upload', title: '上传失败排查', shortcut: 'shangchuan', category: 'video_upload', body: '切换网络后重新上传，退款无关', usageCount: 90 }),
  reply({ id: 'hi', title: 'Greeting', shortcut: 'hi', locale: 'en', body: 'Hi {{customer.first_name}}, how can I help?', usageCount: 5 }),
  reply({ id: 'refund-en', title: 'Refund request received', shortcut: 'refund', locale: 'en', category: 'payment', body: 'Your refund is on its way', usageCount: 1 }),
  reply({ id: 'hist', title: 'Watch history', shortcut: 'wh', locale: 'en', body: 'Say hi to your history', usageCount: 100 }),
];
const noCtx = { category: null, locale: null, lastCustomerMessage: null };
const ids = (q: string, ctx = noCtx) => rankCanned(library, q, ctx).map((r) => r.reply.id);

describe('canned reply ranking', () => {
  it('puts a shortcut prefix before a title match before a body match', () => {
    // "hi": shortcut of Greeting, inside the title "Watch history", and in the body of nothing else first.
    expect(ids('hi')).toEqual(['hi', 'hist']);
    expect(ids('退款')).toEqual(['refund', 'upload']);
    expect(ids('refund')).toEqual(['refund-en']);
  });

  it('finds Chinese titles by pinyin initials', () => {
    expect(pinyinInitials('退款申请已受理')).toBe('tksqysl');
    expect(ids('tk')[0]).toBe('refund');
    expect(ids('czw')).toEqual(['topup']);
  });

  it('is case-insensitive and drops what matches nothing', () => {
    expect(ids('GREET')).toEqual(['hi']);
    expect(ids('zzz')).toEqual([]);
  });

  it('within a tier, prefers what suits the conversation over raw usage', () => {
    const ctx = { category: 'payment' as const, locale: 'zh-CN' as const, lastCustomerMessage: '我充值了但是没到账' };
    // Nothing typed yet: the payment replies in the customer's language lead, the top-up one (shares 充值, 到账) first.
    const all = rankCanned(library, '', ctx).map((r) => r.reply.id);
    expect(all.slice(0, 2)).toEqual(['topup', 'refund']);
    expect(all.indexOf('upload')).toBeGreaterThan(1);
  });

  it('suggests the best few for the category and the last customer message, in the customer’s language', () => {
    expect(suggestCanned(library, { category: 'payment', locale: 'zh-CN', lastCustomerMessage: '我要退款，钱什么时候退回？' })[0].id).toBe('refund');
    expect(suggestCanned(library, { category: 'other', locale: 'zh-CN', lastCustomerMessage: '视频上传失败了' }).map((r) => r.id)).toEqual(['upload']);
    expect(suggestCanned(library, { category: 'payment', locale: 'en', lastCustomerMessage: 'where is my refund' }).map((r) => r.id)).toEqual(['refund-en']);
    // Nothing in common: no suggestions rather than noise.
    expect(suggestCanned(library, { category: 'complaint', locale: 'en', lastCustomerMessage: 'zzz' })).toEqual([]);
  });
});
