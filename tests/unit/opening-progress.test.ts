/**
 * Opening a large store takes seconds, and until it is open no call can answer: the window asks `session.opening`
 * instead, which the transports answer from the progress createCore reports (pendingCore), and the core itself
 * once open.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpeningProgress } from '../../shared/contract/session';
import { createCore, type Core } from '../../electron/core';
import { manualClock } from '../../electron/core/clock';
import { silentLog } from '../../electron/core/log';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { openingTracker, pendingCore } from '../../electron/core/pendingCore';
import { SANDBOX_NOW, signInDemo } from './coreSandbox';
import { loopTurns } from './loopTurns';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const open = async (dataDir: string, onOpenProgress?: (p: OpeningProgress) => void) => {
  const core = await createCore({ dataDir, clock: manualClock(SANDBOX_NOW), log: silentLog, spoolWatch: false, onOpenProgress });
  cores.push(core);
  return core;
};

describe('opening progress', () => {
  it('goes from reading through checking to starting, never backwards, over the bytes of the store files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kefu-opening-'));
    dirs.push(dir);
    // A demo store (its snapshot) with a journal after it: a commit made by signing in.
    const first = await open(dir);
    await signInDemo(first, LEAD_ID);
    await first.close();
    cores.splice(cores.indexOf(first), 1);
    const files = readdirSync(dir).filter((f) => /^(snapshot-\d+\.json|journal-\d+\.ndjson)$/.test(f));
    expect(files.some((f) => f.startsWith('journal-'))).toBe(true);
    const bytes = files.reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);

    const seen: OpeningProgress[] = [];
    const core = await open(dir, (p) => seen.push(p));
    const steps = seen.map((p) => p.step);
    expect(steps[0]).toBe('reading');
    expect(steps.at(-1)).toBe('starting');
    // The steps come in order, each in one run.
    expect(steps.filter((s, i) => i === 0 || s !== steps[i - 1])).toEqual(['reading', 'checking', 'starting']);
    for (let i = 1; i < seen.length; i++) expect(seen[i].fraction).toBeGreaterThanOrEqual(seen[i - 1].fraction);
    expect(seen[0].fraction).toBe(0);
    expect(seen.at(-1)!.fraction).toBe(0.85);
    expect(seen.every((p) => p.state === 'opening')).toBe(true);
    expect(seen.at(-1)!.bytes).toBe(bytes);
    // Open: the core itself says so.
    const r = await core.call('session.opening', {}, null);
    expect(r).toEqual({ ok: true, value: { state: 'ready', step: null, fraction: 1, bytes } });
  });

  it('lets the event loop run while it reads and checks (so the window paints and the transports answer)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kefu-opening-'));
    dirs.push(dir);
    await (await open(dir)).close();
    cores.length = 0;
    // Macrotasks that ran between the first progress report and the start of the services.
    let turnsAtStart = -1;
    let turnsAtFirst = -1;
    const turns = loopTurns();
    await open(dir, (p) => {
      if (turnsAtFirst < 0) turnsAtFirst = turns.count();
      if (p.step === 'starting' && turnsAtStart < 0) turnsAtStart = turns.count();
    });
    turns.stop();
    expect(turnsAtStart - turnsAtFirst).toBeGreaterThan(0);
  });

  it('is answered while the core is still opening, when nothing else can be; then by the core', async () => {
    let finish!: (core: Core) => void;
    const opening = new Promise<Core>((resolve) => (finish = resolve));
    const progress = openingTracker();
    const gateway = pendingCore(opening, progress.get);
    progress.update({ state: 'opening', step: 'checking', fraction: 0.5, bytes: 1234 });
    expect(await gateway.call('session.opening', {}, null)).toEqual({ ok: true, value: { state: 'opening', step: 'checking', fraction: 0.5, bytes: 1234 } });
    expect((await gateway.call('session.opening', { more: 1 }, null)).ok).toBe(false);
    // Any other call waits for the core.
    let answered = false;
    const status = gateway.call('session.status', {}, null).then((r) => ((answered = true), r));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    const dir = mkdtempSync(path.join(tmpdir(), 'kefu-opening-'));
    dirs.push(dir);
    finish(await open(dir));
    expect((await status).ok).toBe(true);
    const r = await gateway.call('session.opening', {}, null);
    expect(r.ok && r.value).toMatchObject({ state: 'ready', fraction: 1 });
  });
});
