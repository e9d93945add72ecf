import { expect, openApp, test } from './fixtures';

test('the seeded queue opens, a reply is sent and survives a reload and a restart', async ({ page, app }) => {
  await openApp(page, app);
  const queue = page.getByRole('listbox', { name: '按优先级排列的会话' });
  await expect(page.getByRole('heading', { name: /队列/ })).toContainText(/\d+ 个会话/);
  // Virtualised: far fewer rows in the DOM than conversations in the queue.
  const rows = await queue.getByRole('option').count();
  expect(rows).toBeGreaterThan(3);
  expect(rows).toBeLessThan(60);

  await queue.getByRole('option').first().click();
  const reply = page.getByRole('textbox', { name: '回复' });
  await expect(reply).toBeVisible();
  const text = `您好，我们已经为您处理 ${Date.now()}`;
  await reply.fill(text);
  await page.getByRole('button', { name: '发送' }).click();
  const thread = page.getByRole('list', { name: '消息' });
  await expect(thread.getByText(text)).toBeVisible();
  await expect(reply).toHaveValue('');
  const bodies = await thread.getByRole('listitem').allTextContents();
  expect(bodies.length).toBeGreaterThan(1);

  await page.reload();
  await expect(page.getByRole('list', { name: '消息' }).getByText(text)).toBeVisible();

  // A restart keeps nobody signed in; signing in again reopens where this agent was.
  await app.restart();
  await openApp(page, app);
  await expect(page.getByRole('list', { name: '消息' }).getByText(text)).toBeVisible();
  // The seeded messages come back from the snapshot on disk (read when the conversation opens), the reply from the
  // journal: the same thread as before.
  await expect(page.getByRole('list', { name: '消息' }).getByRole('listitem')).toHaveText(bodies);
});

test('a second page sees a reply appear without reloading', async ({ page, app, context }) => {
  await openApp(page, app);
  await page.getByRole('listbox').getByRole('option').first().click();
  const second = await context.newPage();
  await openApp(second, app); // each page signs in on its own
  await second.getByRole('listbox').getByRole('option').first().click();
  await expect(second.getByRole('textbox', { name: '回复' })).toBeVisible();

  const text = `Second page check ${Date.now()}`;
  await page.getByRole('textbox', { name: '回复' }).fill(text);
  await page.getByRole('button', { name: '发送' }).click();
  await expect(second.getByRole('list', { name: '消息' }).getByText(text)).toBeVisible({ timeout: 2000 });
});

test('resolving a conversation removes it from the queue, in every page', async ({ page, app }) => {
  await openApp(page, app);
  const queue = page.getByRole('listbox');
  const heading = page.getByRole('heading', { name: /队列/ });
  // The agent's own work (a colleague's conversation is theirs to resolve); wait until the count is the filtered one.
  const team = Number((await heading.textContent())!.match(/(\d+) 个会话/)![1]);
  await page.getByRole('radiogroup', { name: '范围' }).getByRole('radio', { name: '我的' }).check();
  await expect(heading).not.toContainText(`${team} 个会话`);
  await expect(queue.getByRole('option').first()).toBeVisible();
  const before = Number((await heading.textContent())!.match(/(\d+) 个会话/)![1]);
  await queue.getByRole('option').first().click();
  await page.getByRole('button', { name: '解决' }).click();
  await expect(page.getByRole('button', { name: '重新打开' })).toBeVisible();
  await expect(heading).toContainText(`${before - 1} 个会话`);
  await page.reload();
  await expect(page.getByRole('heading', { name: /队列/ })).toContainText(`${before - 1} 个会话`);
  await expect(page.getByRole('button', { name: '重新打开' })).toBeVisible();
});

test('the language switch changes the UI to English and back, and is remembered', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('listbox', { name: 'Conversations by priority' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Queue/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('listbox', { name: '按优先级排列的会话' })).toBeVisible();
});
