import AxeBuilder from '@axe-core/playwright';
import { expect, openApp, test } from './fixtures';

test('typing / in the reply box inserts canned replies with their variables filled', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('listbox').first().getByRole('option').first().click();
  const reply = page.getByRole('textbox', { name: '回复' });
  await expect(reply).toBeVisible();
  const id = await page.evaluate(() => localStorage.getItem('kefu.selected.a-lina'));
  const view = await page.evaluate((cid) => window.kefu!.call['conversation.get']({ id: cid! }), id);
  if (!view.ok) throw new Error('conversation.get failed');
  const customer = view.value.customer.name;

  // `/` then the shortcut: the greeting is offered first; Enter inserts it with the names filled.
  await reply.pressSequentially('/niha');
  const picker = page.getByRole('listbox', { name: '快捷回复' });
  await expect(picker.getByRole('option').first()).toContainText('问候');
  // The reply box with its suggestions open is valid ARIA (a textbox may point at the list and its active option,
  // not claim to be expanded) and the active option is the one a screen reader hears.
  const axe = await new AxeBuilder({ page }).include('form:has(#reply-box)').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  const active = await reply.getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${active}"]`)).toContainText('问候');
  await reply.press('Enter');
  await expect(picker).toBeHidden();
  await expect(reply).toHaveValue(`${customer}您好，我是客服林娜，很高兴为您服务，请问有什么可以帮您？`);

  // A second one in the same message, found by pinyin initials (退款 → tk), with the conversation number.
  await reply.press('End');
  await reply.pressSequentially(' /tksq');
  await expect(picker.getByRole('option').first()).toContainText('退款申请已受理');
  await reply.press('ArrowDown');
  await reply.press('ArrowUp');
  await reply.press('Enter');
  const value = await reply.inputValue();
  expect(value).toContain(`会话号 ${id}`);
  expect(value.startsWith(`${customer}您好，我是客服林娜`)).toBe(true);

  // Raw braces never go out: an unknown variable is flagged and sending is blocked until it is gone.
  await reply.pressSequentially(' {{order.id}}');
  const warning = page.getByRole('alert').filter({ hasText: '发送前请补全' });
  await expect(warning).toContainText('{{order.id}}');
  const send = page.getByRole('button', { name: '发送' });
  await expect(send).toBeDisabled();
  await page.getByRole('button', { name: '在回复中选中 {{order.id}}' }).click();
  await reply.press('Backspace');
  await expect(warning).toBeHidden();
  await send.click();
  await expect(page.getByRole('list', { name: '消息' }).getByText(`会话号 ${id}`)).toBeVisible();
});

test('the library exports a file and rejects a bad import line by line, changing nothing', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('button', { name: '快捷回复' }).click();
  const dialog = page.getByRole('dialog', { name: '快捷回复库' });
  await expect(dialog.getByRole('list', { name: '回复库中的快捷回复' }).getByRole('listitem').first()).toBeVisible();
  const count = await dialog.getByRole('list', { name: '回复库中的快捷回复' }).getByRole('listitem').count();

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出' }).click()]);
  expect(download.suggestedFilename()).toBe('kefu-canned-replies-2026-11-24.json');

  const bad = '[\n  { "title": "好", "body": "收到", "locale": "zh-CN" },\n  { "title": "", "body": "x", "locale": "zh-CN" }\n]';
  await dialog.getByLabel('导入文件').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  const problems = dialog.getByRole('alert');
  await expect(problems).toContainText('第 3 行');
  await expect(problems).toContainText('title');
  await expect(dialog.getByRole('list', { name: '回复库中的快捷回复' }).getByRole('listitem')).toHaveCount(count);

  const good = '[\n  { "title": "测试导入", "body": "您好{{customer.first_name}}", "locale": "zh-CN", "shortcut": "ceshi" }\n]';
  await dialog.getByLabel('导入文件').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) });
  await expect(dialog.getByRole('status')).toContainText('新增 1 条');
  await expect(dialog.getByRole('list', { name: '回复库中的快捷回复' }).getByRole('listitem')).toHaveCount(count + 1);
});
