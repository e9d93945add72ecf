import { DEMO, expect, openApp, switchTo, test } from './fixtures';

test('open a customer with several conversations and expand an older one in place', async ({ page, app }) => {
  await openApp(page, app);
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: '搜索消息、客户和会话' });
  await box.fill('王小明');
  await page.getByRole('listbox', { name: '搜索结果' }).getByRole('option').filter({ hasText: '客户' }).first().click();
  await expect(page.getByRole('dialog')).toBeHidden();

  const card = page.getByRole('region', { name: '客户名片' });
  await expect(card.getByRole('heading', { name: '王小明' })).toBeVisible();
  await expect(card.getByText('未结投诉')).toBeVisible();
  const history = page.getByRole('list', { name: '该客户的全部会话' });
  await expect(history.getByRole('listitem')).toHaveCount(4);

  const expand = history.getByRole('button', { name: /^展开/ }).last();
  const label = (await expand.getAttribute('aria-label'))!;
  await expand.click();
  await expect(history.getByRole('button', { name: label.replace('展开', '收起'), exact: true })).toHaveAttribute('aria-expanded', 'true');
  const thread = history.getByRole('list', { name: /的对话记录$/ });
  await expect(thread.getByRole('listitem').first()).toBeVisible();
  // the bot's part before the hand-over is collapsed but there to read
  await expect(thread.getByText(/转人工前的机器人对话/)).toBeVisible();
  await expect(page.getByRole('list', { name: '消息', exact: true })).toBeVisible(); // the open conversation stays open
});

test('search a Chinese phrase, see it highlighted, and open the hit', async ({ page, app }) => {
  await openApp(page, app);
  await app.drive('sim.customerMessage', { customerId: 'cu-0005', category: 'video_upload', body: '蓝鲸直播间的视频上传卡在百分之九十九' });
  await page.getByRole('button', { name: '搜索 (Ctrl+K)' }).click();
  const box = page.getByRole('combobox', { name: '搜索消息、客户和会话' });
  await box.fill('鲸直播间的视频上传');
  const results = page.getByRole('listbox', { name: '搜索结果' });
  const hit = results.getByRole('option').filter({ hasText: '消息' }).first();
  await expect(hit).toContainText('蓝鲸直播间的视频上传卡在百分之九十九');
  // <mark> has the ARIA role "mark": Playwright 1.65 finds it, its role type list does not name it yet.
  // @ts-expect-error role 'mark' missing from Playwright's AriaRole type
  await expect(hit.getByRole('mark').first()).toHaveText('鲸直播间的视频上传');

  // a substring inside a word, and the filters
  await box.fill('鲸直');
  await expect(results.getByRole('option').first()).toContainText('蓝鲸直播间');
  await page.getByRole('dialog').getByRole('combobox', { name: '类别' }).selectOption('payment');
  await expect(page.getByText('没有找到。')).toBeVisible();
  await page.getByRole('dialog').getByRole('combobox', { name: '类别' }).selectOption('video_upload');
  await expect(results.getByRole('option').first()).toContainText('蓝鲸直播间');

  await box.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('list', { name: '消息' }).getByText('蓝鲸直播间的视频上传卡在百分之九十九')).toBeVisible();
});

test('search shows more than one page of results, by the keyboard or a click', async ({ page, app }) => {
  await openApp(page, app);
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: '搜索消息、客户和会话' });
  await box.fill('您好');
  await expect(page.getByText(/正在建立搜索索引/)).toBeHidden();
  const results = page.getByRole('listbox', { name: '搜索结果' });
  await expect(results.getByRole('option')).toHaveCount(30);
  await expect(page.getByRole('status').filter({ hasText: '已显示 30 条' })).toBeVisible();

  const more = page.getByRole('dialog').getByRole('button', { name: '显示更多结果' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(results.getByRole('option')).toHaveCount(60);
  await more.click();
  await expect(results.getByRole('option')).toHaveCount(90);
  await expect(page.getByRole('status').filter({ hasText: '已显示 90 条' })).toBeVisible();
  // a new query starts again from its first page
  await box.fill('退款');
  await expect(results.getByRole('option')).not.toHaveCount(90);
});

test('a draft survives switching conversations and a reload', async ({ page, app }) => {
  await openApp(page, app);
  const queue = page.getByRole('listbox', { name: '按优先级排列的会话' });
  await queue.getByRole('option').nth(0).click();
  const reply = page.getByRole('textbox', { name: '回复' });
  await reply.fill('草稿：我先查一下订单');
  await queue.getByRole('option').nth(1).click();
  await expect(reply).toHaveValue('');
  await queue.getByRole('option').nth(0).click();
  await expect(reply).toHaveValue('草稿：我先查一下订单');

  await page.reload();
  await expect(page.getByRole('textbox', { name: '回复' })).toHaveValue('草稿：我先查一下订单');
});

test('ownership is transferred with a note, and the new owner sees it in the timeline', async ({ page, app }) => {
  await openApp(page, app);
  // One of the agent's own conversations (a colleague's is theirs or a lead's to hand on).
  const heading = page.getByRole('heading', { name: /队列/ });
  const team = (await heading.textContent())!.match(/(\d+) 个会话/)![1];
  await page.getByRole('radiogroup', { name: '范围' }).getByRole('radio', { name: '我的' }).check();
  await expect(heading).not.toContainText(`${team} 个会话`);
  await page.getByRole('listbox', { name: '按优先级排列的会话' }).getByRole('option').nth(1).click();
  await page.getByRole('textbox', { name: '回复' }).fill('您好，我来跟进');
  await page.getByRole('button', { name: '发送' }).click();
  // The reply's answer re-renders the header while the click lands: CI once saw the form never open after one click
  // (a minute's wait, not reproduced in 26 runs under load here). Click again only when it is still closed.
  const transferTo = page.getByRole('combobox', { name: '新负责人' });
  await expect(page.getByRole('list', { name: '消息', exact: true }).getByText('您好，我来跟进')).toBeVisible();
  await expect(async () => {
    if (!(await transferTo.isVisible())) await page.getByRole('button', { name: '转交负责人' }).click();
    await expect(transferTo).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await transferTo.selectOption({ label: 'James Miller' });
  await page.getByRole('textbox', { name: '给新负责人的备注' }).fill('客户要求英文沟通');
  await page.getByRole('button', { name: '转交', exact: true }).click();
  const thread = page.getByRole('list', { name: '消息', exact: true });
  await expect(thread.getByText(/转交了负责人：.* → James Miller/)).toBeVisible();
  await expect(thread.getByText('客户要求英文沟通')).toBeVisible();
  await expect(page.getByText('负责人：James Miller')).toBeVisible();

  // The new owner signs in on this workstation and opens it from their queue.
  const id = (await page.evaluate(() => localStorage.getItem('kefu.selected.a-lina')))!;
  await switchTo(page, DEMO.english);
  // James works in English: his queue, filtered by the conversation's id.
  await page.getByRole('searchbox', { name: 'Filter text' }).fill(id);
  // The filter is applied by the core: wait for its answer (ids are fixed-width, so one row) before clicking, or the
  // click may land on the unfiltered queue's first row.
  const rows = page.getByRole('listbox', { name: 'Conversations by priority' }).getByRole('option');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(page.getByRole('list', { name: 'Messages', exact: true }).getByText('客户要求英文沟通')).toBeVisible();
});
