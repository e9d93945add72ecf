import AxeBuilder from '@axe-core/playwright';
import { expect, openApp, test } from './fixtures';

// Every control has an accessible name, in both languages, with the main dialogs open too.
const NAME_RULES = ['button-name', 'label', 'select-name', 'aria-input-field-name', 'link-name', 'input-button-name', 'aria-command-name', 'aria-toggle-field-name', 'nested-interactive', 'duplicate-id-aria'];

async function nameViolations(page: import('@playwright/test').Page) {
  const result = await new AxeBuilder({ page }).withRules(NAME_RULES).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('every control in the workspace has an accessible name (zh-CN and en)', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('listbox').getByRole('option').first().click();
  await expect(page.getByRole('textbox', { name: '回复' })).toBeVisible();
  expect(await nameViolations(page)).toEqual([]);

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('textbox', { name: 'Reply' })).toBeVisible();
  expect(await nameViolations(page)).toEqual([]);

  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await nameViolations(page)).toEqual([]);
});

test('pane sizes are remembered across a reload', async ({ page, app }) => {
  await openApp(page, app);
  const queuePane = page.getByRole('region', { name: 'Queue' }).or(page.getByRole('region', { name: '队列' }));
  const before = (await queuePane.boundingBox())!.width;
  // The queue pane's saved share of the width (react-resizable-panels keeps [queue, conversation, context] %).
  const savedQueueShare = () =>
    page.evaluate(() => {
      const raw = localStorage.getItem('react-resizable-panels:kefu.panes');
      const layouts = raw ? (Object.values(JSON.parse(raw)) as { layout: number[] }[]) : [];
      return layouts[0]?.layout[0] ?? 0;
    });
  const handle = page.getByRole('separator').first();
  await handle.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await queuePane.boundingBox())!.width).toBeGreaterThan(before + 20);
  const resized = (await queuePane.boundingBox())!.width;
  // The layout is saved shortly after the resize (debounced); wait until the wider queue is saved, then reload.
  await expect.poll(savedQueueShare).toBeGreaterThan(35);
  await page.reload();
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  await expect.poll(async () => Math.round((await queuePane.boundingBox())!.width)).toBe(Math.round(resized));
});
