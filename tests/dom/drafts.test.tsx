import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_DEFAULT_AGENT_ID } from '../../electron/core/seed/demoData';
import { resetClientState } from '../../renderer/src/app/clientState';
import { renderApp } from './render';
import { ownOpenConversations, ReplyHarness } from './replyBoxHarness';
import { domCore } from './withCore';

const dom = domCore('kefu-dom-drafts-');

describe('reply box drafts', () => {
  it('keeps a draft across switching conversation, and through unmount and a fresh page (stored in the core)', async () => {
    const { core } = await dom.open();
    await dom.sandbox.call(core, 'prefs.setLocale', { locale: 'en' });
    const [a, b] = ownOpenConversations(core, DEMO_DEFAULT_AGENT_ID).map((c) => c.id);
    const user = userEvent.setup();
    const first = renderApp(<ReplyHarness ids={[a, b]} />);
    const box = await screen.findByRole('textbox', { name: 'Reply' });
    await user.type(box, 'Checking your order now');

    await user.click(screen.getByRole('button', { name: `open ${b}` }));
    await expect.poll(() => (screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).value).toBe('');
    await user.click(screen.getByRole('button', { name: `open ${a}` }));
    expect((screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).value).toBe('Checking your order now');

    // Unmounting stores what waited for the typing pause; a fresh page (caches cleared) reads it from the core.
    first.unmount();
    await expect.poll(async () => (await dom.sandbox.call<{ body: string }>(core, 'draft.get', { conversationId: a })).body).toBe('Checking your order now');
    resetClientState();
    renderApp(<ReplyHarness ids={[a, b]} />);
    await expect.poll(() => (screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).value).toBe('Checking your order now');
  });

  it('counts near the limit and refuses to send over it, keeping the text', async () => {
    const { core } = await dom.open();
    await dom.sandbox.call(core, 'prefs.setLocale', { locale: 'en' });
    const [a] = ownOpenConversations(core, DEMO_DEFAULT_AGENT_ID).map((c) => c.id);
    renderApp(<ReplyHarness ids={[a]} />);
    const box = (await screen.findByRole('textbox', { name: 'Reply' })) as HTMLTextAreaElement;
    const send = screen.getByRole('button', { name: 'Send' });

    fireEvent.change(box, { target: { value: 'x'.repeat(17_999) } });
    expect(screen.queryByText(/\/ 20,000 characters/)).toBeNull();
    fireEvent.change(box, { target: { value: 'x'.repeat(19_000) } });
    const counter = await screen.findByText('19,000 / 20,000 characters');
    expect(box.getAttribute('aria-describedby')).toContain(counter.id);
    expect((send as HTMLButtonElement).disabled).toBe(false);

    fireEvent.change(box, { target: { value: 'x'.repeat(20_050) } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('20,000 characters: this one is 50 over');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain(alert.id);
    expect((send as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(box.value).toHaveLength(20_050);
  });
});
