import { screen, within } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import type { QueueFilterInput } from '../../shared/schema/savedView';
import { PAGE_SIZE, useQueuePages } from '../../renderer/src/panes/queue/useQueuePages';
import { holdCalls } from './kefuWindow';
import { renderApp } from './render';
import { domCore } from './withCore';

const dom = domCore('kefu-dom-queuepages-');

/**
 * What the queue pane shows through the hook, without the virtualiser: the total, the rows `first..last` (a row not
 * loaded yet reads "…"), and where the focused row (the anchor) sits after the latest refresh.
 */
function Rows({ filter, first, last, anchorId = null }: { filter: QueueFilterInput; first: number; last: number; anchorId?: string | null }) {
  const { total, itemAt, ensureRange, anchor } = useQueuePages(filter, anchorId);
  useEffect(() => ensureRange(first, last), [first, last, ensureRange]);
  const shown = total === null ? [] : Array.from({ length: Math.max(0, Math.min(last, total - 1) - first + 1) }, (_, i) => first + i);
  return (
    <>
      <p aria-label="total">{total ?? 'loading'}</p>
      <p aria-label="anchor">{anchor ? `${anchor.id}@${anchor.index}` : 'none'}</p>
      <ol aria-label="rows">
        {shown.map((i) => (
          <li key={i}>{itemAt(i)?.subject ?? '…'}</li>
        ))}
      </ol>
    </>
  );
}

const total = () => screen.getByLabelText('total').textContent;
const rows = () => within(screen.getByRole('list', { name: 'rows' })).queryAllByRole('listitem').map((li) => li.textContent);
const TEAM: QueueFilterInput = { scope: 'team' };

describe('useQueuePages against the real core', () => {
  it('loads the first page in the core’s order, and a further page only when its rows are asked for', async () => {
    const { core } = await dom.open();
    const all = await dom.sandbox.call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 500, filter: TEAM });
    expect(all.total).toBeGreaterThan(PAGE_SIZE + 50); // the demo queue spans more than one page
    const subjects = all.items.map((i) => i.subject);

    const view = renderApp(<Rows filter={TEAM} first={0} last={9} />);
    await expect.poll(total).toBe(String(all.total));
    await expect.poll(rows).toEqual(subjects.slice(0, 10));

    // Scrolled to rows 140–149 (page 2 of 100): they load, in order.
    view.rerender(<Rows filter={TEAM} first={140} last={149} />);
    await expect.poll(rows).toEqual(subjects.slice(140, 150));
  });

  it('refreshes when a customer writes and when the agent replies: rows, order, total and the focused row follow', async () => {
    const { core } = await dom.open();
    const first = await dom.sandbox.call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 500 });
    const vip = first.items.find((i) => i.tier === 'vip')!.customerId;
    const normal = first.items.find((i) => i.tier === 'normal')!.customerId;
    const tag = `分页测试-${Date.now()}`;
    const filter: QueueFilterInput = { scope: 'team', text: tag };

    const write = (customerId: string, subject: string) =>
      dom.sandbox.call<Output<'sim.customerMessage'>>(core, 'sim.customerMessage', { customerId, category: 'account', subject, body: subject });
    const older = await write(normal, `${tag} 普通`);
    const view = renderApp(<Rows filter={filter} first={0} last={9} anchorId={older.conversationId} />);
    await expect.poll(total).toBe('1');
    await expect.poll(rows).toEqual([`${tag} 普通`]);

    // A VIP writes: 12 h beats 24 h, so the new conversation goes on top and the focused row moves down one.
    await write(vip, `${tag} 贵宾`);
    await expect.poll(total).toBe('2');
    await expect.poll(rows).toEqual([`${tag} 贵宾`, `${tag} 普通`]);
    await expect.poll(() => screen.getByLabelText('anchor').textContent).toBe(`${older.conversationId}@1`);

    // The agent answers the VIP: nothing is owed to them any more, so the normal customer (still waiting) comes first.
    const vipRow = await dom.sandbox.call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 1, filter });
    await dom.sandbox.call(core, 'conversation.reply', { id: vipRow.items[0].id, body: '您好，已为您处理' });
    await expect.poll(rows).toEqual([`${tag} 普通`, `${tag} 贵宾`]);
    await expect.poll(() => screen.getByLabelText('anchor').textContent).toBe(`${older.conversationId}@0`);

    // Resolved, it leaves the queue.
    await dom.sandbox.call(core, 'conversation.setStatus', { id: vipRow.items[0].id, status: 'resolved' });
    await expect.poll(total).toBe('1');
    await expect.poll(rows).toEqual([`${tag} 普通`]);
    view.unmount();
  });

  it('a new filter starts again from the top with that filter’s total', async () => {
    const { core } = await dom.open();
    const mine = await dom.sandbox.call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 5, filter: { scope: 'mine' } });
    const team = await dom.sandbox.call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 5, filter: TEAM });
    expect(mine.total).toBeLessThan(team.total);

    const view = renderApp(<Rows filter={TEAM} first={0} last={4} />);
    await expect.poll(total).toBe(String(team.total));
    view.rerender(<Rows filter={{ scope: 'mine' }} first={0} last={4} />);
    await expect.poll(total).toBe(String(mine.total));
    await expect.poll(rows).toEqual(mine.items.map((i) => i.subject));
  });

  it('changes faster than the core answers (a spool import): rows scrolled to still load, the answer in flight is shown', async () => {
    const { core } = await dom.open();
    const all = await dom.sandbox.call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 500, filter: TEAM });
    const subjects = all.items.map((i) => i.subject);
    const someone = all.items[0].customerId;
    const view = renderApp(<Rows filter={TEAM} first={0} last={9} />);
    await expect.poll(rows).toEqual(subjects.slice(0, 10));

    const slow = holdCalls(['queue.page', 'queue.indexOf']);
    try {
      const change = (n: number) => dom.sandbox.call(core, 'sim.customerMessage', { customerId: someone, conversationId: all.items[0].id, body: `还在吗 ${n}` });
      await change(1); // a batch lands: the pages in view refetch (held: the core is busy importing)
      await expect.poll(() => slow.waiting()).toBe(1);
      view.rerender(<Rows filter={TEAM} first={140} last={149} />); // the agent scrolls on: page 2 is fetched
      await expect.poll(() => slow.waiting()).toBe(2);
      await change(2); // another batch before any answer
      await change(3);
      // The two answers out land: the scrolled-to rows show (they were thrown away as "superseded" before).
      slow.release(2);
      await expect.poll(rows).toEqual(subjects.slice(140, 150));
      // And the changes meanwhile are caught up by one more refresh, not one per change.
      await expect.poll(() => slow.waiting()).toBe(1);
    } finally {
      slow.stop();
    }
  });
});
