import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { ComplaintStatus } from '../../renderer/src/panes/complaints/ComplaintStatus';
import { renderApp } from './render';
import { domCore } from './withCore';

const dom = domCore('kefu-dom-complaintstatus-');

/** The complaint line in the conversation's context: status, deadline, severity; nothing for other conversations. */
describe('ComplaintStatus in the context pane', () => {
  it('shows an open complaint’s status and working days left, and nothing for a conversation without a complaint', async () => {
    const { core } = await dom.open(LEAD_ID);
    const list = await dom.sandbox.call<Output<'complaints.list'>>(core, 'complaints.list', {});
    const open = list.items.find((c) => c.status === 'open' || c.status === 'investigating');
    expect(open).toBeDefined();
    const view = renderApp(<ComplaintStatus conversationId={open!.conversationId} />);
    const region = await screen.findByRole('region', { name: 'Complaint' });
    expect(region.textContent).toMatch(/working day/u);

    const page = await dom.sandbox.call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 50 });
    const plain = page.items.find((i) => i.category !== 'complaint')!;
    view.rerender(<ComplaintStatus conversationId={plain.id} />);
    await expect.poll(() => screen.queryByRole('region', { name: 'Complaint' })).toBeNull();
  });
});
