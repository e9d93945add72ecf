import type { Output } from '../../shared/contract';
import { DEMO, expect, openApp, test } from './fixtures';

// The smallest window the workspace is designed for: the notices must find room without covering anything.
test.use({ viewport: { width: 1280, height: 800 } });

test('at most three notices show; the rest wait in the notice centre; a group reads as words', async ({ page, app }) => {
  await openApp(page, app, DEMO.lead);
  // Eight new VIP conversations nobody owns yet (their notices go to the leads), then 10 h later all at risk at once.
  const queue = await app.drive<Output<'queue.page'>>('queue.page', { offset: 0, limit: 500 });
  const vip = queue.items.find((i) => i.tier === 'vip')!.customerId;
  for (let i = 0; i < 8; i++) await app.drive('sim.customerMessage', { customerId: vip, category: 'account', subject: `通知上限 ${i}`, body: `通知上限 ${i}` });
  await app.drive('clock.advance', { ms: 10 * 3600_000 + 60_000 });

  const region = page.getByRole('region', { name: '通知' });
  await expect(region.getByRole('status').first()).toBeVisible();
  await expect.poll(() => region.getByRole('status').count()).toBeLessThanOrEqual(3);
  const showAll = region.getByRole('button', { name: /^查看全部 \d+ 条通知$/ });
  await expect(showAll).toBeVisible();
  await showAll.click();
  const centre = page.getByRole('dialog', { name: '全部通知' });
  await expect(centre).toBeVisible();
  expect(await centre.getByRole('status').count()).toBeGreaterThan(3);
  // The conversations beyond the first few crossed together: one notice says how many, in words.
  await expect(centre.getByRole('status').filter({ hasText: /\d+ 条会话即将超时/ }).first()).toBeVisible();
  // The reply box is never under a notice: the stack sits in the layout, not over it.
  await centre.getByRole('button', { name: '关闭' }).click();
  await expect(centre).toHaveCount(0);
  await page.getByRole('listbox', { name: '按优先级排列的会话' }).getByRole('option').first().click();
  await expect(region.getByRole('status')).toHaveCount(3);
  const reply = page.getByRole('textbox', { name: '回复' });
  const send = page.getByRole('button', { name: '发送' });
  for (const control of [reply, send]) {
    await expect(control).toBeInViewport();
    const box = (await control.boundingBox())!;
    for (const n of await region.getByRole('status').all()) {
      const b = (await n.boundingBox())!;
      const overlaps = b.x < box.x + box.width && box.x < b.x + b.width && b.y < box.y + box.height && box.y < b.y + b.height;
      expect(overlaps).toBe(false);
    }
  }
  // Clickable, not only uncovered by the notices: nothing else lies over them either (Playwright's hit test).
  await reply.click();
  await reply.fill('通知不遮挡回复框');
  await send.click({ trial: true });
});
