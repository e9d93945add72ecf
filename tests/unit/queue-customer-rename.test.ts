import { describe, expect, it } from 'vitest';
import { call, iso, line, newConv, scan, spoolSandbox, T0, write } from './spool-helpers';

const sb = spoolSandbox('kefu-queue-rename-');

/**
 * A customer's new name reaches the queue's text filter at once, without rebuilding the whole queue: the index
 * re-places only that customer's conversations (a spool batch renames or upgrades customers all the time).
 */
describe('the queue when a customer changes', () => {
  it('finds the conversation by the new name and no longer by the old one; others are untouched', async () => {
    const { core, spool } = await sb.open();
    write(
      spool,
      'a.jsonl',
      line(newConv('P-R1', 'p-u-ren', { customer: { id: 'p-u-ren', name: 'Zzoldname', tier: 'normal', locale: 'en' }, category: 'other' })) +
        line(newConv('P-R2', 'p-u-other', { customer: { id: 'p-u-other', name: 'Zzbystander', tier: 'normal', locale: 'en' }, category: 'other' })),
    );
    await scan(core);
    const find = async (text: string) =>
      (await call(core, 'queue.page', { offset: 0, limit: 10, filter: { scope: 'team', text } })).items.map((i: { customerName: string }) => i.customerName);
    expect(await find('Zzoldname')).toEqual(['Zzoldname']);
    const before = await call(core, 'queue.counts', {});

    write(spool, 'b.jsonl', line({ id: 'e-rename-1', at: iso(T0 + 3_000_000), type: 'customer.profile', customerId: 'p-u-ren', name: 'Zznewname' }));
    await scan(core);
    expect(await find('Zznewname')).toEqual(['Zznewname']);
    expect(await find('Zzoldname')).toEqual([]);
    expect(await find('Zzbystander')).toEqual(['Zzbystander']);
    expect(await call(core, 'queue.counts', {})).toEqual(before);
  });
});
