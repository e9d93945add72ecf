import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import type { QueueFilter, QueueFilterInput } from '../../shared/schema/savedView';
import { SessionProvider } from '../../renderer/src/app/session';
import { EMPTY_FILTER } from '../../renderer/src/panes/queue/filterModel';
import { QueueFilters } from '../../renderer/src/panes/queue/QueueFilters';
import { useQueuePages } from '../../renderer/src/panes/queue/useQueuePages';
import { renderApp } from './render';
import { domCore } from './withCore';

const dom = domCore('kefu-dom-queuefilters-');

/** The filter bar over the queue's total, as the pane wires them (without the virtualised rows). */
function Bar() {
  const [filter, setFilter] = useState<QueueFilter>(EMPTY_FILTER);
  const textRef = useRef<HTMLInputElement>(null);
  const { total } = useQueuePages(filter, null);
  return (
    <>
      <QueueFilters filter={filter} onChange={setFilter} textRef={textRef} />
      <p aria-label="total">{total ?? 'loading'}</p>
    </>
  );
}

const shown = () => screen.getByLabelText('total').textContent;
/** What the core counts for a filter (the bar must show the same). */
async function coreTotal(core: Parameters<typeof dom.sandbox.call>[0], filter: QueueFilterInput) {
  return String((await dom.sandbox.call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 1, filter })).total);
}

async function open() {
  // James works in English: the bar's names are the English ones.
  const { core } = await dom.open('a-james');
  renderApp(
    <SessionProvider fallback={null}>
      <Bar />
    </SessionProvider>,
  );
  await screen.findByRole('button', { name: /^Filters/ });
  await expect.poll(shown).toBe(await coreTotal(core, {}));
  return core;
}

describe('the queue filter bar', () => {
  it('filters through the popover, shows one removable chip per active filter, and clears all in one click', async () => {
    const core = await open();
    const user = userEvent.setup();
    expect(screen.queryByRole('group', { name: 'Active filters' })).toBeNull();

    const button = screen.getByRole('button', { name: /^Filters/ });
    await user.click(button);
    const category = await screen.findByRole('group', { name: 'Category' });
    await user.click(within(category).getByRole('checkbox', { name: 'Payment' }));
    await user.click(within(screen.getByRole('group', { name: 'Tier' })).getByRole('checkbox', { name: 'VIP' }));
    await expect.poll(shown).toBe(await coreTotal(core, { categories: ['payment'], tiers: ['vip'] }));
    // Esc closes the popover and gives the focus back to its button, which now counts the filters on.
    await user.keyboard('{Escape}');
    await expect.poll(() => screen.queryByRole('group', { name: 'Category' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Filters 2' }));

    const active = screen.getByRole('group', { name: 'Active filters' });
    expect(within(active).getByText('Category: Payment')).toBeTruthy();
    expect(within(active).getByText('Tier: VIP')).toBeTruthy();
    await user.click(within(active).getByRole('button', { name: 'Remove filter Tier VIP' }));
    await expect.poll(shown).toBe(await coreTotal(core, { categories: ['payment'] }));
    expect(within(active).queryByText('Tier: VIP')).toBeNull();

    await user.click(within(screen.getByRole('radiogroup', { name: 'Show' })).getByRole('radio', { name: 'Mine' }));
    await expect.poll(shown).toBe(await coreTotal(core, { scope: 'mine', categories: ['payment'] }));

    await user.click(within(active).getByRole('button', { name: 'Clear all' }));
    await expect.poll(shown).toBe(await coreTotal(core, {}));
    expect(screen.queryByRole('group', { name: 'Active filters' })).toBeNull();
    expect((screen.getByRole('radio', { name: 'Team' }) as HTMLInputElement).checked).toBe(true);
  });

  it('saves the current filters as a view, applies it later, and deletes it', async () => {
    const core = await open();
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Filter text' }), '退款');
    await user.click(screen.getByRole('button', { name: /^Filters/ }));
    await user.click(within(await screen.findByRole('group', { name: 'Urgency' })).getByRole('checkbox', { name: 'Breached' }));
    await user.keyboard('{Escape}');
    const filtered = await coreTotal(core, { text: '退款', urgencies: ['breached'] });
    await expect.poll(shown).toBe(filtered);

    await user.click(screen.getByRole('button', { name: 'Views' }));
    expect(await screen.findByText(/No saved views yet/)).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'New view name' }), 'Late refunds');
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    // The filters now are that view: the button names it.
    await screen.findByRole('button', { name: 'View: Late refunds' });
    await user.keyboard('{Escape}');

    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    await expect.poll(shown).toBe(await coreTotal(core, {}));
    await user.click(screen.getByRole('button', { name: 'Views' }));
    await user.click(within(await screen.findByRole('list', { name: 'Saved views' })).getByRole('button', { name: 'Late refunds' }));
    await expect.poll(shown).toBe(filtered);
    expect((screen.getByRole('searchbox', { name: 'Filter text' }) as HTMLInputElement).value).toBe('退款');
    expect(screen.getByText('Urgency: Breached')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'View: Late refunds' }));
    await user.click(await screen.findByRole('button', { name: 'Delete saved view Late refunds' }));
    await screen.findByText(/No saved views yet/);
    expect(await dom.sandbox.call(core, 'views.list', {}, 's1')).toEqual([]);
  });
});
