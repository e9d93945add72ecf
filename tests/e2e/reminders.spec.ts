import { expect, openApp, signIn, startServer, test } from './fixtures';

test('a reminder fires when the clock reaches it and its notice opens the conversation', async ({ page, app }) => {
  await openApp(page, app);
  const queue = page.getByRole('listbox').first();
  await queue.getByRole('option').nth(1).click();
  const title = page.getByRole('region', { name: '会话' }).getByRole('heading', { level: 2 });
  const subject = (await title.textContent())!;

  await page.getByRole('button', { name: '设置跟进提醒' }).click();
  const form = page.getByRole('form', { name: '设置跟进提醒' });
  await form.getByRole('radio', { name: '1 小时后' }).check();
  await form.getByRole('textbox', { name: '备注' }).fill('回访确认到账');
  await form.getByRole('button', { name: '设置提醒' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已设置提醒' })).toBeVisible();

  // Look at another conversation meanwhile.
  await queue.getByRole('option').nth(2).click();
  await expect(title).not.toHaveText(subject);

  const notices = page.getByRole('region', { name: '通知' });
  await app.drive('clock.advance', { ms: 59 * 60_000 });
  await expect(notices.getByText('回访确认到账')).toHaveCount(0);
  await app.drive('clock.advance', { ms: 60_000 });
  const notice = notices.getByRole('status').filter({ hasText: '回访确认到账' });
  await expect(notice).toContainText('跟进提醒');
  await notice.getByRole('button', { name: /^打开：回访确认到账/ }).click();
  await expect(title).toHaveText(subject);

  // The reminders view lists it as due; marking it done moves it to done.
  await page.getByRole('button', { name: /^提醒/ }).click();
  const view = page.getByRole('dialog', { name: '跟进提醒' });
  const due = view.getByRole('region', { name: '已到期' });
  await expect(due).toContainText('回访确认到账');
  await due.getByRole('button', { name: `标记完成：${subject}` }).click();
  await expect(view.getByRole('region', { name: '已完成' })).toContainText('回访确认到账');
});

test('a reminder that fell due while the app was closed fires at start-up, marked late', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('listbox').first().getByRole('option').first().click();
  await page.getByRole('button', { name: '设置跟进提醒' }).click();
  const form = page.getByRole('form', { name: '设置跟进提醒' });
  await form.getByRole('radio', { name: '1 小时后' }).check();
  await form.getByRole('textbox', { name: '备注' }).fill('关机期间到期');
  await form.getByRole('button', { name: '设置提醒' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已设置提醒' })).toBeVisible();

  // Closed at 09:00, opened again at 12:00 on the same data: the 10:00 reminder fires at start-up, marked late.
  await app.stop();
  const later = await startServer(app.dataDir, ['--clock', '2026-11-24T12:00:00+08:00']);
  try {
    await page.goto(later.url);
    await signIn(page); // a restart keeps nobody signed in
    const notice = page.getByRole('region', { name: '通知' }).getByRole('status').filter({ hasText: '关机期间到期' });
    await expect(notice).toContainText('跟进提醒');
    await expect(notice).toContainText('延迟');
  } finally {
    later.proc.kill('SIGKILL');
  }
});
