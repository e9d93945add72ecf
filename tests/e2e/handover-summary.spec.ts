import { expect, openApp, test } from './fixtures';

test("the top severe complaint shows the customer's own words at once; only the bot's turns are collapsed", async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('listbox', { name: '按优先级排列的会话' }).getByRole('option').first().click();
  const id = await page.evaluate(() => localStorage.getItem('kefu.selected.a-lina'));
  const view = await page.evaluate((cid) => window.kefu!.call['conversation.get']({ id: cid! }), id);
  if (!view.ok) throw new Error('conversation.get failed');
  const { conversation, messages } = view.value;
  expect(conversation.severity).toBe('severe');
  const handedOver = conversation.queuedAt!;
  const question = messages.find((m) => m.author === 'customer' && m.at < handedOver)!;
  const botTurns = messages.filter((m) => m.author === 'bot' && m.at < handedOver);
  expect(botTurns.length).toBeGreaterThan(0);

  const pane = page.getByRole('region', { name: '会话' });
  const thread = pane.getByRole('list', { name: '消息', exact: true });
  // The customer's words are in the thread without expanding anything.
  await expect(thread.getByText(question.body, { exact: true })).toBeVisible();
  // The summary names the category, quotes the question and says why it reached a person.
  const summary = pane.getByRole('region', { name: '转人工摘要' });
  await expect(summary).toContainText('投诉');
  await expect(summary).toContainText('严重');
  await expect(summary.getByText(question.body, { exact: true })).toBeVisible();
  await expect(summary).toContainText('已升级给组长');

  // The bot's own turns are behind a named toggle, and readable once it is pressed.
  const toggle = thread.getByRole('button', { name: `转人工前的机器人对话（${botTurns.length} 条消息）` });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const greeting = botTurns[0].body;
  await expect(thread.getByText(greeting, { exact: true })).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(thread.getByText(greeting, { exact: true })).toBeVisible();
  await expect(thread.getByText(question.body, { exact: true })).toBeVisible();
});
