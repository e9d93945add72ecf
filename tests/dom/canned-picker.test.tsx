import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_DEFAULT_AGENT_ID } from '../../electron/core/seed/demoData';
import { renderApp } from './render';
import { ownOpenConversations, ReplyHarness } from './replyBoxHarness';
import { domCore } from './withCore';

const dom = domCore('kefu-dom-canned-');

describe('the / canned-reply picker in the reply box', () => {
  it('filters by shortcut, inserts with variables filled on Enter, and blocks an unfilled variable', async () => {
    const { core } = await dom.open();
    await dom.sandbox.call(core, 'prefs.setLocale', { locale: 'en' });
    // A Chinese-speaking customer: the seeded greeting `/nihao` is theirs.
    const conversation = ownOpenConversations(core, DEMO_DEFAULT_AGENT_ID).find((c) => core.store.get('customers', c.customerId)!.locale === 'zh-CN')!;
    const customer = core.store.get('customers', conversation.customerId)!;
    const user = userEvent.setup();
    renderApp(<ReplyHarness ids={[conversation.id]} />);
    const box = (await screen.findByRole('textbox', { name: 'Reply' })) as HTMLTextAreaElement;

    await user.type(box, '/niha');
    const picker = await screen.findByRole('listbox', { name: 'Canned replies' });
    const options = within(picker).getAllByRole('option');
    expect(options[0].textContent).toContain('问候');
    expect(options[0].getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0].id);
    // Every option left matches what was typed (the shortcut, title, pinyin or body).
    expect(options.every((o) => /nihao|问候|您好/u.test(o.textContent ?? ''))).toBe(true);

    await user.keyboard('{Enter}');
    expect(box.value).toBe(`${customer.name}您好，我是客服林娜，很高兴为您服务，请问有什么可以帮您？`);
    await expect.poll(() => screen.queryByRole('listbox', { name: 'Canned replies' })).toBeNull();
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    expect(send.disabled).toBe(false);

    // A variable nobody filled never reaches the customer: it is named, and sending waits until it is gone.
    fireEvent.change(box, { target: { value: `${box.value} {{order.id}}` } });
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toContain('Fill these in before sending');
    expect(warning.textContent).toContain('{{order.id}}');
    expect(send.disabled).toBe(true);
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await user.click(screen.getByRole('button', { name: 'Select {{order.id}} in the reply' }));
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe('{{order.id}}');
    await user.keyboard('{Backspace}');
    await expect.poll(() => screen.queryByRole('alert')).toBeNull();
    expect(send.disabled).toBe(false);
    await user.click(send);
    await expect
      .poll(() => [...core.store.all('messages').values()].some((m) => m.conversationId === conversation.id && m.body.startsWith(`${customer.name}您好，我是客服林娜`)))
      .toBe(true);
  });
});
