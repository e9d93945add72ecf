/**
 * `npm run bench -- coreAction`: the user's path of a durable action, through the core as the app runs it.
 *
 * `core.call('conversation.reply' | 'conversation.setStatus', …)` is: input validation, the caller's role check,
 * the handler, `store.commit` (validation, journal append + fdatasync, in-memory apply, the services' commit
 * listeners: queue index, message index, timeline, escalation, search index), the change feed (one subscriber
 * attached, serialising the event as web mode does) and output validation. Measured on stores of 10 000 and
 * 50 000 conversations × 20 messages, after the search index's start-up build has finished (the steady state
 * of a running app). Prints p50/p95/p99/max per action, and how much of it is spent inside `store.commit`.
 *
 * `BENCH_CORE_SIZES=2000 npm run bench -- coreAction` for a quick run; `BENCH_CORE_SAMPLES` (default 1000).
 */
import fs, { rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import type { Core } from '../../electron/core';
import type { Change } from '../../electron/core/store/types';
import type { Status } from '../../shared/schema';
import { benchTempDir, describeFs } from './benchFs';
import { mayWork, openBenchCore, SESSION, writeBenchStore } from './benchCore';

/**
 * Time spent in fdatasync (the disk's share, which no code change removes): node:fs's export is wrapped, and
 * syncBuiltinESMExports makes the store's named import see the wrapper.
 */
let syncMs = 0;
function countFdatasync(): () => void {
  const real = fs.fdatasyncSync;
  fs.fdatasyncSync = (fd: number) => {
    const t0 = performance.now();
    try {
      real(fd);
    } finally {
      syncMs += performance.now() - t0;
    }
  };
  syncBuiltinESMExports();
  return () => {
    fs.fdatasyncSync = real;
    syncBuiltinESMExports();
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (x: number) => x.toFixed(3);

/** A small deterministic PRNG, so both runs pick the same conversations. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export default async function run(): Promise<void> {
  const sizes = (process.env.BENCH_CORE_SIZES ?? '10000,50000').split(',').map(Number);
  const samples = Number(process.env.BENCH_CORE_SAMPLES ?? 1000);
  const rows: string[][] = [];
  const restore = countFdatasync();
  try {
    for (const n of sizes) rows.push(...(await benchOne(n, samples)));
  } finally {
    restore();
  }
  const head = ['conversations', 'action', 'samples', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'in store.commit p50 / p95', 'fdatasync p50 / p95', 'all but fdatasync p50 / p95 / p99'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
  console.log('\nDurable action through the core (core.call → validated, role-checked, committed with fdatasync, listeners, feed, output checked)');
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
  console.log(
    'goal: p95 ≤ 1 ms through the core. store.commit = validation + journal append + fdatasync + apply + commit listeners; ' +
      '"all but fdatasync" = the whole call minus the time in fdatasync (the code\'s share; the disk\'s share is the fdatasync column).',
  );
}

async function benchOne(n: number, samples: number): Promise<string[][]> {
  const dir = benchTempDir(`kefu-core-bench-${n}-`);
  let core: Core | null = null;
  try {
    console.log(describeFs(dir));
    process.stdout.write(`[${n}] writing the store… `);
    let t = performance.now();
    const records = await writeBenchStore(dir, n);
    process.stdout.write(`${records} records in ${((performance.now() - t) / 1000).toFixed(1)} s; opening the core… `);
    const opened = await openBenchCore(dir);
    core = opened.core;
    process.stdout.write(`${opened.openS.toFixed(1)} s, search build ${opened.searchS.toFixed(1)} s\n`);

    // Time spent inside store.commit (services call ctx.store.commit on this very object).
    const store = core.store as { commit: (c: Change[]) => void };
    const realCommit = store.commit.bind(store);
    let inCommit = 0;
    store.commit = (c: Change[]) => {
      const t0 = performance.now();
      try {
        realCommit(c);
      } finally {
        inCommit += performance.now() - t0;
      }
    };

    const random = rng(n);
    const convs = [...core.store.all('conversations').values()];
    const replyable = convs.filter((c) => c.status !== 'closed' && mayWork(c)).map((c) => c.id);
    const toggling = convs.filter((c) => (c.status === 'open' || c.status === 'pending') && mayWork(c)).map((c) => c.id);
    console.log(`  ${replyable.length} conversations to reply to, ${toggling.length} to toggle open ↔ pending (the agent's own or nobody's)`);
    const pick = (ids: string[]) => ids[Math.floor(random() * ids.length)];

    const measure = async (label: string, makeCall: (i: number) => [string, unknown]) => {
      const total: number[] = [];
      const commit: number[] = [];
      const sync: number[] = [];
      const cpu: number[] = [];
      const warmup = Math.min(100, samples);
      for (let i = 0; i < warmup + samples; i++) {
        const [name, input] = makeCall(i);
        inCommit = 0;
        syncMs = 0;
        const t0 = performance.now();
        const r = await core!.call(name, input, SESSION);
        const dt = performance.now() - t0;
        if (!r.ok) throw new Error(`${name} failed: ${r.error.kind} ${r.error.message}`);
        if (i >= warmup) {
          total.push(dt);
          commit.push(inCommit);
          sync.push(syncMs);
          cpu.push(dt - syncMs);
        }
        // Time moves a little between actions, and the event loop turns (feed delivery, timers) as in the app.
        opened.clock.advance(1000);
        await new Promise((res) => setImmediate(res));
      }
      for (const xs of [total, commit, sync, cpu]) xs.sort((a, b) => a - b);
      const four = (xs: number[]) => `p50 ${fmt(pct(xs, 50))}, p95 ${fmt(pct(xs, 95))}, p99 ${fmt(pct(xs, 99))}, max ${fmt(xs[xs.length - 1])} ms`;
      console.log(`  ${label}: ${four(total)}`);
      console.log(`    of which fdatasync: ${four(sync)}; everything but fdatasync: ${four(cpu)}`);
      return [
        n.toLocaleString('en'), label, String(samples),
        fmt(pct(total, 50)), fmt(pct(total, 95)), fmt(pct(total, 99)), fmt(total[total.length - 1]),
        `${fmt(pct(commit, 50))} / ${fmt(pct(commit, 95))}`,
        `${fmt(pct(sync, 50))} / ${fmt(pct(sync, 95))}`,
        `${fmt(pct(cpu, 50))} / ${fmt(pct(cpu, 95))} / ${fmt(pct(cpu, 99))}`,
      ];
    };

    const reply = await measure('conversation.reply', (i) => ['conversation.reply', { id: pick(replyable), body: `您好，我们已经收到您的反馈，正在处理中。Thanks, we are on it (${i}).` }]);
    const status = await measure('conversation.setStatus', () => {
      const id = pick(toggling);
      const now = core!.store.get('conversations', id)!.status;
      const next: Status = now === 'pending' ? 'open' : 'pending';
      return ['conversation.setStatus', { id, status: next }];
    });
    console.log(`  change events delivered to the subscriber: ${opened.events()}`);
    return [reply, status];
  } finally {
    await core?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
