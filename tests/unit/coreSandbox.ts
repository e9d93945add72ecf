import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../electron/core';
import { manualClock, type Clock } from '../../electron/core/clock';
import { silentLog } from '../../electron/core/log';
import { DEMO_DEFAULT_AGENT_ID } from '../../electron/core/seed/demoData';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import type { Result } from '../../shared/contract';
import { DEMO_PINS } from '../../shared/schema';

/** The test clock's start: a Tuesday morning in Shanghai (the seeded demo is laid out around it). */
export const SANDBOX_NOW = Date.parse('2026-11-24T09:00:00+08:00');

/** Demo and test-only calls a lead drives (the simulator and the manual clock). */
const DRIVER_CALLS = new Set(['clock.advance', 'sim.customerMessage']);

/**
 * Signs in on `core` as a seeded demo profile with its documented demo PIN; returns the session the core issued.
 */
export async function signInDemo(core: Core, agentId: string): Promise<string> {
  const agent = core.store.get('agents', agentId);
  if (!agent) throw new Error(`no demo profile ${agentId}`);
  let issued: string | null = null;
  const r = await core.call('session.signIn', { agentId, secret: DEMO_PINS[agent.role] }, null, { issued: (id) => (issued = id) });
  if (!r.ok || !issued) throw new Error(`sign-in as ${agentId} failed: ${r.ok ? 'no session issued' : r.error.message}`);
  return issued;
}

/**
 * A core whose `call` takes test-friendly session names ("s1", "s2"): each name is signed in on first use as the
 * demo's default agent (or as whoever `session.signIn` names, with the demo PIN), and the session the core issued
 * is used from then on. The demo drivers (clock, simulator) run as the lead. `raw` is the core itself, for tests
 * of sessions and permissions.
 */
export type SandboxCore = Core & { raw: Core; sessionOf(name: string): Promise<string> };

export function withNamedSessions(core: Core): SandboxCore {
  const ids = new Map<string, string>();
  const issuedIds = new Set<string>();
  const sessionOf = async (name: string, agentId = DEMO_DEFAULT_AGENT_ID) => {
    let id = ids.get(name);
    if (!id) {
      id = await signInDemo(core, agentId);
      ids.set(name, id);
      issuedIds.add(id);
    }
    return id;
  };
  const call: Core['call'] = async (name, input, session, sink) => {
    if (session === null || sink || issuedIds.has(session)) return core.call(name, input, session, sink);
    if (name === 'session.signIn' && input && typeof input === 'object' && !('secret' in input)) {
      const agentId = String((input as { agentId: unknown }).agentId);
      if (!core.store.get('agents', agentId)) return core.call(name, { agentId, secret: '000000' }, null);
      const id = await signInDemo(core, agentId);
      ids.set(session, id);
      issuedIds.add(id);
      const agent = core.store.get('agents', agentId)!;
      return { ok: true, value: { id: agent.id, name: agent.name, role: agent.role, presence: agent.presence } } as Result<unknown>;
    }
    const id = DRIVER_CALLS.has(name) ? await sessionOf('__lead', LEAD_ID) : await sessionOf(session);
    return core.call(name, input, id);
  };
  return Object.assign(Object.create(core) as Core, { call, raw: core, sessionOf: (name: string) => sessionOf(name) });
}

/**
 * Cores on temp data folders with a manual clock, closed and removed after each test, and `call` that unwraps a
 * contract Result (throwing on an error). Call once at the top of a test file.
 */
export function coreSandbox(prefix: string, defaultSession = 's1') {
  const dirs: string[] = [];
  const cores: Core[] = [];
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.close().catch(() => {});
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    /** A core on `dir` (a new temp folder when omitted: seeded with demo data on first open). */
    async open(dir?: string, clock: Clock = manualClock(SANDBOX_NOW), more: Partial<CoreOptions> = {}): Promise<{ core: SandboxCore; dataDir: string }> {
      const dataDir = dir ?? mkdtempSync(join(tmpdir(), prefix));
      if (!dir) dirs.push(dataDir);
      const core = await createCore({ dataDir, clock, log: silentLog, ...more });
      cores.push(core);
      return { core: withNamedSessions(core), dataDir };
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async call<T = any>(core: Core, name: string, input: unknown, session = defaultSession): Promise<T> {
      const r = await core.call(name, input, session);
      if (!r.ok) throw new Error(`${name}: ${r.error.kind} ${r.error.message}`);
      return r.value as T;
    },
  };
}
