import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

// WCAG AA colour contrast (axe's color-contrast rule) over the workspace, in light and dark, in zh-CN and en:
// the queue, an open conversation with its reply box and context, and the search dialog.
async function contrastViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any.map((a) => a.message).join('; ')}`));
}

for (const scheme of ['light', 'dark'] as const) {
  for (const locale of ['zh-CN', 'en'] as const) {
    test(`colour contrast meets WCAG AA: ${scheme}, ${locale}`, async ({ page, app }) => {
      await page.addInitScript(
        (s) => localStorage.setItem('kefu.colorScheme', s),
        scheme,
      );
      await openApp(page, app);
      // The language is the profile's preference (kept by the core): switch it the way a user does.
      if (locale === 'en') await page.getByRole('combobox', { name: '语言' }).selectOption('en');
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
      await page.getByRole('listbox').getByRole('option').first().click();
      await expect(page.getByRole('textbox', { name: locale === 'en' ? 'Reply' : '回复' })).toBeVisible();
      expect(await contrastViolations(page)).toEqual([]);

      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.getByRole('combobox', { name: locale === 'en' ? /^Search/ : /^搜索/ }).fill(locale === 'en' ? 'refund' : '退款');
      await expect(page.getByRole('listbox', { name: locale === 'en' ? 'Search results' : '搜索结果' }).getByRole('option').first()).toBeVisible();
      expect(await contrastViolations(page)).toEqual([]);
    });
  }
}

test('the theme follows the OS until the user picks one, and the pick is remembered', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, app);
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');

  await page.getByRole('radio', { name: /^(深色|Dark)$/ }).check();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
});

test('with reduced motion asked for, a scheme switch lands at once: no colour passes through half-way', async ({ page, app }) => {
  await openApp(page, app);
  // A segmented control's label fades its colour (200 ms in Mantine's styles); its inner text inherits the colour.
  const label = page.locator('.mantine-SegmentedControl-label').first();
  await expect(label).toBeVisible();
  const duration = () => label.evaluate((e) => parseFloat(getComputedStyle(e).transitionDuration) * 1000);
  // Without the request, the control keeps its fade (so the rule below is what removes it, not a missing transition).
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await duration()).toBeGreaterThan(50);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await duration()).toBeLessThan(1);
  // And the effect a user (and axe) sees: the label has the dark scheme's colour the moment the scheme changes, and
  // in every frame after. (A 0.01 ms transition is not enough: Chromium shows its start value for the first frames.)
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
  const lightColour = await label.evaluate((e) => getComputedStyle(e).color);
  await label.evaluate((e) => {
    const seen: string[] = [];
    (window as unknown as { seenColours: string[] }).seenColours = seen;
    new MutationObserver((_, observer) => {
      observer.disconnect();
      seen.push(getComputedStyle(e).color);
      let frames = 0;
      const sample = () => {
        seen.push(getComputedStyle(e).color);
        if (++frames < 4) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-mantine-color-scheme'] });
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect.poll(() => page.evaluate(() => (window as unknown as { seenColours: string[] }).seenColours.length)).toBe(5);
  const seen = await page.evaluate(() => (window as unknown as { seenColours: string[] }).seenColours);
  const settled = await label.evaluate((e) => getComputedStyle(e).color);
  expect(settled).not.toEqual(lightColour);
  expect(seen).toEqual(Array(5).fill(settled));
});
