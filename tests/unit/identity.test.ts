import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { manualClock } from '../../electron/core/clock';
import { silentLog } from '../../electron/core/log';
import { nextAttemptAt } from '../../electron/core/identity/backoff';
import { MAX_SESSIONS, SESSION_IDLE_EXPIRY_MS, SessionTable } from '../../electron/core/identity/sessionTable';
import type { ChangeEvent, Result } from '../../shared/contract';
import { DEMO_PINS } from '../../shared/schema';
import { SANDBOX_NOW } from './coreSandbox';

/** Cores on temp folders with a manual business clock and a real-time clock the test moves (security timeouts). */
const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close().catch(() => {});
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function open(opts: { seedDemo?: boolean; dir?: string } = {}) {
  const dataDir = opts.dir ?? mkdtempSync(join(tmpdir(), 'kefu-identity-'));
  if (!opts.dir) dirs.push(dataDir);
  const time = { now: 1_000_000 };
  const core = await createCore({ dataDir, clock: manualClock(SANDBOX_NOW), log: silentLog, seedDemo: opts.seedDemo, realNow: () => time.now });
  cores.push(core);
  return { core, time, dataDir };
}

/** A transport's view: the session it holds, updated by what the core issues. */
function page(core: Core) {
  const held = { id: null as string | null };
  const call = (name: string, input: unknown): Promise<Result<unknown>> => core.call(name, input, held.id, { issued: (id) => (held.id = id) });
  return { call, held };
}
const kind = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.kind);
const audits = (core: Core, action: string) => [...core.store.all('audit').values()].filter((a) => a.action === action);

describe('sign-in with a secret', () => {
  it('signs in with the right PIN only; the session is issued by the core, not chosen by the caller', async () => {
    const { core } = await open();
    const p = page(core);
    expect(kind(await p.call('queue.counts', {}))).toBe('unauthenticated');
    expect(await p.call('session.signIn', { agentId: 'a-lina', secret: '123456' })).toMatchObject({ ok: false, error: { kind: 'forbidden', code: 'wrong_secret' } });
    expect(p.held.id).toBeNull();
    expect(await p.call('session.signIn', { agentId: 'a-lina', secret: DEMO_PINS.agent })).toMatchObject({ ok: true, value: { id: 'a-lina' } });
    expect(p.held.id).toMatch(/^[\w-]{43}$/);
    expect(kind(await p.call('queue.counts', {}))).toBe('ok');
    // A payload cannot pick its caller, and another role's PIN does not open a lead.
    expect(kind(await p.call('session.signIn', { agentId: 'a-zhaomin', secret: DEMO_PINS.agent }))).toBe('forbidden');
    // Unknown and disabled profiles answer exactly like a wrong secret.
    const unknown = await p.call('session.signIn', { agentId: 'a-nobody', secret: DEMO_PINS.agent });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'forbidden', code: 'wrong_secret' } });
  });

  it('slows down after repeated failures, even for the right secret, and audits each failure', async () => {
    const { core, time } = await open();
    const p = page(core);
    for (let i = 0; i < 2; i++) expect(kind(await p.call('session.signIn', { agentId: 'a-lina', secret: '000000' }))).toBe('forbidden');
    // The third wrong secret says how long the next try must wait.
    const third = await p.call('session.signIn', { agentId: 'a-lina', secret: '000000' });
    expect(third).toMatchObject({ ok: false, error: { code: 'wrong_secret', params: { retryAfterMs: 1000 } } });
    const waiting = await p.call('session.signIn', { agentId: 'a-lina', secret: DEMO_PINS.agent });
    expect(waiting).toMatchObject({ ok: false, error: { kind: 'rate_limited', code: 'wait', params: { retryAfterMs: 1000 } } });
    expect(audits(core, 'session.signIn.failed')).toHaveLength(3);
    time.now += 999;
    expect(kind(await p.call('session.signIn', { agentId: 'a-lina', secret: DEMO_PINS.agent }))).toBe('rate_limited');
    time.now += 1;
    expect(kind(await p.call('session.signIn', { agentId: 'a-lina', secret: DEMO_PINS.agent }))).toBe('ok');
    // Success resets the count.
    expect(kind(await p.call('session.signIn', { agentId: 'a-lina', secret: '000000' }))).toBe('forbidden');
    expect(kind(await p.call('session.signIn', { agentId: 'a-lina', secret: DEMO_PINS.agent }))).toBe('ok');
  });

  it('the backoff doubles up to five minutes', () => {
    expect(nextAttemptAt({ count: 2, lastAt: 100 })).toBe(100);
    expect(nextAttemptAt({ count: 3, lastAt: 100 })).toBe(1100);
    expect(nextAttemptAt({ count: 6, lastAt: 100 })).toBe(8100);
    expect(nextAttemptAt({ count: 40, lastAt: 100 })).toBe(100 + 5 * 60_000);
  });

  it('audits one line per sign-in, sign-out, lock and unlock, whatever else the session does', async () => {
    const { core } = await open();
    const p = page(core);
    const before = core.store.all('audit').size;
    await p.call('session.signIn', { agentId: 'a-lina', secret: DEMO_PINS.agent });
    for (let i = 0; i < 20; i++) await p.call('session.get', {});
    await p.call('session.lock', {});
    await p.call('session.lock', {}); // already locked: nothing new
    await p.call('session.unlock', { secret: DEMO_PINS.agent });
    await p.call('session.signOut', {});
    expect([...core.store.all('audit').values()].slice(before).map((a) => a.action)).toEqual(['session.signIn', 'session.lock', 'session.unlock', 'session.signOut']);
  });
});

