import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

// The size the workspace is designed for: a 1280×800 laptop screen with the panes at their default widths.
test.use({ viewport: { width: 1280, height: 800 } });

const LANGS = [
  { lang: 'zh-CN', title: /^队列/, counts: '团队时效状态', filters: /^筛选/, views: /^视图/, scope: '范围', category: '类别' },
  { lang: 'en', title: /^Queue/, counts: 'Team SLA state', filters: /^Filters/, views: /^Views/, scope: 'Show', category: 'Category' },
] as const;

async function inLanguage(page: Page, lang: string) {
  if (lang === 'zh-CN') return;
  await page.getByRole('combobox', { name: '语言' }).selectOption(lang);
  await expect(page.getByRole('listbox', { name: 'Conversations by priority' })).toBeVisible();
}

for (const l of LANGS) {
  test(`the queue's title and counts sit on one line at 1280 px (${l.lang})`, async ({ page, app }) => {
    await openApp(page, app);
    await inLanguage(page, l.lang);
    const queue = page.getByRole('region', { name: l.lang === 'en' ? 'Queue' : '队列', exact: true });
    const title = queue.getByRole('heading', { name: l.title });
    const counts = queue.getByRole('group', { name: l.counts });
    await expect(counts).toBeVisible();
    const t = (await title.boundingBox())!;
    const c = (await counts.boundingBox())!;
    const lineHeight = await title.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.6);
    // One line each, side by side: neither taller than a line, their middles level.
    expect(t.height).toBeLessThanOrEqual(lineHeight + 2);
    expect(c.height).toBeLessThanOrEqual(lineHeight + 2);
    expect(Math.abs(t.y + t.height / 2 - (c.y + c.height / 2))).toBeLessThan(4);
    expect(c.x).toBeGreaterThan(t.x + t.width - 1);
    // And nothing of the title is cut off ("队列 N 个会话" whole, not "队列 N…").
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    // The filters are one bar: the text filter, the filter and view buttons share a row; the scope sits under it.
    const bar = [queue.getByRole('searchbox'), queue.getByRole('button', { name: l.filters }), queue.getByRole('button', { name: l.views })];
    const boxes = await Promise.all(bar.map(async (b) => (await b.boundingBox())!));
    const middles = boxes.map((b) => b.y + b.height / 2);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(6);
    const scope = (await queue.getByRole('radiogroup', { name: l.scope }).boundingBox())!;
    expect(scope.y).toBeGreaterThanOrEqual(Math.max(...boxes.map((b) => b.y + b.height)) - 1);
    expect(scope.y + scope.height).toBeLessThan(Math.max(...boxes.map((b) => b.y + b.height)) + 40);

    // Dense rows, still readable: every text in the pane meets AA in both colour schemes.
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // Polled: right after the scheme switches, colours are still mid-transition (a label read black on the new
      // dark background once); a real contrast fault stays and fails the poll.
      await expect.poll(() => contrast(page, `section[aria-label="${l.lang === 'en' ? 'Queue' : '队列'}"]`, scheme)).toEqual([]);
    }
  });
}

async function contrast(page: Page, selector: string, scheme: string) {
  const r = await new AxeBuilder({ page }).include(selector).withRules(['color-contrast']).analyze();
  return r.violations.flatMap((v) => v.nodes.map((n) => `${scheme}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`));
}

test('the search dialog (Ctrl+K) reads in both colour schemes, highlights included', async ({ page, app }) => {
  await openApp(page, app);
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: '搜索' });
  await dialog.getByRole('combobox', { name: '搜索消息、客户和会话' }).fill('退款');
  await expect(dialog.getByRole('listbox', { name: '搜索结果' }).getByRole('option').first()).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(() => contrast(page, '[role="dialog"]', scheme)).toEqual([]); // (after the switch: see above)
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the filter popover and the saved views: by the keyboard, named, readable in both colour schemes', async ({ page, app }) => {
  await openApp(page, app);
  const queue = page.getByRole('listbox', { name: '按优先级排列的会话' });
  const heading = page.getByRole('heading', { name: /队列/ });
  const team = (await heading.textContent())!.match(/(\d+) 个会话/)![1];

  // Keyboard only: focus the filter button, open it, check "已超时" with the space bar, Esc back to the button.
  const filters = page.getByRole('button', { name: /^筛选/ });
  await filters.focus();
  await page.keyboard.press('Enter');
  const urgency = page.getByRole('group', { name: '紧急程度' });
  await urgency.getByRole('checkbox', { name: '已超时' }).focus();
  await page.keyboard.press('Space');
  await expect(heading).not.toContainText(`${team} 个会话`);
  await expect(queue.getByRole('option').first()).toContainText('超时');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withRules(['color-contrast', 'label', 'button-name', 'aria-dialog-name', 'nested-interactive']).analyze();
    expect(axe.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');
  await expect(urgency).toBeHidden();
  await expect(page.getByRole('button', { name: '筛选 1' })).toBeFocused();

  // The active filter shows as a chip; saving it as a view names the view button.
  const active = page.getByRole('group', { name: '当前筛选' });
  await expect(active).toContainText('紧急程度：已超时');
  await page.getByRole('button', { name: /^视图/ }).click();
  await page.getByRole('textbox', { name: '新视图名称' }).fill('超时的');
  await page.getByRole('button', { name: '保存视图' }).click();
  await expect(page.getByRole('button', { name: '视图：超时的' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Clear all, then the view brings the filter back; delete it.
  await active.getByRole('button', { name: '全部清除' }).click();
  await expect(heading).toContainText(`${team} 个会话`);
  await expect(active).toBeHidden();
  await page.getByRole('button', { name: /^视图/ }).click();
  await page.getByRole('list', { name: '已保存视图' }).getByRole('button', { name: '超时的', exact: true }).click();
  await expect(heading).not.toContainText(`${team} 个会话`);
  await expect(page.getByRole('group', { name: '当前筛选' })).toContainText('紧急程度：已超时');
  await page.getByRole('button', { name: '视图：超时的' }).click();
  await page.getByRole('button', { name: '删除已保存视图 超时的' }).click();
  await expect(page.getByText('还没有保存的视图')).toBeVisible();
});
