import { CALLS_WITHOUT_MESSAGES } from '../../electron/core/messagesGate';
import { DEMO, expect, openApp, test } from './fixtures';

/**
 * On a large store the messages are read in the background for seconds after the start (at 50 000 × 20, ~5 s), and a
 * call that needs them waits for that read (electron/core/messagesGate.ts). So every call the page makes from the
 * sign-in screen until its first queue rows show must be one that does not: one missing from CALLS_WITHOUT_MESSAGES
 * held the whole workspace back until the read was done (`training.current`: ~4 s between the sign-in click and the
 * queue at 50 000 × 20, measured in Chromium). The demo store is small, so this checks the calls, not the time.
 */
for (const who of [DEMO.agent, DEMO.lead]) {
  test(`${who.name}: every call the page makes until the queue shows is answered while the messages are still being read`, async ({ page, app }) => {
    const calls = new Set<string>();
    page.on('request', (r) => {
      const m = /\/api\/call\/([^/?]+)/.exec(r.url());
      if (m) calls.add(decodeURIComponent(m[1]));
    });
    await openApp(page, app, who);
    await expect(page.getByRole('listbox', { name: '按优先级排列的会话' }).getByRole('option').first()).toBeVisible();
    expect(calls.size).toBeGreaterThan(5);
    expect([...calls].filter((name) => !CALLS_WITHOUT_MESSAGES.has(name as never))).toEqual([]);
  });
}
