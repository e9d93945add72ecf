import { DEMO, expect, openApp, test } from './fixtures';

// The CSP is `style-src 'self'` with no nonce: no component may write an inline <style> element. Chromium reports
// every refusal on the console; a tour of the workspace's dialogs, menus and popovers must produce none.
test('no Content-Security-Policy refusal anywhere in the workspace (dialogs, menus, popovers)', async ({ page, app }) => {
  const refusals: string[] = [];
  let where = 'start';
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) refusals.push(`${where}: ${m.text().slice(0, 140)}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy refusal: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile.split('/').pop()}:${e.lineNumber}`));
  });
  await openApp(page, app, DEMO.lead);
  await page.getByRole('listbox').getByRole('option').first().click();

  where = 'search';
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: /^搜索/ }).fill('退款');
  await expect(page.getByRole('listbox', { name: '搜索结果' }).getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  where = 'queue filters';
  await page.getByRole('button', { name: /^筛选/ }).click();
  await expect(page.getByRole('dialog').or(page.getByRole('group', { name: '类别' })).first()).toBeVisible();
  await page.keyboard.press('Escape');
  where = 'views';
  await page.getByRole('button', { name: /^视图/ }).click();
  await page.keyboard.press('Escape');
  where = 'queue menu, settings';
  await page.getByRole('button', { name: '队列选项' }).click();
  await page.getByRole('menuitem', { name: /SLA|设置/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('listbox').getByRole('option').first().focus();
  where = 'shortcuts';
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  // The header's dialogs: canned replies, reminders, profiles, data.
  for (const name of [/^快捷回复/, /^提醒/, /^人员|^档案|^用户/, /^数据/]) {
    const opener = page.getByRole('banner').getByRole('button', { name }).first();
    if (!(await opener.count())) continue;
    where = String(name);
    await opener.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  where = 'dark theme';
  await page.getByRole('radio', { name: '深色' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  expect(refusals).toEqual([]);
});
