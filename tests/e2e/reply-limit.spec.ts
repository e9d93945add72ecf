import { expect, openApp, test } from './fixtures';

test('a reply over the limit is refused with the reason, and the typed text survives a reload', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('listbox', { name: '按优先级排列的会话' }).getByRole('option').first().click();
  const reply = page.getByRole('textbox', { name: '回复' });
  const send = page.getByRole('button', { name: '发送' });

  // Near the limit the box counts; it still sends.
  await reply.fill('好'.repeat(19_000));
  await expect(page.getByText('19,000 / 20,000 字')).toBeVisible();
  await expect(send).toBeEnabled();

  // Over the limit: the reason in the user's language, no send, and the text kept.
  const long = `${'好'.repeat(20_100)}END`;
  await reply.fill(long);
  await expect(page.getByRole('alert').filter({ hasText: '回复最长 20,000 字，当前超出 103 字' })).toBeVisible();
  await expect(reply).toHaveAttribute('aria-invalid', 'true');
  await expect(send).toBeDisabled();
  await reply.press('Control+Enter');
  await expect(reply).toHaveValue(long);

  await page.reload();
  await expect(page.getByRole('textbox', { name: '回复' })).toHaveValue(long);
});
