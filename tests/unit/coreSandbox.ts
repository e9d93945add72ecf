import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { manualClock, type Clock } from '../../electron/core/clock';
import { silentLog } from '../../electron/core/log';

/** The test clock's start: a Tuesday morning in Shanghai (the seeded demo is laid out around it). */
export const SANDBOX_NOW = Date.parse('2026-11-24T09:00:00+08:00');

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
    async open(dir?: string, clock: Clock = manualClock(SANDBOX_NOW)): Promise<{ core: Core; dataDir: string }> {
      const dataDir = dir ?? mkdtempSync(join(tmpdir(), prefix));
      if (!dir) dirs.push(dataDir);
      const core = await createCore({ dataDir, clock, log: silentLog });
      cores.push(core);
      return { core, dataDir };
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async call<T = any>(core: Core, name: string, input: unknown, session = defaultSession): Promise<T> {
      const r = await core.call(name, input, session);
      if (!r.ok) throw new Error(`${name}: ${r.error.kind} ${r.error.message}`);
      return r.value as T;
    },
  };
}
