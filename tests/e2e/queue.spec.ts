import type { Page } from '@playwright/test';
import type { Output } from '../../shared/contract';
import { DEMO, expect, openApp, switchTo, test, type WebApp } from './fixtures';

const H = 3600_000;
const queueOf = (page: Page) => page.getByRole('listbox', { name: '按优先级排列的会话' });

/** A VIP and a normal customer from the seeded queue. */
async function customers(app: WebApp) {
  const page = await app.drive<Output<'queue.page'>>('queue.page', { offset: 0, limit: 500 });
  const vip = page.items.find((i) => i.tier === 'vip')!;
  const normal = page.items.find((i) => i.tier === 'normal')!;
  return { vip: vip.customerId, normal: normal.customerId };
}
/** A customer writes (the demo simulator, which the lead drives). */
async function customerWrites(app: WebApp, customerId: string, subject: string) {
  const r = await app.drive<Output<'sim.customerMessage'>>('sim.customerMessage', { customerId, category: 'account', subject, body: subject });
  return r.conversationId;
}
const advance = (app: WebApp, ms: number) => app.drive('clock.advance', { ms });

test('a VIP sits above a normal conversation of the same age', async ({ page, app }) => {
  await openApp(page, app);
  const { vip, normal } = await customers(app);
  const tag = `同龄-${Date.now()}`;
  await customerWrites(app, normal, `${tag} 普通`);
  await customerWrites(app, vip, `${tag} 贵宾`);
  await page.getByRole('searchbox', { name: '文本筛选' }).fill(tag);
  const rows = queueOf(page).getByRole('option');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAccessibleName(new RegExp(`^VIP .*${tag} 贵宾`));
  await expect(rows.nth(1)).toHaveAccessibleName(new RegExp(`${tag} 普通`));
  await expect(rows.nth(0)).toContainText('剩余 12 小时 0 分');
  await expect(rows.nth(1)).toContainText('剩余 1 天 0 小时');
});

test('a pending conversation’s countdown stops while others keep running', async ({ page, app }) => {
  await openApp(page, app);
  const { normal } = await customers(app);
  const tag = `暂停-${Date.now()}`;
  const waiting = await customerWrites(app, normal, `${tag} 等待`);
  await customerWrites(app, normal, `${tag} 运行`);
  // The agent takes the new (unassigned) conversation and waits for the customer.
  await page.evaluate(async (id) => {
    await window.kefu!.call['conversation.setStatus']({ id, status: 'open' });
    await window.kefu!.call['conversation.setStatus']({ id, status: 'pending' });
  }, waiting);
  await page.getByRole('searchbox', { name: '文本筛选' }).fill(tag);
  const pending = queueOf(page).getByRole('option', { name: new RegExp(`${tag} 等待`) });
  const running = queueOf(page).getByRole('option', { name: new RegExp(`${tag} 运行`) });
  await expect(pending).toContainText('已暂停 · 剩余 1 天 0 小时');
  await expect(running).toContainText('剩余 1 天 0 小时');
  await advance(app, 3 * H);
  await expect(running).toContainText('剩余 21 小时 0 分');
  await expect(pending).toContainText('已暂停 · 剩余 1 天 0 小时');
  // The running one now has less time left, so it moved above the paused one.
  await expect(queueOf(page).getByRole('option').first()).toHaveAccessibleName(new RegExp(`${tag} 运行`));
});

