/**
 * The tone lexicons (docs/rules.md "Training"): what counts as a greeting, an apology, thanks, a closing, and the
 * phrases no reply may use (blaming the customer, promising what policy forbids). Both languages; matched with
 * `containsPhrase` (substring for Chinese, word boundaries for English).
 */
export const GREETINGS = [
  '您好', '你好', '早上好', '上午好', '下午好', '晚上好', '欢迎', '很高兴为您服务',
  'hello', 'hi', 'hey', 'good morning', 'good afternoon', 'good evening', 'thanks for reaching out', 'thank you for contacting', 'welcome',
] as const;

export const APOLOGIES = [
  '抱歉', '对不起', '不好意思', '给您带来不便', '给您添麻烦', '致歉', '歉意',
  'sorry', 'apologize', 'apologise', 'apologies', 'my apologies',
] as const;

export const THANKS = ['感谢', '谢谢', '多谢', '辛苦您', 'thank you', 'thanks', 'appreciate'] as const;

export const CLOSINGS = [
  '还有其他', '还有什么', '祝您', '再见', '随时联系', '随时找我', '有问题随时', '生活愉快',
  'anything else', 'have a great day', 'have a nice day', 'feel free', 'reach out', 'take care', 'goodbye', 'bye',
] as const;

/** Blaming the customer. */
export const BLAME = [
  '你自己的问题', '是你自己', '你自己没', '怪你', '你的错', '你没看清', '谁让你', '你不会用', '你操作错',
  'your fault', 'you should have', 'your own fault', 'you did it wrong', "you didn't read", 'blame yourself',
] as const;

/** Promises policy forbids: guarantees of an outcome or a time the agent cannot give. */
export const PROMISES = [
  '保证', '百分之百', '一定能解决', '一定能退', '肯定能退', '绝对没问题', '马上到账', '立刻到账',
  'guarantee', '100%', 'i promise', 'promise you', 'definitely be fixed', 'definitely get',
] as const;

/** Words that read as a question to the customer (the `asks_question` intent). */
export const QUESTION_MARKS = ['?', '？', '吗', '请问', '麻烦提供', '能否', 'could you', 'can you', 'please send', 'please share'] as const;

/** Chinese forms of address after a surname (王女士, 陈先生). */
export const ZH_HONORIFICS = ['先生', '女士', '小姐', '老师', '同学'] as const;
/** English forms of address before a surname (Ms. Carter). */
export const EN_HONORIFICS = ['mr', 'mrs', 'ms', 'miss', 'dr'] as const;
