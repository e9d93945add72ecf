import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALL_NAMES } from '../../shared/contract';
import { DEMO, expect, openApp, signIn, switchTo, test } from './fixtures';

test('the page gets exactly the contract: one function per entry, a change subscription, nothing else', async ({ page, app }) => {
  await openApp(page, app);
  const surface = await page.evaluate(() => ({
    top: Object.keys(window.kefu!).sort(),
    calls: Object.keys(window.kefu!.call).sort(),
    allFunctions: Object.values(window.kefu!.call).every((f) => typeof f === 'function'),
    hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
    hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
  }));
  expect(surface.top).toEqual(['call', 'onChange']);
  expect(surface.calls).toEqual([...CALL_NAMES].sort());
  expect(surface.allFunctions).toBe(true);
  expect(surface.hasRequire).toBe(false);
  expect(surface.hasProcess).toBe(false);
});

test('web mode refuses calls without the token header, from a foreign origin, or to a foreign host', async ({ request, app }) => {
  const token = new URL(app.url).searchParams.get('token')!;
  const call = (headers: Record<string, string>, name = 'session.status', data: unknown = {}) =>
    request.post(`${app.origin}/api/call/${name}`, { headers: { 'content-type': 'application/json', ...headers }, data });
  expect((await call({ 'x-kefu-token': token })).status()).toBe(200);
  for (const headers of [{}, { 'x-kefu-token': 'deadbeef' }, { cookie: `kefu_token_${new URL(app.url).port}=${token}` }] as Record<string, string>[]) {
    expect((await call(headers)).status(), JSON.stringify(headers)).toBe(401);
  }
  expect((await request.get(`${app.origin}/api/events`)).status()).toBe(401);
  expect((await call({ 'x-kefu-token': token, origin: 'http://evil.example' })).status()).toBe(403);
  expect((await call({ 'x-kefu-token': token, host: 'evil.example' })).status()).toBe(403);
  // With the token but no session, only the sign-in screen's calls answer.
  const anonymous = await call({ 'x-kefu-token': token }, 'queue.page', { offset: 0, limit: 5 });
  expect((await anonymous.json()).error.kind).toBe('unauthenticated');
});

test('pages carry a strict Content-Security-Policy and the token leaves the address bar', async ({ page, app }) => {
  const response = await page.goto(app.url);
  await page.getByRole('button', { name: '登录' }).waitFor();
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  const inlineRan = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(inlineRan).toBe(false);
});

test('the token never reaches another server on this host', async ({ page, app, context }) => {
  const seen: IncomingHttpHeaders[] = [];
  const other = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>other</title><img src="/pixel.png">');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
  try {
    await openApp(page, app);
    const port = (other.address() as AddressInfo).port;
    // The same browser visits another local server, as a developer's other tools would.
    const visit = await context.newPage();
    await visit.goto(`http://127.0.0.1:${port}/`);
    await visit.waitForLoadState('load');
    const token = new URL(app.url).searchParams.get('token')!;
    expect(seen.length).toBeGreaterThan(0);
    expect(JSON.stringify(seen)).not.toContain(token);
    expect(JSON.stringify(await context.cookies())).not.toContain(token);
  } finally {
    other.close();
  }
});

test('a page without a session is asked to sign in; a wrong PIN is refused in words', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: '登录客服工作台' })).toBeVisible();
  await expect(page.getByRole('listbox', { name: '按优先级排列的会话' })).toHaveCount(0);
  await signIn(page, { name: DEMO.agent.name, pin: '000000' });
  await expect(page.getByRole('alert')).toContainText('账号或密码不正确');
  await signIn(page);
  await expect(page.getByRole('listbox', { name: '按优先级排列的会话' }).getByRole('option').first()).toBeVisible();
});

test('each page is its own session: two pages signed in as different agents each keep their own agent', async ({ context, app }) => {
  const pages = [await context.newPage(), await context.newPage()];
  await openApp(pages[0], app, DEMO.agent);
  await openApp(pages[1], app, DEMO.english);
  for (const [i, who] of [DEMO.agent, DEMO.english].entries()) {
    await pages[i].reload();
    await expect(pages[i].getByText(new RegExp(`^${who.name} · `))).toBeVisible();
  }
});

test('a trainee sees no live data anywhere, also right after an agent signed out on the same page', async ({ page, app }) => {
  await openApp(page, app);
  const queue = page.getByRole('listbox', { name: '按优先级排列的会话' });
  await queue.getByRole('option').first().click();
  const subject = (await page.getByRole('region', { name: '会话', exact: true }).getByRole('heading', { level: 2 }).textContent())!;
  expect(subject.length).toBeGreaterThan(3);
  await expect(page.getByText(subject).first()).toBeVisible();
  await switchTo(page, DEMO.trainee);
  await expect(page.getByRole('heading', { name: '培训' })).toBeVisible();
  await expect(queue).toHaveCount(0);
  await expect(page.getByRole('list', { name: '消息' })).toHaveCount(0);
  await expect(page.getByText(subject)).toHaveCount(0);
  await expect(page.getByRole('region', { name: '通知' })).toHaveCount(0);
  // Whatever the page asks, the core refuses live data to a trainee.
  const answers = await page.evaluate(async () => {
    const c = window.kefu!.call;
    const kinds = await Promise.all([
      c['queue.page']({ offset: 0, limit: 5 }),
      c['notices.list']({}),
      c['search.query']({ q: '退款' }),
      c['sla.explain']({ id: 'c-00001' }),
      c['conversation.get']({ id: 'c-00001' }),
      c['customer.history']({ customerId: 'cu-0001' }),
    ]);
    return kinds.map((r) => (r.ok ? 'ok' : r.error.kind));
  });
  expect(answers).toEqual(Array(6).fill('forbidden'));
});

test('an agent cannot open lead screens or reach lead calls by request', async ({ page, app }) => {
  await openApp(page, app);
  await expect(page.getByRole('button', { name: '团队', exact: true })).toHaveCount(0); // the lead's Team menu holds 账号管理
  const answers = await page.evaluate(async () => {
    const c = window.kefu!.call;
    const rs = await Promise.all([
      c['settings.update']({ slaHours: { normal: 24, vip: 1 }, complaintWorkingDays: 7, atRiskMinutes: 30 }),
      c['profiles.list']({}),
      c['profiles.add']({ name: 'x', role: 'lead', secret: '12345678' }),
      c['clock.advance']({ ms: 1000 }),
      c['backup.list']({}),
    ]);
    return rs.map((r) => (r.ok ? 'ok' : r.error.kind));
  });
  expect(answers).toEqual(Array(5).fill('forbidden'));
});

test('Ctrl+L locks the workstation; only the PIN unlocks it', async ({ page, app }) => {
  await openApp(page, app);
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: '客服工作台已锁定' })).toBeVisible();
  await expect(page.getByRole('listbox', { name: '按优先级排列的会话' })).toHaveCount(0);
  expect(await page.evaluate(async () => (await window.kefu!.call['queue.counts']({})).ok)).toBe(false);
  await page.getByLabel('PIN 码或密码').fill(DEMO.agent.pin);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('listbox', { name: '按优先级排列的会话' }).getByRole('option').first()).toBeVisible();
});
