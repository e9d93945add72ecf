/**
 * `npm run screenshots`: the workspace as the demo agent sees it, in both languages, both colour schemes and two
 * window sizes: 8 PNGs in docs/screenshots/ (workspace-<locale>-<scheme>-<width>x<height>.png).
 *
 * It builds nothing: run `npm run build` first. It starts built web mode (out/main/web.js) on a fresh temp data
 * folder seeded with the demo, on the fixed demo clock (--clock, as the e2e tests), so times and SLA states are the
 * same every run; opens Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) through Playwright; signs in as the
 * demo agent with the documented demo PIN; opens the top conversation of the queue; and saves the window.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { DEMO_PINS } from '../shared/schema/credential';
import { startWebProcess } from '../tests/fixtures/webProcess';

const CLOCK = '2026-11-24T09:00:00+08:00';
const OUT = path.resolve('docs/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const LOCALES = ['zh-CN', 'en'] as const;
const SCHEMES = ['light', 'dark'] as const;
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

async function main(): Promise<void> {
  if (!existsSync('out/main/web.js') || !existsSync('out/renderer/index.html')) fatal('The app is not built: run `npm run build` first.');
  if (!existsSync(CHROMIUM)) fatal(`No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium fonts-wqy-microhei) or set CHROMIUM_PATH.`);
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kefu-screenshots-'));
  const web = await startWebProcess(['--port', '0', '--data', dataDir, '--clock', CLOCK]);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    for (const locale of LOCALES)
      for (const scheme of SCHEMES)
        for (const size of SIZES) {
          const file = path.join(OUT, `workspace-${locale}-${scheme}-${size.width}x${size.height}.png`);
          await shoot(browser, web.url, locale, scheme, size, file);
          console.log(`saved ${path.relative(process.cwd(), file)}`);
        }
  } finally {
    await browser?.close();
    web.proc.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function shoot(browser: Browser, url: string, locale: (typeof LOCALES)[number], scheme: (typeof SCHEMES)[number], size: { width: number; height: number }, file: string) {
  const context = await browser.newContext({
    viewport: size,
    locale: locale === 'en' ? 'en-US' : 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    colorScheme: scheme,
    reducedMotion: 'reduce',
  });
  try {
    // The theme switch's remembered choice (renderer/src/theme/ThemeProvider.tsx), before the app reads it.
    await context.addInitScript(`localStorage.setItem('kefu.colorScheme', ${JSON.stringify(scheme)})`);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('radio', { name: /^林娜 ·/ }).check();
    await page.getByLabel(/PIN 码或密码|PIN or password/).fill(DEMO_PINS.agent);
    await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
    const queue = page.getByRole('listbox').first();
    await queue.getByRole('option').first().waitFor();
    // The agent's language is remembered by the core per profile: set it through the header's language select.
    await page.getByRole('combobox', { name: /^(语言|Language)$/ }).selectOption(locale);
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
    await queue.getByRole('option').first().click();
    await page.getByRole('list', { name: /^(消息|Messages)$/ }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    // Nothing is fetching any more (queue pages, the thread, the customer's history), so the frame is final.
    await page.waitForTimeout(800);
    await page.mouse.move(0, size.height - 1); // no hover highlight on whatever sits under the pointer
    // Finished transitions and no caret, so two runs on the same build give the same pixels.
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  } finally {
    await context.close();
  }
}

function fatal(message: string): never {
  console.error(message);
  process.exit(1);
}

await main();
