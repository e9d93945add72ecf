import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Output } from '../../shared/contract';
import { DEMO, expect, openApp, switchTo, test, type WebApp } from './fixtures';

/** The scenario this spec practises (shared/data/training/zh-upload-stuck-99.json): four customer turns to the end. */
const TITLE = '视频上传卡在99%';
/** A scenario the demo trainee has not been assigned yet (electron/core/seed/phrases.ts TRAINING_ASSIGNMENTS). */
const NEW_TITLE = '旧手机号停用，无法登录';

/** What a live agent's queue looks like, read by the lead from outside the page. */
async function liveQueue(app: WebApp) {
  const page = await app.drive<Output<'queue.page'>>('queue.page', { offset: 0, limit: 50 });
  const counts = await app.drive<Output<'queue.counts'>>('queue.counts', {});
  return { total: page.total, ids: page.items.map((i) => i.id), breached: counts.breached, atRisk: counts.atRisk };
}

/** WCAG AA colour contrast (axe) of what is on the page, or of one part of it; `all` checks every WCAG A/AA rule. */
async function contrast(page: Page, selector?: string, all = false) {
  const builder = all ? new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']) : new AxeBuilder({ page }).withRules(['color-contrast']);
  const result = await (selector ? builder.include(selector) : builder).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}: ${n.any.map((a) => a.message).join('; ')}`));
}

test('a trainee practises in the real workspace, marked as training, and sees the graded result; live work is untouched', async ({ page, app }) => {
  const before = await liveQueue(app);
  // What an agent sees of the live queue before the practice.
  await openApp(page, app);
  const heading = page.getByRole('heading', { name: /队列/ });
  await expect(heading).toContainText(/\d+ 个会话/);
  const counts = page.getByRole('group', { name: '团队时效状态' });
  const agentSaw = { heading: await heading.textContent(), counts: await counts.textContent() };
  await switchTo(page, DEMO.trainee);
  await expect(page.getByRole('heading', { name: '培训', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: `开始 ${TITLE}` }).first().click();

  // The workspace, marked: the banner (a named status), the window title, the practice conversation opened.
  const banner = page.getByRole('status', { name: '培训' });
  await expect(banner).toContainText(`场景：${TITLE}`);
  await expect(page).toHaveTitle(/^【培训】/);
  const thread = page.getByRole('list', { name: '消息' });
  await expect(thread).toContainText('我的视频上传一直卡在99%');
  const queue = page.getByRole('listbox', { name: '按优先级排列的会话' });
  await expect(queue.getByRole('option')).toHaveCount(1);
  expect(await contrast(page, '[data-training-banner]')).toEqual([]);

  // The real reply box; the simulated customer answers after a typing delay on the demo clock.
  const reply = page.getByRole('textbox', { name: '回复' });
  const send = async (text: string, customerNext: string) => {
    await app.drive('clock.advance', { ms: 10_000 }); // reading and writing take the trainee a moment
    await reply.fill(text);
    await page.getByRole('button', { name: '发送' }).click();
    await expect(thread.getByText(text)).toBeVisible();
    await app.drive('clock.advance', { ms: 20_000 });
    await expect(thread).toContainText(customerNext);
  };
  await send('您好，周晓雨，非常抱歉让您着急了。卡在99%通常是视频还在后台转码处理，请保持App在前台，切换稳定网络后在草稿箱重新发布。', '网络换过了');
  await send('请问您的App版本和手机型号是什么？', '最新版本，小米14');
  await send('好的，我已反馈给技术同事排查，会第一时间跟进。感谢您的耐心，祝您生活愉快！', '那我等你们消息');

  // The practice conversation is the trainee's to work: resolving it is offered (the workspace checks the sandbox's
  // role, an agent's, not the live trainee role that would grey every control out).
  await expect(page.getByRole('button', { name: '解决', exact: true })).toBeEnabled();

  await banner.getByRole('button', { name: '结束并评分' }).click();
  // The result: the score, the rubric with met / missed and why, quoting the trainee, and the replay.
  await expect(page.getByRole('heading', { name: `结果：${TITLE}`, level: 2 })).toBeVisible();
  await expect(page.getByRole('group', { name: '得分' })).toContainText(/\d+ \/ 100/);
  const rubric = page.getByRole('list', { name: '评分项' });
  await expect(rubric.getByRole('listitem', { name: '问候语: 达成' })).toContainText('你写道：“您好，周晓雨');
  await expect(rubric.getByRole('listitem', { name: '致歉: 达成' })).toBeVisible();
  await expect(rubric.getByRole('listitem', { name: /^要点: / })).toBeVisible();
  const replay = page.getByRole('list', { name: '逐轮回放' });
  await expect(replay.getByRole('listitem', { name: /^第 \d 轮$/ })).toHaveCount(4);
  await expect(replay.getByRole('listitem', { name: '第 1 轮' })).toContainText(/用时 .+（限时 2 分）/);
  expect(await contrast(page, 'main', true)).toEqual([]);
  await expect(banner).toHaveCount(0);
  await expect(page).not.toHaveTitle(/培训/);

  // The past attempt is listed and opens the same result.
  await page.getByRole('button', { name: '返回培训' }).click();
  const attempts = page.getByRole('region', { name: '练习记录' });
  await expect(attempts).toContainText(`${TITLE}`);
  await attempts.getByRole('button', { name: new RegExp(`^查看 ${TITLE} 的结果`) }).click();
  await expect(page.getByRole('heading', { name: `结果：${TITLE}`, level: 2 })).toBeVisible();
  await page.getByRole('button', { name: '返回培训' }).click();

  // Live work is unchanged: the same queue for the lead, and for an agent signing in on this page.
  expect(await liveQueue(app)).toEqual(before);
  await switchTo(page, DEMO.agent);
  await expect(heading).toHaveText(agentSaw.heading!);
  await expect(counts).toHaveText(agentSaw.counts!);
  await expect(page.getByRole('status', { name: '培训' })).toHaveCount(0);
  await expect(page.getByText('视频上传一直卡在99%')).toHaveCount(0);
});

test('a lead assigns a scenario with a due date and sees the trainee’s attempt in progress', async ({ page, app, browser }) => {
  await openApp(page, app, { name: DEMO.lead.name, pin: DEMO.lead.pin });
  await page.getByRole('button', { name: '团队', exact: true }).click();
  await page.getByRole('menuitem', { name: '培训', exact: true }).click();
  await page.getByRole('tab', { name: '团队进度' }).click();
  const assign = page.getByRole('form', { name: '分配场景' });
  await assign.getByLabel('场景').selectOption({ label: NEW_TITLE });
  await assign.getByRole('checkbox', { name: /^刘洋 · / }).check();
  await assign.getByRole('button', { name: '分配' }).click();
  await expect(assign.getByRole('status')).toHaveText('已分配给 1 人。');
  const people = page.getByRole('table', { name: '全员进度' });
  await expect(people.getByRole('row', { name: /刘洋/ })).toContainText('1');
  expect(await contrast(page, 'main', true)).toEqual([]);

  // The trainee sees it assigned, with its due date, and starts it.
  const other = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
  const trainee = await other.newPage();
  await trainee.addInitScript(() => localStorage.setItem('kefu.colorScheme', 'dark'));
  await openApp(trainee, app, DEMO.trainee);
  const assigned = trainee.getByRole('table', { name: '分配给你的' });
  await expect(assigned.getByRole('row', { name: new RegExp(NEW_TITLE) })).toContainText('待完成');
  await assigned.getByRole('button', { name: `开始 ${NEW_TITLE}` }).click();
  await expect(trainee.getByRole('status', { name: '培训' })).toBeVisible();
  // The training colour reads in the dark scheme too.
  await expect(trainee.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  expect(await contrast(trainee, '[data-training-banner]')).toEqual([]);

  // The lead's page shows the attempt in progress without a reload.
  await expect(page.getByRole('list', { name: '最近的练习' })).toContainText(`刘洋 — ${NEW_TITLE}`);
  await expect(page.getByRole('list', { name: '最近的练习' })).toContainText('进行中');
  await other.close();
});
