import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import type { Output } from '../../shared/contract';
import { NoticeCenter } from '../../renderer/src/app/notices/NoticeCenter';
import { renderApp } from './render';
import { domCore } from './withCore';

const dom = domCore('kefu-dom-notices-');
const HOUR = 3600_000;

describe('the notice stack', () => {
  it('shows at most three; "show all N" opens the centre with the rest; a group reads in words; dismiss removes one', async () => {
    const { core } = await dom.open(LEAD_ID);
    const { sandbox } = dom;
    // Eight new VIP conversations nobody owns (their notices go to the leads), all at risk together 10 h later.
    const queue = await sandbox.call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 500 });
    const vip = queue.items.find((i) => i.tier === 'vip')!.customerId;
    for (let i = 0; i < 8; i++) await sandbox.call(core, 'sim.customerMessage', { customerId: vip, category: 'account', subject: `stack ${i}`, body: `stack ${i}` });
    await sandbox.call(core, 'clock.advance', { ms: 10 * HOUR + 60_000 });
    const all = await sandbox.call<Output<'notices.list'>>(core, 'notices.list', {});
    expect(all.length).toBeGreaterThan(3);

    const user = userEvent.setup();
    renderApp(<NoticeCenter onOpen={vi.fn()} />);
    const region = await screen.findByRole('region', { name: 'Notices' });
    const showAll = await within(region).findByRole('button', { name: `Show all ${all.length} notices` });
    expect(within(region).getAllByRole('status')).toHaveLength(3);

    await user.click(showAll);
    // The centre is loaded on first use (React.lazy): give the import time.
    const centre = await screen.findByRole('dialog', { name: 'All notices' }, { timeout: 10_000 });
    expect(within(centre).getAllByRole('status')).toHaveLength(all.length);
    // The conversations beyond the first few crossed together: one notice says how many, in words.
    const group = all.find((n) => n.kind === 'at_risk' && n.count > 1)!;
    expect(group).toBeDefined();
    expect(within(centre).getByText(`${group.count} conversations at risk of breaching`)).toBeTruthy();
    await user.click(within(centre).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // Dismissing the first notice of the stack removes it; the next one moves up.
    const first = all[0];
    await user.click(within(region).getAllByRole('button', { name: `Dismiss: ${first.detail}` })[0]);
    await within(region).findByRole('button', { name: `Show all ${all.length - 1} notices` });
    expect(within(region).getAllByRole('status')).toHaveLength(3);
    expect(within(region).queryAllByRole('button', { name: `Dismiss: ${first.detail}` })).toHaveLength(0);
    expect((await sandbox.call<Output<'notices.list'>>(core, 'notices.list', {})).some((n) => n.id === first.id)).toBe(false);
  });
});
