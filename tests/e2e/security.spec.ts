import { CALL_NAMES } from '../../shared/contract';
import { expect, openApp, test } from './fixtures';

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

test('web mode refuses requests without the token, from a foreign origin, or to a foreign host', async ({ request, app }) => {
  const noToken = await request.get(`${app.origin}/`);
  expect(noToken.status()).toBe(401);
  const wrongToken = await request.get(`${app.origin}/?token=deadbeef`);
  expect(wrongToken.status()).toBe(403);
  const token = new URL(app.url).searchParams.get('token')!;
  const cookie = `kefu_token_${new URL(app.url).port}=${token}`;
  const call = (headers: Record<string, string>) =>
    request.post(`${app.origin}/api/call/session.get`, { headers: { 'content-type': 'application/json', cookie, ...headers }, data: {} });
  expect((await call({})).status()).toBe(200);
  expect((await call({ origin: 'http://evil.example' })).status()).toBe(403);
  expect((await call({ host: 'evil.example' })).status()).toBe(403);
  const bad = await request.post(`${app.origin}/api/call/conversation.reply`, {
    headers: { 'content-type': 'application/json', cookie },
    data: { id: 42 },
  });
  const body = await bad.json();
  expect(body.ok).toBe(false);
  expect(body.error.kind).toBe('validation');
});

test('pages carry a strict Content-Security-Policy and the token leaves the address bar', async ({ page, app }) => {
  const response = await page.goto(app.url);
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  const csp = (await response!.request().redirectedTo()?.response())?.headers()['content-security-policy'] ?? (await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')));
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  // No inline script can run.
  const inlineRan = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(inlineRan).toBe(false);
});
