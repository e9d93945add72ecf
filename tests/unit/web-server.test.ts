import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { DEMO_PINS } from '../../shared/schema';
import type { CoreGateway } from '../../electron/core/pendingCore';
import { MAX_BODY, startWebServer, type WebServer } from '../../electron/web/server';
import { coreSandbox } from './coreSandbox';

/**
 * Web mode over real HTTP: the server from electron/web/server.ts on a free loopback port, in front of a real core
 * (its raw session handling, not the test sandbox's). The gate's pure functions are tested in web-security.test.ts.
 */
const sandbox = coreSandbox('kefu-web-server-');
const servers: WebServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A started server over a seeded core; `reached` lists every call that got through to the core. */
async function start() {
  const { core: sandboxed } = await sandbox.open();
  const core = sandboxed.raw;
  const staticDir = mkdtempSync(join(tmpdir(), 'kefu-web-static-'));
  dirs.push(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Kefu Desk</title>');
  const reached: { name: string; session: unknown }[] = [];
  const gateway: CoreGateway = {
    call: (...args: Parameters<CoreGateway['call']>) => {
      reached.push({ name: args[0], session: args[2] });
      return core.call(...args);
    },
    subscribe: (l) => core.subscribe(l),
  };
  const server = await startWebServer({ core: gateway, staticDir, port: 0 });
  servers.push(server);
  const origin = `http://127.0.0.1:${server.port}`;
  const auth = { 'x-kefu-token': server.token };
  const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${origin}/api/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { core, server, origin, auth, post, reached };
}

describe('web mode server, over HTTP', () => {
  it('refuses /api/* without the token header (a cookie does not count) before the core sees it', async () => {
    const { post, auth, server, origin, reached } = await start();
    const refused: Record<string, string>[] = [
      {},
      { 'x-kefu-token': '0'.repeat(server.token.length) },
      { cookie: `kefu_token_${server.port}=${server.token}` }, // the old cookie: no longer a credential
      { 'x-kefu-session': 's1' },
    ];
    for (const headers of refused) {
      expect((await post('session.status', {}, headers)).status, JSON.stringify(headers)).toBe(401);
      expect((await post('conversation.reply', { id: 'c-00001', body: 'hello', internal: false }, headers)).status, JSON.stringify(headers)).toBe(401);
    }
    expect((await fetch(`${origin}/api/events`)).status).toBe(401);
    expect(reached).toEqual([]);
    const ok = await post('session.status', {}, auth);
    expect(ok.status).toBe(200);
    expect((await ok.json()).value.state).toBe('signed_out');
    expect(reached.map((r) => r.name)).toEqual(['session.status']);
  });

  it('serves the page without setting any cookie; the token stays the page\'s own', async () => {
    const { origin, server } = await start();
    const res = await fetch(`${origin}/?token=${server.token}`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('issues a session per page at sign-in; a forged or ended session gets nothing', async () => {
    const { post, auth, core } = await start();
    const lead = [...core.store.all('agents').values()].find((a) => a.role === 'lead')!;
    const trainee = [...core.store.all('agents').values()].find((a) => a.role === 'trainee')!;
    const signIn = async (agentId: string, role: keyof typeof DEMO_PINS) => {
      const res = await post('session.signIn', { agentId, secret: DEMO_PINS[role] }, auth);
      const body = await res.json();
      expect(body.ok).toBe(true);
      expect(JSON.stringify(body)).not.toContain(res.headers.get('x-kefu-session')); // the id is only in the header
      return res.headers.get('x-kefu-session')!;
    };
    const a = await signIn(lead.id, 'lead');
    const b = await signIn(trainee.id, 'trainee');
    expect(a).toMatch(/^[\w-]{40,}$/);
    expect(a).not.toBe(b);
    const who = async (session: string | null) => {
      const body = await (await post('session.get', {}, session ? { ...auth, 'x-kefu-session': session } : auth)).json();
      return body.ok ? (body.value as Output<'session.get'>).agent.id : body.error.kind;
    };
    expect(await who(a)).toBe(lead.id);
    expect(await who(b)).toBe(trainee.id);
    expect(await who(null)).toBe('unauthenticated'); // pages without a session do not share one
    expect(await who('page-a')).toBe('unauthenticated');
    expect(await who(a.slice(0, -1))).toBe('unauthenticated'); // a near miss is no match
    const out = await post('session.signOut', {}, { ...auth, 'x-kefu-session': a });
    expect(out.headers.get('x-kefu-session')).toBe('');
    expect(await who(a)).toBe('unauthenticated');
    expect(await who(b)).toBe(trainee.id);
  });

  it('accepts the largest valid input and answers a larger body with a readable 413', async () => {
    const { post, auth } = await start();
    const lead = await post('session.signIn', { agentId: 'a-zhaomin', secret: DEMO_PINS.lead }, auth);
    const session = lead.headers.get('x-kefu-session')!;
    // canned.import takes up to 5 000 000 characters: in Chinese that is 15 MB of UTF-8, and must not be cut off.
    const big = await post('canned.import', { text: '退'.repeat(5_000_000) }, { ...auth, 'x-kefu-session': session });
    expect(big.status).toBe(200);
    const tooBig = await post('canned.import', `{"text":"${'x'.repeat(MAX_BODY)}"}`, { ...auth, 'x-kefu-session': session });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error).toMatchObject({ kind: 'validation', code: 'too_large' });
  });
});
