import { describe, expect, it } from 'vitest';
import { beijingDate } from '../../shared/rules/performance/beijingDay';
import { coreSandbox } from './coreSandbox';

/** Training scores feed the performance score (issue 13 → issue 12): the average of practices finished in the period. */
const sb = coreSandbox('kefu-performance-training-');

describe('the training component of the performance score', () => {
  it('is the average score of the agent’s finished practices in the period, and counts in the score', async () => {
    const { core } = await sb.open();
    const today = beijingDate(core.clock.now());
    const before = (await sb.call(core, 'performance.scores', { from: today, to: today })).agents[0];
    expect(before.metrics.trainingScore).toBeNull();
    expect(before.components.find((c: { component: string }) => c.component === 'training')).toMatchObject({ score: null, notEnough: { have: 0, need: 1 } });

    const practice = await sb.call(core, 'training.start', { scenarioId: 'zh-upload-stuck-99' });
    await sb.call(core, 'clock.advance', { ms: 20_000 });
    await sb.call(core, 'conversation.reply', { id: practice.conversationId, body: '周晓雨您好，非常抱歉让您着急了。上传卡在99%通常是视频正在转码，请保持App在前台，切换网络后在草稿箱重新发布。' });
    await sb.call(core, 'clock.advance', { ms: 30_000 });
    const result = await sb.call(core, 'training.finish', { attemptId: practice.attemptId });
    expect(result.attempt.score).not.toBeNull();

    const after = (await sb.call(core, 'performance.scores', { from: today, to: today })).agents[0];
    expect(after.metrics.agentId).toBe('a-lina');
    expect(after.metrics.trainingScore).toBe(result.attempt.score);
    expect(after.components.find((c: { component: string }) => c.component === 'training')).toMatchObject({ value: result.attempt.score, notEnough: null });
  });
});
