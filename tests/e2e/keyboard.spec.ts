import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const queueList = (page: Page) => page.getByRole('listbox', { name: '按优先级排列的会话' });
const replyBox = (page: Page) => page.getByRole('textbox', { name: '回复', exact: true });
const region = (page: Page, name: '队列' | '会话' | '客户') => page.getByRole('region', { name, exact: true });
/** Focus is on the region or something inside it. */
const focusIn = (r: Locator) => expect.poll(() => r.evaluate((el) => el.contains(document.activeElement))).toBe(true);

test('from a fresh page the reply box is at most 3 keys away: Enter opens the top conversation, r goes to its reply box', async ({ page, app }) => {
  await openApp(page, app);
  let presses = 0;
  const press = async (key: string) => {
    presses++;
    await page.keyboard.press(key);
  };
  // The queue has focus as the workspace shows: no Tab needed.
  await expect(queueList(page)).toBeFocused();
  await press('Enter');
  await expect(queueList(page).getByRole('option', { selected: true })).toHaveCount(1);
  await expect(replyBox(page)).toBeVisible();
  await press('r');
  await expect(replyBox(page)).toBeFocused();
  expect(presses).toBeLessThanOrEqual(3);
  // The `r` itself is not typed; what follows is.
  await page.keyboard.type('您好，已为您处理');
  await expect(replyBox(page)).toHaveValue('您好，已为您处理');
});

test('the skip link is the first Tab stop, shows when focused, and moves focus to the queue', async ({ page, app }) => {
  await openApp(page, app);
  const skip = page.getByRole('link', { name: '跳到队列' });
  await expect(skip).not.toBeInViewport();
  // Back to the top of the page, as after a reload with nothing focused (Tab then starts from the document's start).
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(queueList(page)).toBeFocused();
  // Skip link + Enter + Enter + r would be 4: it is the fallback, the queue already has focus on a fresh page.
});

test('F6 cycles queue → conversation → customer → queue, Shift+F6 goes back; Ctrl+1/2/3 jump', async ({ page, app }) => {
  await openApp(page, app);
  await expect(queueList(page)).toBeFocused();
  // No conversation open yet: F6 lands on the conversation pane itself.
  await page.keyboard.press('F6');
  await focusIn(region(page, '会话'));
  await page.keyboard.press('F6');
  await focusIn(region(page, '客户'));
  await page.keyboard.press('F6');
  await focusIn(region(page, '队列'));
  await expect(queueList(page)).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await focusIn(region(page, '客户'));
  await page.keyboard.press('Shift+F6');
  await focusIn(region(page, '会话'));

  // Open a conversation; Ctrl+2 now goes to its reply box, F6 leaves it even while typing.
  await page.keyboard.press('Control+1');
  await expect(queueList(page)).toBeFocused();
  await queueList(page).getByRole('option').nth(1).click();
  await expect(replyBox(page)).toBeVisible();
  await page.keyboard.press('Control+3');
  await focusIn(region(page, '客户'));
  await page.keyboard.press('Control+2');
  await expect(replyBox(page)).toBeFocused();
  await page.keyboard.type('草稿');
  await page.keyboard.press('F6');
  await focusIn(region(page, '客户'));
  await page.keyboard.press('F6');
  await expect(queueList(page)).toBeFocused();
  await page.keyboard.press('F6');
  await expect(replyBox(page)).toBeFocused();
  await expect(replyBox(page)).toHaveValue('草稿');
});

test('r is typed, not taken, in a text field; the cheat sheet lists F6 and r', async ({ page, app }) => {
  await openApp(page, app);
  const filter = page.getByRole('searchbox', { name: '文本筛选' });
  await filter.focus();
  await page.keyboard.type('r');
  await expect(filter).toHaveValue('r');
  await expect(filter).toBeFocused();
  await filter.fill('');

  await page.keyboard.press('Control+1');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(help.getByRole('cell', { name: 'F6', exact: true })).toBeVisible();
  await expect(help.getByRole('cell', { name: 'Shift+F6', exact: true })).toBeVisible();
  await expect(help.getByRole('cell', { name: 'r', exact: true })).toBeVisible();
  await expect(help.getByRole('row', { name: /Ctrl\/⌘\+2/ })).toContainText('转到回复框');
  await expect(help.getByRole('row', { name: /Ctrl\/⌘\+K/ })).toContainText('全局搜索');
  await expect(help).toContainText('下一个面板');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});
