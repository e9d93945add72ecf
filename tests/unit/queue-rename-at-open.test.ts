/**
 * The queue keeps, per customer, the conversations its index holds (to re-place them when the customer is renamed).
 * That bookkeeping is filled after the start, not while the first page waits: a customer renamed right after the
 * core opens, before or after that, must be found by the new name in every active conversation the store had at open.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation, Customer } from '../../shared/schema';
import { isActive } from '../../shared/rules/transitions';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { coreSandbox } from './coreSandbox';

const sb = coreSandbox('kefu-queue-rename-open-');

async function renameFirstActiveCustomer(waitForFirstPage: boolean) {
  // As in the app: start-up work waits for the first queue page (firstPageGate.ts).
  const { core } = await sb.open(undefined, undefined, { firstPageFirst: true });
  await core.call('session.signIn', { agentId: LEAD_ID }, 'lead');
  const lead = 'lead';
  if (waitForFirstPage) {
    await core.call('queue.page', { offset: 0, limit: 5 }, lead);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
  }
  const conversations = [...core.store.all('conversations').values()] as Conversation[];
  const c = conversations.find((x) => isActive(x.status))!;
  const customer = core.store.get('customers', c.customerId) as Customer;
  const theirs = conversations.filter((x) => x.customerId === customer.id && isActive(x.status)).map((x) => x.id).sort();
  await core.store.commit([{ op: 'put', coll: 'customers', rec: { ...customer, name: 'Zzrenamed at open' } }]);
  const page = await core.call('queue.page', { offset: 0, limit: 100, filter: { scope: 'team', text: 'zzrenamed at open' } }, lead);
  expect(page.ok).toBe(true);
  const found = (page as { value: { items: { id: string; customerName: string }[] } }).value.items;
  expect(found.map((i) => i.id).sort()).toEqual(theirs);
  expect(new Set(found.map((i) => i.customerName))).toEqual(new Set(['Zzrenamed at open']));
  const old = await core.call('queue.page', { offset: 0, limit: 100, filter: { scope: 'team', text: customer.name.toLocaleLowerCase() } }, lead);
  expect((old as { value: { items: { id: string }[] } }).value.items.filter((i) => theirs.includes(i.id))).toEqual([]);
}

describe('a customer renamed right after the core opens', () => {
  it('before the first page: found by the new name in every one of their active conversations', async () => {
    await renameFirstActiveCustomer(false);
  });
  it('after the first page: the same', async () => {
    await renameFirstActiveCustomer(true);
  });
});
