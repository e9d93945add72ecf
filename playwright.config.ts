import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  // Say what to do instead of a long launch stack trace.
  throw new Error(
    `Chromium not found at ${chromium}. The end-to-end tests use the system's Chromium: on Debian/Ubuntu run ` +
      '`sudo apt-get install chromium fonts-wqy-microhei` (what .ci/run does), or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}

// Browsers cannot be downloaded here: Debian's chromium drives web mode (see README, .ci/run).
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Tests, not files, are handed out to the two workers: a file of long tests (the dashboards' contrast checks, the
  // intake screens) no longer runs on one worker while the other idles at the end. Every test starts its own server
  // on its own folder; the one file with shared state (electronegativity's scans) keeps its tests together.
  fullyParallel: true,
  // Two workers on CI too (two cores): each test starts its own web-mode server on its own data folder, so files
  // share nothing; 87 tests took 6.9 min with two workers against ~11 min with one, and CI has a 15-minute budget.
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    // Mantine honours reduced motion (theme.respectReducedMotion): no fade-ins or exit transitions, so axe never
    // measures half-faded text and a closing dialog is gone when the next one opens (both seen as CI flakes).
    contextOptions: { reducedMotion: 'reduce' },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
  },
});
