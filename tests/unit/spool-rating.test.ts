import { describe, expect, it } from 'vitest';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { call, iso, line, newConv, scan, spoolSandbox, T0, write, append } from './spool-helpers';

const sb = spoolSandbox('kefu-spool-rating-');

/**
 * A rating from the platform is the customer's verdict on whoever resolved the conversation (docs/rules.md
 * "Performance"): not on the owner routing gave it to when someone else (here the lead) resolved it.
 */
describe('a customer.rating from the spool', () => {
  it('is stored for the agent who resolved the conversation', async () => {
    const { core, spool } = await sb.open();
    write(spool, 'a.jsonl', line(newConv('P-RATE', 'p-u-rate', { category: 'other' })));
    await scan(core);
    const link = [...core.store.all('spoolLinks').values()].find((l) => l.externalId === 'P-RATE')!;
    const conv = core.store.get('conversations', link.id)!;
    expect(conv.ownerId ?? conv.assigneeId).not.toBe(LEAD_ID);

    await call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    await call(core, 'conversation.setStatus', { id: conv.id, status: 'resolved' }, 'lead');
    // Resolving made the lead its owner; to tell "who resolved" from "who owns", the latest resolution in the audit
    // trail is a colleague's (as when a colleague resolves for an owner who is away and keeps the ownership).
    core.store.commit([{ op: 'put', coll: 'audit', rec: { id: 'au-test-resolve', at: core.clock.now(), actorId: 'a-chenjing', action: 'conversation.status', targetId: conv.id, before: 'open', after: 'resolved' } }]);
    expect(core.store.get('conversations', conv.id)!.ownerId).toBe(LEAD_ID);

    append(spool, 'a.jsonl', line({ id: 'e-rate-1', at: iso(T0 + 3_500_000), type: 'customer.rating', conversationId: 'P-RATE', score: 5, comment: '很快' }));
    await scan(core);
    const rating = [...core.store.all('ratings').values()].find((r) => r.conversationId === conv.id)!;
    expect(rating).toMatchObject({ agentId: 'a-chenjing', score: 5, comment: '很快' });
  });
});
