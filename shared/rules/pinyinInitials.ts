import { pinyin } from 'pinyin-pro';

/**
 * "tksqysl" for 退款申请已受理: the first letter of each character's pinyin, lower case, with Latin letters and
 * digits kept as they are, so typing `/tk` in the reply box finds 退款 replies. Computed in the core (pinyin-pro
 * is large) and sent with each canned reply.
 */
export function pinyinInitials(text: string): string {
  if (!text) return '';
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/gu, '');
}
