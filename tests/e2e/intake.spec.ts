import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Output } from '../../shared/contract';
import { DEMO_PINS } from '../../shared/schema/credential';
import { DEMO, expect, openApp, switchTo, test, type WebApp } from './fixtures';

/**
 * Issue 11 end to end, in web mode with the test clock: the platform's connector writes JSON Lines into the spool
 * folder (docs/spool-format.md: `<data folder>/spool` by default), the watcher imports them, the bot answers, the
 * customer asks for a person, routing gives it to an agent who sees why, replies in the UI, and the reply is a line
 * in the outbox. A malformed line is set aside and counted in the header.
 */

const line = (e: unknown) => `${JSON.stringify(e)}\n`;
/** Event times just before the test clock's start (2026-11-24 09:00 Shanghai). */
const at = (hhmm: string) => `2026-11-24T${hhmm}:00+08:00`;

/** axe over the page: WCAG AA colour contrast and every control named (the new surfaces are not in the seeded demo). */
async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withRules(['color-contrast', 'button-name', 'aria-progressbar-name', 'aria-valid-attr-value', 'label']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}: ${n.any.map((a) => a.message).join('; ')}`));
}
/** Both colour schemes, following the OS as the app does until the user picks one. */
async function axeBothSchemes(page: Page) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    // Polled, like the queue's check: a check taken while the page is still settling after the switch reads passing
    // colours; a real contrast fault stays and fails the poll.
    await expect.poll(() => axeViolations(page), { message: scheme }).toEqual([]);
  }
}

type OutLine = { id: string; type: string; conversationId: string; author?: string; agentId?: string | null; body?: string; to?: string };

/** Every line the desk has written to the outbox so far (a line counts once it ends with its newline). */
function outbox(app: WebApp): OutLine[] {
  const dir = path.join(app.dataDir, 'spool', 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').slice(0, -1))
    .map((l) => JSON.parse(l) as OutLine);
}

test('a spool conversation goes to the bot, then to the right agent with the reason shown, and the reply reaches the outbox', async ({ page, app }) => {
  // The new surfaces (routing line, mark-wrong, spool indicator, quarantine dialog) must not need an inline style.
  const refusals: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) refusals.push(m.text().slice(0, 160));
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy refusal: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await openApp(page, app);
  const spool = path.join(app.dataDir, 'spool');
  mkdirSync(spool, { recursive: true });
  const file = path.join(spool, '2026-11-24T08-55-00.jsonl');
  const platformId = `P-E2E-${Date.now()}`;
  const customerId = `u-e2e-${Date.now()}`;
  const subject = `付款失败 ${platformId}`;
  writeFileSync(
    file,
    line({ id: `${platformId}-1`, at: at('08:55'), type: 'conversation.new', conversationId: platformId, customer: { id: customerId, name: '钱多多', tier: 'normal', locale: 'zh-CN' }, category: 'payment', subject, body: '我付款的时候一直提示支付失败，银行卡扣款没成功' }),
  );

  // The watcher imports it; the bot answers, and its answer is a line in the outbox.
  await expect.poll(() => outbox(app).filter((o) => o.conversationId === platformId && o.type === 'agent.reply' && o.author === 'bot').length, { timeout: 15_000 }).toBe(1);
  const history = await app.drive<Output<'customer.history'>>('customer.history', { customerId });
  const id = history.conversations[0].id;
  expect((await app.drive<Output<'conversation.get'>>('conversation.get', { id })).conversation.status).toBe('bot');

  // The customer asks for a person (appended as one write of the whole line).
  appendFileSync(file, line({ id: `${platformId}-2`, at: at('08:57'), type: 'customer.message', conversationId: platformId, body: '转人工' }));
  await expect.poll(async () => (await app.drive<Output<'conversation.get'>>('conversation.get', { id })).conversation.status, { timeout: 15_000 }).toBe('queued');
  const view = await app.drive<Output<'conversation.get'>>('conversation.get', { id });
  expect(view.conversation.handOver?.reason).toBe('asked_for_person');
  expect(view.conversation.routing?.state).toBe('assigned');
  const assignee = view.assignee!;
  expect(assignee.id).toBe(view.conversation.routing!.agentId);
  // Routing picked an agent who can take a Chinese payment conversation: the rule's reasons say so.
  expect(view.conversation.routing!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['skill', 'language', 'load']));

  // The agent it went to finds it in their own queue, and the header says why it is theirs.
  if (assignee.name !== DEMO.agent.name) await switchTo(page, { name: assignee.name, pin: DEMO_PINS.agent });
  await page.getByRole('radiogroup', { name: '范围' }).getByRole('radio', { name: '我的' }).check();
  await page.getByRole('searchbox', { name: '文本筛选' }).fill(platformId);
  const row = page.getByRole('listbox', { name: '按优先级排列的会话' }).getByRole('option', { name: new RegExp(platformId) });
  await row.click();
  const pane = page.getByRole('region', { name: '会话' });
  await expect(pane.getByRole('heading', { name: subject })).toBeVisible();
  await expect(pane.getByRole('note', { name: '分配' })).toHaveText(new RegExp(`^分配给 ${assignee.name}：支付技能；会说中文；负载 \\d+/\\d+`));
  const summary = pane.getByRole('region', { name: '转人工摘要' });
  await expect(summary).toContainText('客户要求转人工。');
  await expect(summary).toContainText(/支付（把握 \d+%）/);

  // The bot's answer, among its collapsed turns, can be marked wrong; the agent sees it was recorded.
  const thread = pane.getByRole('list', { name: '消息', exact: true });
  await thread.getByRole('button', { name: /^转人工前的机器人对话/ }).click();
  await axeBothSchemes(page);
  const answer = view.messages.find((m) => m.author === 'bot' && m.faqId !== undefined)!;
  const bubble = thread.getByRole('listitem').filter({ hasText: answer.body.split('\n')[0] });
  await bubble.getByRole('button', { name: '标为错误' }).click();
  await expect(bubble.getByRole('status')).toHaveText('已标为错误：组长会审核。');
  const wrong = await app.drive<Output<'bot.wrongAnswers'>>('bot.wrongAnswers', {});
  expect(wrong.map((w) => [w.messageId, w.agentId])).toEqual([[answer.id, assignee.id]]);

  // The agent replies in the UI; the reply is written to the outbox under the platform's conversation id.
  const reply = `您好，我来帮您查一下扣款 ${platformId}`;
  await pane.getByRole('textbox', { name: '回复' }).fill(reply);
  await pane.getByRole('button', { name: '发送' }).click();
  await expect
    .poll(() => outbox(app).find((o) => o.type === 'agent.reply' && o.author === 'agent' && o.body === reply), { timeout: 15_000 })
    .toMatchObject({ conversationId: platformId, agentId: assignee.id });

  // A malformed line is set aside and counted where everyone sees it; the dialog names file, line and reason.
  appendFileSync(file, '{"id": "half an event", "at": \n');
  const header = page.getByRole('banner');
  await header.getByRole('button', { name: '1 行已隔离' }).click({ timeout: 15_000 });
  const dialog = page.getByRole('dialog', { name: '已隔离的数据行' });
  const cells = dialog.getByRole('row').nth(1).getByRole('cell');
  await expect(cells.nth(0)).toHaveText(path.basename(file));
  await expect(cells.nth(1)).toHaveText('3');
  await expect(cells.nth(2)).toContainText('不是有效的 JSON');
  await axeBothSchemes(page);
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(header.getByRole('button', { name: '1 line set aside' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Routing' })).toHaveText(new RegExp(`^Assigned to ${assignee.name}: payment skill; speaks 中文; load \\d+/\\d+`));
  await axeBothSchemes(page);
  expect(refusals).toEqual([]);
});
