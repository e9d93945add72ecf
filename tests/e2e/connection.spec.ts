import { expect, openApp, signIn, test } from './fixtures';

const UNREACHABLE = '无法连接客服工作台，正在重试…';
const RESTARTED = '客服工作台已重新启动，请打开启动时打印的新地址。';

test('a stopped server shows a banner that retries; a restarted one says to open the new address', async ({ page, app }) => {
  await openApp(page, app);
  const queueRow = page.getByRole('listbox', { name: '按优先级排列的会话' }).getByRole('option').first();
  await expect(page.getByRole('alert').filter({ hasText: UNREACHABLE })).toHaveCount(0);

  // The server goes away while the page sits idle: the page notices on its own and says it is retrying.
  await app.stop();
  await expect(page.getByRole('alert').filter({ hasText: UNREACHABLE })).toBeVisible({ timeout: 15_000 });

  // Back on the same port with a new token: the page's token is stale, so it says how to reconnect.
  await app.restart();
  await expect(page.getByRole('alert').filter({ hasText: RESTARTED })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('alert').filter({ hasText: UNREACHABLE })).toHaveCount(0);

  // Opening the newly printed address and signing in again works, with no banner left.
  await page.goto(app.url);
  await signIn(page);
  await expect(queueRow).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: RESTARTED })).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: UNREACHABLE })).toHaveCount(0);
});

test('the banner shows on the sign-in screen too, and a page of the new address has none', async ({ page, app }) => {
  await page.goto(app.url);
  const signInButton = page.getByRole('button', { name: '登录' });
  await expect(signInButton).toBeVisible();
  await app.stop();
  await expect(page.getByRole('alert').filter({ hasText: UNREACHABLE })).toBeVisible({ timeout: 15_000 });
  await app.restart();
  // This page never held a working session but had been let in: the token it holds is the old run's.
  await expect(page.getByRole('alert').filter({ hasText: RESTARTED })).toBeVisible({ timeout: 15_000 });
  await page.goto(app.url);
  await expect(signInButton).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: RESTARTED })).toHaveCount(0);
});