describe('sessions', () => {
  it('refuses forged, near-miss, foreign-ended and expired sessions; pages without one share nothing', async () => {
    const { core, time } = await open();
    const a = page(core);
    const b = page(core);
    await a.call('session.signIn', { agentId: 'a-lina', secret: DEMO_PINS.agent });
    await b.call('session.signIn', { agentId: 'a-james', secret: DEMO_PINS.agent });
    const who = async (id: string | null) => {
      const r = await core.call('session.get', {}, id);
      return r.ok ? (r.value as { agent: { id: string } }).agent.id : r.error.kind;
    };
    expect(await who(a.held.id)).toBe('a-lina');
    expect(await who(b.held.id)).toBe('a-james');
    expect(await who(null)).toBe('unauthenticated');
    expect(await who('web:page-a')).toBe('unauthenticated');
    expect(await who(a.held.id!.slice(0, -1) + (a.held.id!.endsWith('A') ? 'B' : 'A'))).toBe('unauthenticated');
    // Idle past the expiry: gone.
    time.now += SESSION_IDLE_EXPIRY_MS - 1;
    expect(await who(a.held.id)).toBe('a-lina'); // touching it keeps it
    time.now += SESSION_IDLE_EXPIRY_MS + 1;
    expect(await who(a.held.id)).toBe('unauthenticated');
    expect(await who(b.held.id)).toBe('unauthenticated');
  });

  it('a restart signs everybody out', async () => {
    const { core, dataDir } = await open();
    const p = page(core);
    await p.call('session.signIn', { agentId: 'a-lina', secret: DEMO_PINS.agent });
    await core.close();
    cores.splice(cores.indexOf(core), 1);
    const { core: again } = await open({ dir: dataDir });
    expect(kind(await again.call('session.get', {}, p.held.id))).toBe('unauthenticated');
    expect(await again.call('session.status', {}, p.held.id)).toMatchObject({ ok: true, value: { state: 'signed_out' } });
  });

  it('the session table stays bounded, dropping the least recently used', () => {
    const t = new SessionTable();
    const first = t.issue('a', 0);
    const kept = t.issue('b', 0);
    for (let i = 0; i < MAX_SESSIONS + 50; i++) {
      t.get(kept.id, i); // in use: stays
      t.issue('x', i);
    }
    expect(t.size).toBeLessThanOrEqual(MAX_SESSIONS);
    expect(t.get(first.id, MAX_SESSIONS + 60)).toBeUndefined();
    expect(t.get(kept.id, MAX_SESSIONS + 60)?.agentId).toBe('b');
  });

  it('a locked session can only unlock (with the secret) or sign out', async () => {
    const { core } = await open();
    const p = page(core);
    await p.call('session.signIn', { agentId: 'a-lina', secret: DEMO_PINS.agent });
    await p.call('session.lock', {});
    expect(kind(await p.call('queue.counts', {}))).toBe('locked');
    expect(await p.call('session.status', {})).toMatchObject({ ok: true, value: { state: 'locked', agent: { id: 'a-lina' } } });
    expect(kind(await p.call('session.unlock', { secret: '000000' }))).toBe('forbidden');
    expect(kind(await p.call('queue.counts', {}))).toBe('locked');
    expect(kind(await p.call('session.unlock', { secret: DEMO_PINS.agent }))).toBe('ok');
    expect(kind(await p.call('queue.counts', {}))).toBe('ok');
  });
});

