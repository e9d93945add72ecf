import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

// WCAG AA contrast over the conversation's own surfaces that contrast.spec.ts does not open: the hand-over summary
// with the bot's turns expanded, the transfer and remind-me popovers, the `/` picker, an over-limit reply, the
// canned-reply library and the reminders view, in light and dark.
// The queue pane is left to contrast.spec.ts: this one is about the conversation's surfaces.
async function contrastViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withRules(['color-contrast']).exclude('[data-panel-id="queue"]').analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any.map((a) => a.message).join('; ')}`));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`conversation surfaces meet WCAG AA contrast: ${scheme}`, async ({ page, app }) => {
    await page.addInitScript((s) => localStorage.setItem('kefu.colorScheme', s), scheme);
    await openApp(page, app);
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    await page.getByRole('listbox', { name: '按优先级排列的会话' }).getByRole('option').first().click();
    const thread = page.getByRole('list', { name: '消息', exact: true });
    await thread.getByRole('button', { name: /^转人工前的机器人对话/ }).click();
    await expect(page.getByRole('region', { name: '转人工摘要' })).toBeVisible();
    expect(await contrastViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '设置跟进提醒' }).click();
    await expect(page.getByRole('form', { name: '设置跟进提醒' })).toBeVisible();
    expect(await contrastViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    const reply = page.getByRole('textbox', { name: '回复' });
    await reply.pressSequentially('/ni');
    await expect(page.getByRole('listbox', { name: '快捷回复' })).toBeVisible();
    expect(await contrastViolations(page)).toEqual([]);
    await reply.fill(`${'好'.repeat(20_010)} {{order.id}}`);
    await expect(page.getByRole('alert').filter({ hasText: '回复最长' })).toBeVisible();
    expect(await contrastViolations(page)).toEqual([]);
    await reply.fill('');

    await page.getByRole('button', { name: '快捷回复', exact: true }).click();
    const library = page.getByRole('dialog', { name: '快捷回复库' });
    await library.getByRole('button', { name: '新建回复' }).click();
    await expect(library.getByRole('textbox', { name: '标题' })).toBeVisible();
    expect(await contrastViolations(page)).toEqual([]);
    await library.getByRole('button', { name: '关闭' }).first().click();
    await expect(library).toBeHidden();

    await page.getByRole('button', { name: /^提醒/ }).click();
    await expect(page.getByRole('dialog', { name: '跟进提醒' })).toBeVisible();
    expect(await contrastViolations(page)).toEqual([]);
  });
}
