import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp, test } from './fixtures';

test('a corrupt store file is quarantined, the app starts from the previous generation and says so', async ({ page, app }) => {
  await openApp(page, app);
  // A restart folds the journal (the sign-in's audit line) into a new snapshot, keeping the older generation as its
  // fallback; wait for that second generation before damaging the newest.
  await app.restart();
  await openApp(page, app);
  await expect.poll(() => readdirSync(app.dataDir).filter((f) => /^snapshot-\d+\.json$/.test(f)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await app.stop();
  // Cut the newest snapshot in half, as a crash or a full disk might.
  const snapshot = readdirSync(app.dataDir).filter((f) => /^snapshot-\d+\.json$/.test(f)).sort().pop()!;
  const full = readFileSync(join(app.dataDir, snapshot));
  writeFileSync(join(app.dataDir, snapshot), full.subarray(0, full.length >> 1));

  await app.restart();
  await openApp(page, app);
  const banner = page.getByRole('alert').filter({ hasText: '隔离区' });
  await expect(banner).toBeVisible();
  await banner.getByText('详情').click();
  await expect(banner).toContainText('quarantine');
  // The previous generation (kept for exactly this) brought the data back.
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
  // The unreadable bytes are kept, not dropped.
  const kept = readdirSync(join(app.dataDir, 'quarantine'));
  expect(kept.some((f) => readFileSync(join(app.dataDir, 'quarantine', f)).length === full.length >> 1)).toBe(true);
});