describe('first run and profiles', () => {
  it('a store without profiles asks for the lead, who then signs in; a second setup is refused', async () => {
    const { core } = await open({ seedDemo: false });
    const p = page(core);
    expect(await p.call('session.status', {})).toMatchObject({ ok: true, value: { state: 'signed_out', firstRun: true, profiles: [] } });
    expect(kind(await p.call('session.setupLead', { name: '王组长', secret: '12345' }))).toBe('validation'); // too short
    expect(await p.call('session.setupLead', { name: '王组长', secret: 'correct horse' })).toMatchObject({ ok: true, value: { role: 'lead' } });
    expect(kind(await p.call('profiles.list', {}))).toBe('ok');
    const other = page(core);
    expect(await other.call('session.setupLead', { name: 'Mallory', secret: '99999999' })).toMatchObject({ ok: false, error: { code: 'already_set_up' } });
  });

  it('a lead adds, disables and resets profiles (audited, secrets never stored or published in clear)', async () => {
    const { core } = await open();
    const events: ChangeEvent[] = [];
    core.subscribe((e) => events.push(e));
    const lead = page(core);
    await lead.call('session.signIn', { agentId: 'a-zhaomin', secret: DEMO_PINS.lead });
    const added = await lead.call('profiles.add', { name: '新同事', role: 'agent', secret: '24681357' });
    expect(added).toMatchObject({ ok: true, value: { role: 'agent', disabled: false, hasSecret: true } });
    const id = (added as { value: { id: string } }).value.id;
    const colleague = page(core);
    expect(kind(await colleague.call('session.signIn', { agentId: id, secret: '24681357' }))).toBe('ok');
    // Disabling ends their session at once; a reset does too.
    await lead.call('profiles.setDisabled', { id, disabled: true });
    expect(kind(await colleague.call('session.get', {}))).toBe('unauthenticated');
    expect(kind(await colleague.call('session.signIn', { agentId: id, secret: '24681357' }))).toBe('forbidden');
    await lead.call('profiles.setDisabled', { id, disabled: false });
    await colleague.call('session.signIn', { agentId: id, secret: '24681357' });
    await lead.call('profiles.resetSecret', { id, secret: '97531864' });
    expect(kind(await colleague.call('session.get', {}))).toBe('unauthenticated');
    expect(kind(await colleague.call('session.signIn', { agentId: id, secret: '97531864' }))).toBe('ok');
    // The lead cannot lock the store out of leads.
    expect(await lead.call('profiles.setDisabled', { id: 'a-zhaomin', disabled: true })).toMatchObject({ ok: false, error: { code: 'own_profile' } });
    expect(audits(core, 'profiles.add')).toHaveLength(1);
    expect(audits(core, 'profiles.setDisabled')).toHaveLength(2);
    expect(audits(core, 'profiles.resetSecret')).toHaveLength(1);
    // No secret in clear anywhere: not in the store files, the audit log or the change feed.
    await core.store.compact();
    const dir = dirs[dirs.length - 1];
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') || f.endsWith('.ndjson'));
    for (const f of files) for (const secret of ['24681357', '97531864', DEMO_PINS.lead]) expect(readFileSync(join(dir, f), 'utf8')).not.toContain(`"${secret}"`);
    expect(JSON.stringify([...core.store.all('audit').values()])).not.toMatch(/24681357|97531864/);
    expect(JSON.stringify(events)).not.toMatch(/24681357|97531864|hash|salt/);
    // An agent reaches none of it.
    const agent = page(core);
    await agent.call('session.signIn', { agentId: 'a-lina', secret: DEMO_PINS.agent });
    expect(kind(await agent.call('profiles.list', {}))).toBe('forbidden');
  });

  it('the sign-in screen shows demo PINs only while a profile keeps its demo PIN', async () => {
    const { core } = await open();
    const lead = page(core);
    const status = async () => ((await core.call('session.status', {}, null)) as { value: { profiles: { id: string; demoPin: string | null }[] } }).value.profiles;
    expect((await status()).find((p) => p.id === 'a-lina')?.demoPin).toBe(DEMO_PINS.agent);
    await lead.call('session.signIn', { agentId: 'a-zhaomin', secret: DEMO_PINS.lead });
    await lead.call('profiles.resetSecret', { id: 'a-lina', secret: '13572468' });
    expect((await status()).find((p) => p.id === 'a-lina')?.demoPin).toBeNull();
  });
});
