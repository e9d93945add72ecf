import { describe, expect, it } from 'vitest';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { coreSandbox } from './coreSandbox';

const sb = coreSandbox('kefu-timeline-');

describe('conversation timeline', () => {
  it('shows a re-route by hand as the agent it went to, with the lead\'s note beside it (not raw JSON)', async () => {
    const { core } = await sb.open();
    await sb.call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    const page = await sb.call(core, 'queue.page', { offset: 0, limit: 5, filter: {} }, 'lead');
    const id = page.items[0].id;
    await sb.call(core, 'routing.reroute', { id, toAgentId: 'a-james', note: 'He speaks English with her' }, 'lead');
    const view = await sb.call(core, 'conversation.get', { id }, 'lead');
    const rerouted = view.events.find((e: { action: string }) => e.action === 'conversation.rerouted');
    expect(rerouted).toBeTruthy();
    expect(rerouted.after).toBe(core.store.get('agents', 'a-james')!.name);
    expect(rerouted.note).toBe('He speaks English with her');
  });
});
