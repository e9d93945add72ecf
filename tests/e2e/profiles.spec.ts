import { DEMO, expect, openApp, signIn, switchTo, test } from './fixtures';

test('a lead adds a profile, the new agent signs in; disabling it ends that and hides it from sign-in', async ({ page, app }) => {
  await openApp(page, app, DEMO.lead);
  await page.getByRole('button', { name: '团队', exact: true }).click();
  await page.getByRole('menuitem', { name: '账号管理' }).click();
  const dialog = page.getByRole('dialog', { name: '团队账号' });
  const add = dialog.getByRole('form', { name: '添加账号' });
  await add.getByLabel('姓名').fill('周新');
  await add.getByLabel('角色').selectOption({ label: '客服' });
  await add.getByLabel('PIN 码（至少 6 位数字）或密码（至少 8 个字符）').fill('24681357');
  await add.getByRole('button', { name: '添加账号' }).click();
  await expect(dialog.getByRole('status')).toContainText('已添加 周新');
  await expect(dialog.getByRole('row', { name: /周新/ })).toContainText('启用');
  await dialog.getByRole('button', { name: '关闭' }).click();

  // The new agent signs in with the PIN the lead gave (no demo PIN shown for them).
  await switchTo(page, { name: '周新', pin: '24681357' });
  await expect(page.getByRole('listbox', { name: '按优先级排列的会话' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /周新/ })).toHaveCount(0);

  // Disabled by the lead: the agent's session ends and the profile leaves the sign-in screen.
  await app.drive('profiles.setDisabled', { id: (await app.drive<{ id: string; name: string }[]>('profiles.list', {})).find((p) => p.name === '周新')!.id, disabled: true });
  await page.reload();
  await expect(page.getByRole('heading', { name: '登录客服工作台' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^周新/ })).toHaveCount(0);
  await signIn(page, DEMO.lead);
  await expect(page.getByText(/^赵敏 · /)).toBeVisible();
});

test("the lead's header fits one row at 1280 px, in Chinese and in English", async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, app, DEMO.lead);
  const header = page.getByRole('banner');
  for (const language of ['语言', 'Language']) {
    if (language === 'Language') await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(header.getByRole('combobox', { name: language })).toBeVisible();
    const box = (await header.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(56);
    expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    // Nothing squeezed either: no label cut off inside its control (1 px boxes are visually hidden names).
    const clipped = await header.evaluate((h) =>
      [h, ...h.querySelectorAll('*')].filter((e) => e.clientWidth > 2 && e.scrollWidth > e.clientWidth + 1).map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(clipped).toEqual([]);
    for (const control of [...(await header.getByRole('button').all()), ...(await header.getByRole('radio').all())]) {
      const r = (await control.boundingBox())!;
      expect(r.x + r.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
      expect(r.y + r.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
    }
  }
});