test('a category filter and a keyboard walk open the third payment conversation', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('button', { name: /^筛选/ }).click();
  await page.getByRole('group', { name: '类别' }).getByRole('checkbox', { name: '支付' }).check();
  await page.keyboard.press('Escape');
  const rows = queueOf(page).getByRole('option');
  await expect(rows.first()).toContainText('支付');
  const count = await rows.count();
  for (let i = 0; i < Math.min(count, 6); i++) await expect(rows.nth(i)).toContainText('支付');
  const third = (await rows.nth(2).getAttribute('aria-label'))!;
  await queueOf(page).focus();
  // Nothing focused yet: j → 1st, ↓ → 2nd, j → 3rd, j → 4th, k → back to the 3rd.
  for (const key of ['j', 'ArrowDown', 'j', 'j', 'k']) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  await expect(queueOf(page).getByRole('option', { selected: true })).toHaveAccessibleName(third);
  await expect(page.getByRole('textbox', { name: '回复' })).toBeVisible();

  // `?` lists the shortcuts; Escape closes the list.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(help).toContainText('下一个会话');
  await expect(help).toContainText('打开当前会话');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('an at-risk notice appears as the clock advances, and opens its conversation', async ({ page, app }) => {
  await openApp(page, app, DEMO.lead);
  const { vip } = await customers(app);
  const subject = `即将超时测试 ${Date.now()}`;
  await customerWrites(app, vip, subject);
  // Move to just inside the 2-hour window of this 12-hour VIP clock, a step at a time as a working day would.
  for (let done = 0, total = 12 * H - 119 * 60_000; done < total; ) {
    const step = Math.min(20 * 60_000, total - done);
    await advance(app, step);
    done += step;
  }
  const notices = page.getByRole('region', { name: '通知' });
  const notice = notices.getByRole('status').filter({ hasText: subject });
  await expect(notice).toContainText('即将超时');
  await notice.getByRole('button', { name: new RegExp(`打开：.*${subject}`) }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  await expect(queueOf(page).getByRole('option', { selected: true })).toHaveAccessibleName(new RegExp(subject));
});

test('only a lead can change the SLA settings, and the change shows in the queue', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('button', { name: '队列选项' }).click();
  await page.getByRole('menuitem', { name: '打开时效设置' }).click();
  const dialog = page.getByRole('dialog', { name: '时效设置' });
  await expect(dialog).toContainText('仅组长可以修改这些设置');
  await expect(dialog.getByRole('button', { name: '保存设置' })).toHaveCount(0);
  // Values, not fields: nothing an agent could mistake for editable.
  await expect(dialog.getByRole('spinbutton')).toHaveCount(0);
  await expect(dialog.getByRole('definition').first()).toHaveText('24');
  await dialog.getByRole('button', { name: '关闭' }).click();

  await switchTo(page, DEMO.lead);
  const { vip } = await customers(app);
  const subject = `设置测试 ${Date.now()}`;
  await customerWrites(app, vip, subject);
  await page.getByRole('button', { name: '队列选项' }).click();
  await page.getByRole('menuitem', { name: '打开时效设置' }).click();
  await dialog.getByRole('spinbutton', { name: 'VIP 客户回复时限（小时）' }).fill('30');
  await dialog.getByRole('button', { name: '保存设置' }).click();
  // The reason, in the user's language, naming the field; the core's English detail stays in the log.
  await expect(dialog.getByRole('alert')).toContainText('VIP 客户回复时限');
  await expect(dialog.getByRole('alert')).not.toContainText('slaHours');
  await dialog.getByRole('spinbutton', { name: 'VIP 客户回复时限（小时）' }).fill('8');
  await dialog.getByRole('button', { name: '保存设置' }).click();
  await expect(dialog.getByRole('status')).toContainText('已保存');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('searchbox', { name: '文本筛选' }).fill(subject);
  await expect(queueOf(page).getByRole('option').first()).toContainText('剩余 8 小时 0 分');
});

test('the focused row stays under the keyboard when the order changes above it', async ({ page, app }) => {
  await openApp(page, app);
  const queue = queueOf(page);
  await queue.focus();
  // Walk far enough down that the list has scrolled (at the very top there is nothing to scroll back by).
  for (let i = 0; i < 20; i++) await page.keyboard.press('j');
  const focusedId = (await queue.getAttribute('aria-activedescendant'))!;
  const row = page.locator(`[id="${focusedId}"]`);
  const label = (await row.getAttribute('aria-label'))!;
  const yBefore = (await row.boundingBox())!.y;
  const heading = page.getByRole('heading', { name: /队列/ });
  const before = Number((await heading.textContent())!.match(/(\d+) 个会话/)![1]);

  // Another agent resolves the conversation at the top: everything below it moves up one row.
  const top = await app.drive<Output<'queue.page'>>('queue.page', { offset: 0, limit: 1 });
  await app.drive('conversation.setStatus', { id: top.items[0].id, status: 'resolved' });
  await expect(heading).toContainText(`${before - 1} 个会话`);
  await expect(queue).toHaveAttribute('aria-activedescendant', focusedId);
  await expect.poll(async () => Math.abs((await row.boundingBox())!.y - yBefore)).toBeLessThan(3);
  await page.keyboard.press('Enter');
  await expect(queue.getByRole('option', { selected: true })).toHaveAccessibleName(label);
});
