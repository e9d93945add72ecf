/**
 * What the customer says that changes the bot's course, in Chinese and English: asking for a person, saying an
 * answer did not help, or thanking (the answer worked). Phrase lists, matched on the NFKC-normalised lower-cased
 * text; pure.
 */

const norm = (t: string) => t.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const PERSON_ZH = [
  // 人工 alone covers 转人工 / 人工客服 / 找人工 / 接人工服务.
  /人工/, /真人/, /活人/, /客服\s*(人员|小姐姐|小哥哥)/,
  /(不要|别|不想).{0,4}(机器人|自动回复)/, /(叫|找|换|要).{0,3}(你们)?.{0,2}(客服|工作人员|主管|经理)/, /(让|请).{0,4}(人|客服).{0,2}(来|处理|跟我)/,
];
const PERSON_EN = [
  /\b(talk|speak|chat)\s+(to|with)\s+(a|an|some|the|your|real|live)?\s*(real |live |actual )?(human|person|people|agent|someone|somebody|representative|rep|operator|manager|supervisor)\b/,
  /\b(human|real person|live agent|live person|customer service rep)\b/,
  /\b(agent|human|person|operator)\s*(please|pls|plz|now)\b/,
  /\b(get|give|connect|transfer)\s+(me\s+)?(to\s+)?(a|an)?\s*(human|person|agent|representative|operator)\b/,
  /\b(not|no|stop)\s+(a\s+|the\s+|this\s+)?(bot|robot|machine|automated)\b/,
  /\bi\s+(want|need|would like)\s+(a|an|to talk to a|to speak to a|to speak with a)\s*(human|person|agent|representative)\b/,
];

/** The customer asks for a person ("转人工", "人工客服", "talk to a human", "agent please", ...). */
export function asksForPerson(text: string): boolean {
  const t = norm(text);
  return PERSON_ZH.some((r) => r.test(t)) || PERSON_EN.some((r) => r.test(t));
}

const UNHELPFUL_ZH = [/没用/, /没有用/, /不管用/, /不行/, /没解决/, /没有解决/, /还是(不|没|一样|失败|收不到|登不上)/, /试过了/, /答非所问/, /不是这个/, /没帮助/, /没有帮助/, /依然/, /仍然/];
const UNHELPFUL_EN = [
  /\b(didn'?t|doesn'?t|does not|did not|won'?t)\s+(help|work|fix|solve)/, /\bnot\s+(helpful|working|fixed|solved|what i asked)\b/, /\bstill\s+(not|no|doesn'?t|broken|failing|stuck|the same|nothing|can'?t)\b/,
  /\b(already|i) tried (that|this|it)\b/, /\buseless\b/, /\bthat'?s not (it|my (problem|question))\b/, /\bwrong answer\b/, /\bsame (problem|issue|error)\b/,
];

/** The customer says the answer did not help ("没用", "还是不行", "didn't help", "still broken", ...). */
export function saysUnhelpful(text: string): boolean {
  const t = norm(text);
  return UNHELPFUL_ZH.some((r) => r.test(t)) || UNHELPFUL_EN.some((r) => r.test(t));
}

const THANKS = [/谢谢|感谢|多谢|解决了|好了|可以了|搞定|明白了|懂了/, /\b(thanks|thank you|thx|ty|solved|fixed|works now|it worked|got it|perfect|great)\b/];

/** The customer is satisfied ("谢谢，解决了", "thanks, works now"), unless they say in the same breath it did not help. */
export function saysThanks(text: string): boolean {
  const t = norm(text);
  return THANKS.some((r) => r.test(t)) && !saysUnhelpful(t);
}
