import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core';
import { manualClock } from '../../electron/core/clock';
import { silentLog } from '../../electron/core/log';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { DEMO_PINS } from '../../shared/schema';
import { NOW, writeBenchStore } from './benchCore';

/**
 * `npm run bench -- performance`: the lead's dashboard calls through the core on generated stores of 5 000 and
 * 50 000 conversations (10 messages each; the demo generator's 14 days of history and its 8 profiles), as a lead:
 * scores for 30 and 90 days, the trend of every agent by day over 90 days, a drill-down and the CSV export, each
 * cold (the first call computes every conversation's facts) and warm (p50/p95 of repeated calls), then the next
 * scores call after one new rating (the facts cache recomputes one conversation). BENCH_PERFORMANCE_SIZES=300 makes
 * it small. Prints figures, never fails on a time.
 */
const DAY = 86_400_000;
const dateOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const TO = dateOf(NOW);
const FROM_30 = dateOf(NOW - 29 * DAY);
const FROM_90 = dateOf(NOW - 89 * DAY);

async function signInLead(core: Core): Promise<string> {
  let issued: string | null = null;
  const r = await core.call('session.signIn', { agentId: LEAD_ID, secret: DEMO_PINS.lead }, null, { issued: (id) => (issued = id) });
  if (!r.ok || !issued) throw new Error(`sign-in as the lead failed: ${r.ok ? 'no session' : r.error.message}`);
  return issued;
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const f1 = (ms: number) => ms.toFixed(1);

export default async function () {
  const sizes = (process.env.BENCH_PERFORMANCE_SIZES ?? '5000,50000').split(',').map(Number);
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-bench-perf-'));
    try {
      let t = performance.now();
      await writeBenchStore(dir, n, 10);
      const writeS = (performance.now() - t) / 1000;
      const clock = manualClock(NOW);
      t = performance.now();
      const core = await createCore({ dataDir: dir, clock, log: silentLog, seedDemo: false, spoolWatch: false });
      const openS = (performance.now() - t) / 1000;
      const lead = await signInLead(core);
      // Wall time, and this process's CPU time (user + system): on a shared machine the CPU time is what the call
      // costs, the wall time what it took while other processes ran too.
      const call = async (name: string, input: unknown): Promise<{ ms: number; cpu: number; value: unknown }> => {
        const s = performance.now();
        const c = process.cpuUsage();
        const r = await core.call(name, input, lead);
        const ms = performance.now() - s;
        const d = process.cpuUsage(c);
        if (!r.ok) throw new Error(`${name}: ${r.error.kind} ${r.error.message}`);
        return { ms, cpu: (d.user + d.system) / 1000, value: r.value };
      };
      const runs = n >= 50_000 ? 15 : 30;
      const measure = async (label: string, name: string, input: unknown, describe: (v: unknown) => string) => {
        const cold = await call(name, input);
        const warm: number[] = [];
        const cpu: number[] = [];
        for (let i = 0; i < runs; i++) {
          const r = await call(name, input);
          warm.push(r.ms);
          cpu.push(r.cpu);
        }
        console.log(
          `  ${label.padEnd(36)} cold ${f1(cold.ms).padStart(7)} ms (cpu ${f1(cold.cpu).padStart(7)})   warm p50 ${f1(q(warm, 0.5)).padStart(6)} ms  p95 ${f1(q(warm, 0.95)).padStart(6)} ms (cpu p50 ${f1(q(cpu, 0.5)).padStart(6)})   ${describe(cold.value)}`,
        );
      };
      console.log(`${n} conversations (${n * 10} messages; store written in ${writeS.toFixed(1)} s, core opened in ${openS.toFixed(1)} s):`);
      // The first measured call is the cold one for the whole cache: every later call starts warm.
      await measure('scores, 30 days (all agents)', 'performance.scores', { from: FROM_30, to: TO }, (v) => `${(v as { agents: unknown[] }).agents.length} agents`);
      await measure('scores, 90 days (all agents)', 'performance.scores', { from: FROM_90, to: TO }, (v) => `${(v as { agents: unknown[] }).agents.length} agents`);
      await measure('trend by day, 90 days, every agent', 'performance.trend', { from: FROM_90, to: TO, granularity: 'day' }, (v) => `${(v as { points: unknown[] }).points.length} points`);
      await measure('trend by week, 90 days, every agent', 'performance.trend', { from: FROM_90, to: TO, granularity: 'week' }, (v) => `${(v as { points: unknown[] }).points.length} points`);
      await measure('drill a-lina handled, 90 days', 'performance.drill', { from: FROM_90, to: TO, agentId: 'a-lina', metric: 'handled' }, (v) => `${(v as { rows: unknown[] }).rows.length} rows`);
      await measure('export, 90 days (all agents)', 'performance.export', { from: FROM_90, to: TO }, (v) => `${(v as { rows: number }).rows} rows, ${((v as { csv: string }).csv.length / 1e6).toFixed(1)} M chars`);

      // One new rating, then the dashboard again: only that conversation's facts are recomputed.
      const resolved = [...core.store.all('conversations').values()].filter((c) => c.status === 'resolved').slice(0, 20);
      const rate: number[] = [];
      const after: number[] = [];
      const afterCpu: number[] = [];
      for (const c of resolved) {
        rate.push((await call('sim.rate', { conversationId: c.id, score: 4 })).ms);
        const r = await call('performance.scores', { from: FROM_90, to: TO });
        after.push(r.ms);
        afterCpu.push(r.cpu);
      }
      console.log(
        `  after one new rating: sim.rate p50 ${f1(q(rate, 0.5))} ms (the commit), next scores (90 days) p50 ${f1(q(after, 0.5))} ms p95 ${f1(q(after, 0.95))} ms (cpu p50 ${f1(q(afterCpu, 0.5))}; ${resolved.length} rounds)`,
      );
      await core.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
