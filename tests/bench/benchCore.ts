/**
 * Shared by the benchmarks that go through the core: a generated store written to disk, and a core opened on it
 * the way the app opens one (change-feed subscriber attached, search index built).
 */
import { createCore, type Core } from '../../electron/core';
import { manualClock } from '../../electron/core/clock';
import { silentLog } from '../../electron/core/log';
import { generateDemoData } from '../../electron/core/seed/demoData';
import { openStore } from '../../electron/core/store/openStore';
import type { Change } from '../../electron/core/store/types';
import * as schema from '../../shared/schema';
import { COLLECTIONS, DEFAULT_SETTINGS } from '../../shared/schema';
import { withComputedDue } from '../../shared/rules/sla';

export const NOW = Date.parse('2026-11-24T09:00:00+08:00');
/** The session the benchmarks call with: a fixed id, or the one sign-in issued (see openBenchCore). */
export let SESSION: string | null = 'bench';

/** The agent signed in (null: this core has no sign-in, any conversation may be worked). */
export let AGENT: string | null = null;

/** Conversations the benchmark's agent may work whatever the ownership rules: its own, or nobody's. */
export const mayWork = (c: { ownerId: string | null; assigneeId: string | null }) =>
  AGENT === null || c.ownerId === AGENT || c.assigneeId === AGENT || (c.ownerId === null && c.assigneeId === null);

type SecretsModule = { hashSecret: (agentId: string, secret: string, now: number, demo: boolean) => Promise<unknown> };
type Pins = Record<string, string>;

/** Demo credentials as the first-run seed writes them, when this version of the core has sign-in. */
async function demoCredentials(agents: { id: string; role: string }[]): Promise<Change[]> {
  const pins = (schema as unknown as { DEMO_PINS?: Pins }).DEMO_PINS;
  if (!pins || !(COLLECTIONS as readonly string[]).includes('credentials')) return [];
  const secrets = (await import('../../electron/core/identity/secrets').catch(() => null)) as SecretsModule | null;
  if (!secrets) return [];
  const out: Change[] = [];
  for (const a of agents) out.push({ op: 'put', coll: 'credentials', rec: await secrets.hashSecret(a.id, pins[a.role], NOW, true) } as unknown as Change);
  return out;
}

/** Writes a store of n conversations × messagesPerConversation into `dir` (batched commits, one compaction). */
export async function writeBenchStore(dir: string, n: number, messagesPerConversation = 20): Promise<number> {
  const data = generateDemoData({ seed: 7, now: NOW, conversations: n, messagesPerConversation });
  data.conversations = data.conversations.map((c) => withComputedDue(c, DEFAULT_SETTINGS));
  const store = await openStore({ dir, log: () => {}, compactEveryBytes: Number.POSITIVE_INFINITY });
  const BATCH = 20_000;
  let batch: Change[] = [];
  let records = 0;
  for (const coll of COLLECTIONS) {
    for (const rec of (data as Record<string, unknown[]>)[coll] ?? []) {
      batch.push({ op: 'put', coll, rec } as Change);
      records++;
      if (batch.length === BATCH) {
        store.commit(batch);
        batch = [];
      }
    }
  }
  batch.push(...(await demoCredentials(data.agents)));
  if (batch.length) store.commit(batch);
  await store.compact();
  await store.close();
  return records;
}

/** Opens a core on `dir` as the app does, with one change-feed subscriber, and waits for the search build. */
export async function openBenchCore(dir: string): Promise<{ core: Core; clock: ReturnType<typeof manualClock>; events: () => number; openS: number; searchS: number }> {
  const clock = manualClock(NOW);
  let t = performance.now();
  const core = await createCore({ dataDir: dir, clock, log: silentLog, seedDemo: false });
  const openS = (performance.now() - t) / 1000;
  // As web mode's server (electron/web/server.ts) and the IPC binding do: serialise every event for the pages.
  let events = 0;
  let sink = '';
  core.subscribe((event) => {
    sink = `data: ${JSON.stringify(event)}\n\n`;
    events += sink.length > 0 ? 1 : 0;
  });
  await signIn(core);
  t = performance.now();
  for (;;) {
    const r = await core.call('search.status', {}, SESSION);
    if (r.ok && (r.value as { ready: boolean }).ready) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  const searchS = (performance.now() - t) / 1000;
  return { core, clock, events: () => events, openS, searchS };
}


/** Signs in as a plain agent with its demo PIN when the core requires a session (else keeps the fixed id). */
async function signIn(core: Core): Promise<void> {
  const probe = await core.call('queue.counts', {}, SESSION);
  if (probe.ok || probe.error.kind !== 'unauthenticated') return;
  const status = await core.call('session.status', {}, null);
  if (!status.ok) throw new Error(`session.status: ${status.error.message}`);
  const profiles = (status.value as { profiles: { id: string; role: string; demoPin: string | null }[] }).profiles;
  const agent = profiles.find((p) => p.role === 'agent' && p.demoPin);
  if (!agent) throw new Error('no agent profile with a demo PIN to sign in with');
  let issued: string | null = null;
  const r = await (core.call as (n: string, i: unknown, s: string | null, sink: { issued(id: string | null): void }) => ReturnType<Core['call']>)(
    'session.signIn',
    { agentId: agent.id, secret: agent.demoPin },
    null,
    { issued: (id) => (issued = id) },
  );
  if (!r.ok || !issued) throw new Error(`session.signIn: ${r.ok ? 'no session issued' : r.error.message}`);
  SESSION = issued;
  AGENT = agent.id;
}
