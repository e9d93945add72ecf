import { describe, expect, it } from 'vitest';
import { asksForPerson, saysThanks, saysUnhelpful } from '../../shared/rules/handoverTriggers';

/** The phrases that change the bot's course (shared/rules/handoverTriggers.ts), in both languages. */
const ASKS = [
  '转人工', '转人工！！', '我要转人工客服', '人工客服', '人工', '找人工', '接人工服务', '给我换个真人', '我不要机器人，叫你们客服来',
  '别用自动回复了', '有没有活人', '让人来处理一下',
  'talk to a person', 'I want to speak to a human', 'agent please', 'human pls', 'can I talk with a real person?', 'connect me to an agent',
  'transfer me to a representative', 'I need a human', 'not a bot please', 'speak to your manager', 'live agent', 'get me a person now',
];
const NOT_ASKS = ['充值没到账', '我的视频上传失败了', 'my upload failed', 'how do I change my password', '谢谢', 'thanks, that worked', 'the agent on the video is funny?'];

describe('asking for a person', () => {
  it.each(ASKS)('hands over on %j', (t) => expect(asksForPerson(t)).toBe(true));
  it.each(NOT_ASKS)('does not on %j', (t) => expect(asksForPerson(t)).toBe(false));
});

describe('saying it did not help, or thanks', () => {
  it.each(['没用', '还是不行', '试过了，没有用', '答非所问', '还是收不到', "didn't help", 'still not working', 'that does not work', 'I already tried that', 'useless'])(
    'unhelpful: %j',
    (t) => expect(saysUnhelpful(t)).toBe(true),
  );
  it.each(['谢谢，解决了', '好了，可以了', 'thanks!', 'works now, thank you'])('thanks: %j', (t) => {
    expect(saysThanks(t)).toBe(true);
    expect(saysUnhelpful(t)).toBe(false);
  });
  it('thanks said with "it still does not work" is not thanks', () => {
    expect(saysThanks('谢谢，但是还是不行')).toBe(false);
    expect(saysThanks('thanks but still not working')).toBe(false);
  });
});
