import type { Locale } from '../../../../shared/schema';

/** What the bot says around its answers, in the customer's language. */
export const BOT_LINES: Record<Locale, { offer: string; handover: string; thanks: string }> = {
  'zh-CN': {
    offer: '如果没有解决您的问题，回复“转人工”即可联系人工客服。',
    handover: '正在为您转接人工客服，请稍候，我们会尽快回复您。',
    thanks: '不客气，很高兴能帮到您！如还有其他问题，随时告诉我；需要人工服务请回复“转人工”。',
  },
  en: {
    offer: 'If this didn’t solve it, reply “talk to a person” to reach our support team.',
    handover: 'I’m connecting you with a person from our support team now; they will reply as soon as they can.',
    thanks: 'You’re welcome, glad it helped! Anything else, just ask; reply “talk to a person” to reach our team.',
  },
};
