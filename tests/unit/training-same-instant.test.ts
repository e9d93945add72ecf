import { describe, expect, it } from 'vitest';
import { coreSandbox } from './coreSandbox';

/**
 * A reply written in the same millisecond as the customer's message (a paused demo clock, a fast typist with a
 * canned reply) is still a reply to it: the simulated customer answers. The thread's order for equal times is the
 * order the messages were written, not their ids (the customer's and the sandbox's ids come from different factories).
 */
const sb = coreSandbox('kefu-training-instant-');

describe('the simulated customer and same-instant replies', () => {
  it('answers a reply sent at the very instant of its opening message', async () => {
    const { core } = await sb.open();
    await sb.call(core, 'session.signIn', { agentId: 'a-liuyang' }, 't');
    await sb.call(core, 'clock.advance', { ms: 1 });
    const practice = await sb.call(core, 'training.start', { scenarioId: 'zh-upload-stuck-99' }, 't');
    const cid = practice.conversationId;
    // No clock movement between the opening and the reply.
    await sb.call(core, 'conversation.reply', { id: cid, body: '周晓雨您好，非常抱歉让您着急了。上传卡在99%通常是视频正在转码，请保持App在前台，切换网络后在草稿箱重新发布。' }, 't');
    await sb.call(core, 'clock.advance', { ms: 30_000 });
    const thread = (await sb.call(core, 'conversation.get', { id: cid }, 't')).messages.filter((m: { author: string }) => m.author === 'customer');
    expect(thread.length).toBe(2);
    await sb.call(core, 'training.abandon', { attemptId: practice.attemptId }, 't');
  });
});
