import { CALLS_WITHOUT_MESSAGES } from '../../electron/core/messagesGate';
import { DEMO, expect, openApp, test } from './fixtures';

/**
 * On a large store the messages are read in the background for seconds after the start (at 50 000 × 20, ~5 s), and a
 * call that needs them waits for that read (electron/core/messagesGate.ts). So every call the page makes from the
 * sign-in screen until its first queue rows show must be one that does not: one missing from CALLS_WITHOUT_MESSAGES
 * held the whole workspace back until the read was done (`training.current`: ~4 s between the sign-in click and the
 * queue at 50 000 × 20, measured in Chromium). The same for opening a conversation from that queue and sending a
 * reply, but for the customer's whole history (WAITS_ON_PURPOSE). The demo store is small, so this checks the calls, not the time.
 */
/** Calls the page makes then that need every message, and say so while they wait (the history's own loading state). */
const WAITS_ON_PURPOSE = new Set(['customer.history']);

function recordCalls(page: import('@playwright/test').Page) {
  const calls = new Set<string>();
  page.on('request', (r) => {
    const m = /\/api\/call\/([^/?]+)/.exec(r.url());
    if (m) calls.add(decodeURIComponent(m[1]));
  });
  return calls;
}

for (const who of [DEMO.agent, DEMO.lead]) {
  test(`${who.name}: every call the page makes until the queue shows is answered while the messages are still being read`, async ({ page, app }) => {
    const calls = recordCalls(page);
    await openApp(page, app, who);
    await expect(page.getByRole('listbox', { name: '按优先级排列的会话' }).getByRole('option').first()).toBeVisible();
    expect(calls.size).toBeGreaterThan(5);
    expect([...calls].filter((name) => !CALLS_WITHOUT_MESSAGES.has(name as never))).toEqual([]);
  });
}

test('opening a conversation and sending a reply: every call but the history is answered while the messages are read', async ({ page, app }) => {
  await openApp(page, app);
  const calls = recordCalls(page);
  const history = page.waitForRequest(/\/api\/call\/customer\.history/);
  await page.getByRole('listbox', { name: '按优先级排列的会话' }).getByRole('option').first().click();
  const reply = page.getByRole('textbox', { name: '回复' });
  await expect(reply).toBeVisible();
  await history;
  // The draft is saved as it is typed (after a short pause): by its answer, the panes have asked what they show.
  const saved = page.waitForResponse(/\/api\/call\/draft\.save/);
  await reply.fill('您好，我们正在处理');
  await saved;
  const sent = page.waitForResponse(/\/api\/call\/conversation\.reply/);
  await reply.press('Control+Enter');
  await sent;
  await expect(page.getByRole('list', { name: '消息', exact: true }).getByText('您好，我们正在处理')).toBeVisible();
  expect(calls).toContain('conversation.get');
  expect(calls).toContain('conversation.reply');
  expect(calls).toContain('customer.history');
  expect([...calls].filter((name) => !CALLS_WITHOUT_MESSAGES.has(name as never) && !WAITS_ON_PURPOSE.has(name))).toEqual([]);
});
