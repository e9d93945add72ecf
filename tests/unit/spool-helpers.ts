/**
 * Shared by the spool tests: cores that do not watch (each test drives `spool.scan`), and event builders.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { manualClock, type Clock } from '../../electron/core/clock';
import { silentLog, type Log } from '../../electron/core/log';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import type { ParseClient } from '../../electron/core/services/spool/parseClient';
import type { SpoolInEventInput } from '../../shared/schema';
import { SANDBOX_NOW, withNamedSessions, type SandboxCore } from './coreSandbox';

export const iso = (t: number) => new Date(t).toISOString();
/** Event times an hour before the sandbox's "now", a second apart. */
export const T0 = SANDBOX_NOW - 3600_000;

let n = 0;
export const newConv = (conv: string, customer = `p-u-${conv}`, extra: Partial<SpoolInEventInput> = {}): SpoolInEventInput =>
  ({
    id: `e-new-${conv}-${n++}`,
    at: iso(T0 + n * 1000),
    type: 'conversation.new',
    conversationId: conv,
    customer: { id: customer, name: `客户 ${customer}`, tier: 'normal', locale: 'zh-CN' },
    category: 'payment',
    body: `我的订单 ${conv} 付款失败了`,
    ...extra,
  }) as SpoolInEventInput;

export const msg = (conv: string, body: string, id = `e-msg-${conv}-${n++}`): SpoolInEventInput => ({
  id,
  at: iso(T0 + n++ * 1000),
  type: 'customer.message',
  conversationId: conv,
  body,
});

export const line = (e: unknown) => `${JSON.stringify(e)}\n`;

export function spoolSandbox(prefix: string) {
  const dirs: string[] = [];
  const cores: Core[] = [];
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.close().catch(() => {});
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    tempDir(): string {
      const d = mkdtempSync(path.join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    /** A seeded demo core on `dataDir` (new temp folder when omitted) that imports only when told. */
    async open(dataDir?: string, opts: { clock?: Clock; batchLines?: number; parseWorkerMinBytes?: number; parser?: ParseClient; log?: Log } = {}): Promise<{ core: SandboxCore; dataDir: string; spool: string; outbox: string }> {
      const dir = dataDir ?? this.tempDir();
      const core = await createCore({ dataDir: dir, clock: opts.clock ?? manualClock(SANDBOX_NOW), log: opts.log ?? silentLog, spoolWatch: false, spoolBatchLines: opts.batchLines, spoolParseWorkerMinBytes: opts.parseWorkerMinBytes, spoolParser: opts.parser });
      cores.push(core);
      const spool = path.join(dir, 'spool');
      mkdirSync(spool, { recursive: true });
      return { core: withNamedSessions(core), dataDir: dir, spool, outbox: path.join(spool, 'outbox') };
    },
    async close(core: Core): Promise<void> {
      const raw = (core as SandboxCore).raw ?? core;
      cores.splice(cores.indexOf(raw), 1);
      await raw.close();
    },
  };
}

/** Unwraps a contract result (throws on an error). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function call<T = any>(core: Core, name: string, input: unknown, session = 's1'): Promise<T> {
  const r = await core.call(name, input, session);
  if (!r.ok) throw new Error(`${name}: ${r.error.kind} ${r.error.message}`);
  return r.value as T;
}

/** Runs `spool.scan` as the lead (signed in on first use). */
export async function scan(core: Core) {
  const r = await core.call('session.signIn', { agentId: LEAD_ID }, '__spool_lead');
  void r;
  return call(core, 'spool.scan', {}, '__spool_lead');
}

export function write(dir: string, file: string, text: string): void {
  writeFileSync(path.join(dir, file), text);
}
export function append(dir: string, file: string, text: string): void {
  appendFileSync(path.join(dir, file), text);
}

/** Every outbox line written so far, parsed, in file order. */
export function outboxLines(outbox: string): { id: string; type: string; conversationId: string; [k: string]: unknown }[] {
  let names: string[];
  try {
    names = readdirSync(outbox).filter((f) => f.endsWith('.jsonl')).sort();
  } catch {
    return [];
  }
  return names.flatMap((f) =>
    readFileSync(path.join(outbox, f), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l)),
  );
}
