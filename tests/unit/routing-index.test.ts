import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { topic, type ChangeEvent, type Output } from '../../shared/contract';
import { coreSandbox } from './coreSandbox';

/**
 * Routing keeps its loads and waiting list as indexes (electron/core/services/routing); these check, through the
 * core, that what it decides outside an import batch still reaches the UI's change feed (routing and the bot are
 * built once per core on the spool importer's context, whose feed collects only while a batch runs), and that the
 * load the lead sees follows assignments.
 */
const { open, call } = coreSandbox('kefu-routing-index-');
const LEAD = 'a-zhaomin';

const asLead = (core: Core) => call(core, 'session.signIn', { agentId: LEAD }, 'lead');
const start = (core: Core, customerId: string, category: string, body: string) =>
  call<{ conversationId: string }>(core, 'sim.botConversation', { customerId, category, body }, 'lead').then((r) => r.conversationId);
const customerOf = (core: Core, locale: 'zh-CN' | 'en', category = 'payment') => {
  const had = new Set([...core.store.all('conversations').values()].filter((c) => c.category === category).map((c) => c.customerId));
  return [...core.store.all('customers').values()].find((c) => c.locale === locale && c.tier === 'normal' && !had.has(c.id))!.id;
};
const settle = () => new Promise((r) => setImmediate(r));

function events(core: Core): ChangeEvent[] {
  const seen: ChangeEvent[] = [];
  core.subscribe((e) => seen.push(e));
  return seen;
}

describe('routing outside an import batch', () => {
  it('a re-route is published to the UI and counted in the load the lead sees', async () => {
    const { core } = await open();
    await asLead(core);
    const id = await start(core, customerOf(core, 'zh-CN'), 'payment', '转人工');
    const before = (await call<Output<'routing.loads'>>(core, 'routing.loads', {}, 'lead')).agents.find((a) => a.id === 'a-chenjing')!.load;
    await settle();
    const seen = events(core);
    await call(core, 'routing.reroute', { id, toAgentId: 'a-chenjing' }, 'lead');
    await settle();
    expect(seen.flatMap((e) => e.topics)).toEqual(expect.arrayContaining([topic.queue, topic.conversation(id)]));
    const after = (await call<Output<'routing.loads'>>(core, 'routing.loads', {}, 'lead')).agents.find((a) => a.id === 'a-chenjing')!.load;
    expect(after).toBe(before + 1);
  });

  it('the queue row names who has a routed conversation (a new customer: no dedicated owner), also after a re-route', async () => {
    const { core } = await open();
    await asLead(core);
    const id = await start(core, customerOf(core, 'zh-CN'), 'payment', '转人工');
    const row = async () => {
      const items = (await call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 500 }, 'lead')).items;
      return items.find((i) => i.id === id)!;
    };
    const routed = core.store.get('conversations', id)!;
    expect(routed.ownerId).toBeNull();
    expect(routed.assigneeId).not.toBeNull();
    expect(await row()).toMatchObject({ ownerName: null, assigneeName: core.store.get('agents', routed.assigneeId!)!.name });
    await call(core, 'routing.reroute', { id, toAgentId: 'a-chenjing' }, 'lead');
    expect((await row()).assigneeName).toBe(core.store.get('agents', 'a-chenjing')!.name);
  });

  it('a waiting conversation routed when an agent comes back is published to the UI', async () => {
    const { core } = await open();
    await asLead(core);
    for (const agentId of ['a-james', 'a-oliver']) {
      const a = core.store.get('agents', agentId)!;
      core.store.commit([{ op: 'put', coll: 'agents', rec: { ...a, presence: 'away' } }]);
    }
    await call(core, 'agent.setPresence', { presence: 'away' });
    const lina = core.store.get('agents', 'a-lina')!;
    core.store.commit([{ op: 'put', coll: 'agents', rec: { ...lina, capacity: 60 } }]);
    const id = await start(core, customerOf(core, 'en'), 'payment', 'talk to a person please');
    expect(core.store.get('conversations', id)!.routing?.state).toBe('waiting');
    await settle();
    const seen = events(core);
    await call(core, 'agent.setPresence', { presence: 'online' });
    await settle();
    expect(core.store.get('conversations', id)!.assigneeId).toBe('a-lina');
    expect(seen.flatMap((e) => e.topics)).toContain(topic.conversation(id));
  });
});
