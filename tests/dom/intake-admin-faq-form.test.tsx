import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { FaqTab } from '../../renderer/src/panes/intake-admin/FaqTab';
import { renderApp } from './render';
import { domCore } from './withCore';

const dom = domCore('kefu-dom-intake-faq-');
const LEAD = 'a-zhaomin';

/** The error a field shows: the alert among the field's own descriptions (what a screen reader reads with it). */
function errorOf(label: string): string | null {
  const field = screen.getByLabelText(label);
  if (field.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/u).filter(Boolean);
  const alerts = ids.map((id) => document.getElementById(id)).filter((e) => e?.getAttribute('role') === 'alert');
  return alerts.map((e) => e!.textContent).join(' ') || null;
}

async function open() {
  const { core } = await dom.open(LEAD);
  const user = userEvent.setup();
  renderApp(<FaqTab />);
  await screen.findByRole('region', { name: 'Payment' });
  return { core, user };
}

describe("the lead's FAQ form", () => {
  it("puts each of the core's reasons under its field, and saves once they are fixed", async () => {
    const { core, user } = await open();
    await user.click(screen.getByRole('button', { name: 'Add an entry' }));
    const form = await screen.findByRole('form', { name: 'New FAQ entry' });
    await user.type(within(form).getByLabelText('Entry id'), 'Coupon FAQ!');
    await user.type(within(form).getByLabelText('English questions (one per line)'), 'where is my coupon\n\n');
    await user.type(within(form).getByLabelText('English answer'), '   ');
    await user.click(within(form).getByRole('button', { name: 'Save entry' }));

    await expect.poll(() => errorOf('Entry id')).toBe('The id is not in the right format.');
    expect(errorOf('Chinese questions (one per line)')).toBe('The Chinese questions needs at least 1 item.');
    expect(errorOf('Chinese answer')).toBe('The Chinese answer cannot be empty.');
    // Whitespace only is no answer either.
    expect(errorOf('English answer')).toBe('The English answer cannot be empty.');
    // Blank lines are dropped, one phrasing is enough.
    expect(errorOf('English questions (one per line)')).toBeNull();
    expect(screen.getAllByRole('alert')).toHaveLength(4);
    expect((await dom.sandbox.call<Output<'faq.list'>>(core, 'faq.list', {})).some((e) => e.id.includes('coupon'))).toBe(false);

    const id = within(form).getByLabelText('Entry id');
    await user.clear(id);
    await user.type(id, 'faq-pay-coupon');
    await user.selectOptions(within(form).getByLabelText('Category'), 'payment');
    await user.type(within(form).getByLabelText('Chinese questions (one per line)'), '优惠券在哪里\n优惠券不见了');
    await user.type(within(form).getByLabelText('Chinese answer'), '优惠券在“我的-卡券”中查看。');
    await user.type(within(form).getByLabelText('English answer'), 'Find coupons under Me → Coupons.');
    await user.click(within(form).getByRole('button', { name: 'Save entry' }));

    expect((await screen.findByRole('status')).textContent).toBe('Saved faq-pay-coupon.');
    const saved = (await dom.sandbox.call<Output<'faq.list'>>(core, 'faq.list', {})).find((e) => e.id === 'faq-pay-coupon');
    expect(saved).toMatchObject({ category: 'payment', origin: 'added', questions: { 'zh-CN': ['优惠券在哪里', '优惠券不见了'], en: ['where is my coupon'] } });
    const row = await within(screen.getByRole('region', { name: 'Payment' })).findByRole('row', { name: /faq-pay-coupon/u });
    expect(row.textContent).toContain('Find coupons under Me → Coupons.');
  });

  it('edits an entry in place: its id stays, an emptied answer is refused under that answer', async () => {
    const { core, user } = await open();
    const row = within(screen.getByRole('region', { name: 'Payment' })).getByRole('row', { name: /faq-pay-refund-time/u });
    await user.click(within(row).getByRole('button', { name: 'Edit faq-pay-refund-time' }));
    const form = await screen.findByRole('form', { name: 'Edit FAQ entry faq-pay-refund-time' });
    expect((within(form).getByLabelText('Entry id') as HTMLInputElement).readOnly).toBe(true);
    await user.clear(within(form).getByLabelText('English answer'));
    await user.click(within(form).getByRole('button', { name: 'Save entry' }));
    await expect.poll(() => errorOf('English answer')).toBe('The English answer cannot be empty.');
    expect(errorOf('Chinese answer')).toBeNull();

    await user.type(within(form).getByLabelText('English answer'), 'Refunds reach you within 5 working days.');
    await user.click(within(form).getByRole('button', { name: 'Save entry' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved faq-pay-refund-time.');
    const saved = (await dom.sandbox.call<Output<'faq.list'>>(core, 'faq.list', {})).find((e) => e.id === 'faq-pay-refund-time')!;
    expect(saved.answer.en).toBe('Refunds reach you within 5 working days.');
    expect(saved.origin).toBe('edited');
  });
});
