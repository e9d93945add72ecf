import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, openApp, test } from './fixtures';

/**
 * The workspace header is one row at 1280 px for every role in both languages, with room to spare (an import's
 * progress, a reminder count, a longer name), and the tools used now and then sit in one menu per role: the lead's
 * Team menu, an agent's Me menu, reachable by keyboard.
 */

/** At least this much of the row stays free at 1280 px (the widest case is a lead in English). */
const SPARE = 60;

/** The header's free width: its content box minus its visible children and the gaps between them. */
function spare(header: Locator) {
  return header.evaluate((h) => {
    const style = getComputedStyle(h);
    const kids = [...h.children].filter((c) => getComputedStyle(c).display !== 'none');
    const used = kids.reduce((sum, c) => sum + c.getBoundingClientRect().width, 0) + parseFloat(style.columnGap || '0') * (kids.length - 1);
    return h.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - used;
  });
}

async function expectOneRow(page: Page, width: number) {
  const header = page.getByRole('banner');
  const box = (await header.boundingBox())!;
  expect(box.width).toBe(width);
  expect(box.height).toBeLessThanOrEqual(56);
  expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
  for (const control of [...(await header.getByRole('button').all()), ...(await header.getByRole('radio').all())]) {
    const r = (await control.boundingBox())!;
    expect(r.x + r.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
    expect(r.y + r.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
  }
  return spare(header);
}

const PEOPLE = [
  { who: DEMO.lead, menu: { zh: '团队', en: 'Team' } },
  { who: DEMO.agent, menu: { zh: '我的', en: 'Me' } },
  { who: DEMO.english, menu: { zh: '我的', en: 'Me' } },
  { who: DEMO.trainee, menu: null },
] as const;

for (const { who, menu } of PEOPLE) {
  test(`${who.name}'s header is one row with ≥ ${SPARE} px to spare at 1280 px, and one row at 1920 px, in Chinese and English`, async ({ page, app }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, app, who);
    const header = page.getByRole('banner');
    for (const [lang, select] of [['zh-CN', '语言'], ['en', 'Language']] as const) {
      await header.getByRole('combobox', { name: /^(语言|Language)$/ }).selectOption(lang); // James Miller starts in English
      await expect(header.getByRole('combobox', { name: select })).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      // The role's menu is there, and only that one (a trainee has none: their home is the training home).
      const menus = header.locator('button[aria-haspopup="menu"]');
      if (menu) await expect(menus).toHaveAccessibleName(menu[lang === 'en' ? 'en' : 'zh']);
      else await expect(menus).toHaveCount(0);

      await page.setViewportSize({ width: 1280, height: 800 });
      const free = await expectOneRow(page, 1280);
      test.info().annotations.push({ type: 'spare', description: `${who.name} ${lang} 1280: ${Math.round(free)} px` });
      expect(free).toBeGreaterThanOrEqual(SPARE);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await expectOneRow(page, 1920);
    }
  });
}

test("the lead's Team menu holds the team tools and works from the keyboard", async ({ page, app }) => {
  await openApp(page, app, DEMO.lead);
  const team = page.getByRole('banner').getByRole('button', { name: '团队', exact: true });
  await team.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: '团队' });
  await expect(menu.getByRole('menuitem')).toHaveText(['绩效', '投诉', '接待设置', '账号管理', '培训']);
  const axe = await new AxeBuilder({ page }).include('[role="menu"]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}`))).toEqual([]);
  await expect(menu.getByRole('menuitem', { name: '绩效' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: '投诉' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  const dialog = page.getByRole('dialog', { name: '投诉管理' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(team).toBeFocused();

  // Escape closes the menu without choosing; the training item swaps to the way back while the home shows.
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  // Escape once the focus is in the menu, as a person sees it open (pressed in the same instant it went to the
  // button the menu was leaving: a CI run caught that race once).
  await expect(menu.getByRole('menuitem', { name: '绩效' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await team.click();
  await menu.getByRole('menuitem', { name: '培训' }).click();
  await expect(page.getByRole('heading', { name: '培训', level: 2 })).toBeVisible();
  await team.click();
  await menu.getByRole('menuitem', { name: '返回线上工作' }).click();
  await expect(page.getByRole('listbox', { name: '按优先级排列的会话' })).toBeVisible();
});

test("an agent's Me menu holds their performance and training; canned replies and reminders stay one click away", async ({ page, app }) => {
  await page.addInitScript(() => localStorage.setItem('kefu.colorScheme', 'dark')); // the Team menu is checked in light
  await openApp(page, app, DEMO.agent);
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('button', { name: '快捷回复', exact: true })).toBeVisible();
  await expect(banner.getByRole('button', { name: /^提醒/ })).toBeVisible();
  await banner.getByRole('button', { name: '我的', exact: true }).click();
  const menu = page.getByRole('menu', { name: '我的' });
  await expect(menu.getByRole('menuitem')).toHaveText(['我的绩效', '培训']);
  const axe = await new AxeBuilder({ page }).include('[role="menu"]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}`))).toEqual([]);
  await menu.getByRole('menuitem', { name: '我的绩效' }).click();
  const dialog = page.getByRole('dialog', { name: '我的绩效' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
