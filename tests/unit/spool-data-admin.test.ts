import { describe, expect, it } from 'vitest';
import { call, line, msg, newConv, scan, spoolSandbox, write } from './spool-helpers';

const sb = spoolSandbox('kefu-spool-erase-');

/**
 * A customer's data request (export, delete) covers what the spool brought in about them too: the link from the
 * platform's conversation id to the desk's, and lines set aside in quarantine that name them. Someone else's stay.
 */
describe('customer data requests and the spool', () => {
  it('export lists and delete removes the customer’s spool links and quarantined lines, nobody else’s', async () => {
    const { core, spool } = await sb.open();
    const broken = { ...msg('P-A1', 'x'), body: '' }; // fails the schema: quarantined, with the conversation's platform id
    const brokenB = { ...msg('P-B1', 'x'), body: '' };
    write(
      spool,
      'in.jsonl',
      line(newConv('P-A1', 'p-u-alice', { customer: { id: 'p-u-alice', name: 'Alice', tier: 'normal', locale: 'en' } })) +
        line(newConv('P-B1', 'p-u-bob', { customer: { id: 'p-u-bob', name: 'Bob', tier: 'normal', locale: 'en' } })) +
        line(broken) +
        line(brokenB) +
        '{"id":"e-torn","type":"customer.message","customerId":"p-u-alice"\n', // malformed JSON naming her
    );
    const st = await scan(core);
    expect(st.quarantined).toBe(3);

    await call(core, 'session.signIn', { agentId: 'a-zhaomin' }, 'lead');
    const exp = await call(core, 'customer.export', { customerId: 'p-u-alice' }, 'lead');
    expect(exp.document.counts.spoolLinks).toBe(1);
    expect(exp.document.counts.spoolQuarantine).toBe(2);
    expect(exp.document.collections.spoolLinks[0].externalId).toBe('P-A1');

    const del = await call(core, 'customer.delete', { customerId: 'p-u-alice', confirmName: 'Alice' }, 'lead');
    expect(del.counts.spoolLinks).toBe(1);
    expect(del.counts.spoolQuarantine).toBe(2);
    const links = [...core.store.all('spoolLinks').values()].map((l) => l.externalId);
    expect(links).toContain('P-B1');
    expect(links).not.toContain('P-A1');
    const raws = [...core.store.all('spoolQuarantine').values()].map((q) => q.raw);
    expect(raws).toHaveLength(1);
    expect(raws[0]).toContain('P-B1');
  });
});
