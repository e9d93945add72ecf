/**
 * `npm run bench -- spool`: import 100 000 spool events into a 5 000- and a 50 000-conversation store, through the
 * core as the app runs it (each event through intake's `receive`, the bot and routing; 1 000 lines per commit).
 * Prints events/s (goal ≥ 10 000/s at 50 000) by wall time and by the process's CPU time (the bench machine is
 * shared: CPU time is the figure other processes disturb least), the split between intake (bot, routing) and the
 * store commits, and how many change-feed publications the UI got (goal: one queue refresh per batch).
 *
 * BENCH_SPOOL_CONVERSATIONS (one size, e.g. 50000) and BENCH_SPOOL_EVENTS (default 100 000) change the sizes;
 * BENCH_SEARCH_WORKER=1 puts the search index on a thread of its own (KEFU_SEARCH_WORKER=1 in the app).
 * BENCH_LAZY_MESSAGES=0 reads every message at open (the layout before messages were left on disk), for side-by-side figures.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core';
import { manualClock } from '../../electron/core/clock';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { Rng } from '../../electron/core/seed/random';
import { CATEGORIES } from '../../shared/schema';
import { GENERIC, TEMPLATES } from '../../electron/core/seed/phrases';
import { signInDemo } from '../unit/coreSandbox';
import { benchTempDir, describeFs } from './benchFs';
import { NOW, writeBenchStore } from './benchCore';

const SIZES = process.env.BENCH_SPOOL_CONVERSATIONS ? [Number(process.env.BENCH_SPOOL_CONVERSATIONS)] : [5_000, 50_000];
const EVENTS = Number(process.env.BENCH_SPOOL_EVENTS ?? 100_000);

/**
 * What customers write. By default realistic text: the seed's issue templates and follow-ups in both languages, a
 * new conversation's first message and most detailed follow-ups made unique (an order number, as real messages
 * are: every customer writes their own words), the short nudges and hand-over requests repeated word for word as
 * customers repeat them. So the bot's segmentation and the search index's tokenising are paid per message, as in
 * production; caches by text only help where real text repeats. `BENCH_SPOOL_TEXTS=repeated` gives the earlier
 * bench's four fixed texts (every text cached after its first use: a flattering figure, kept for comparison).
 */
const REPEATED = process.env.BENCH_SPOOL_TEXTS === 'repeated';
interface OpenConversation {
  id: string;
  zh: boolean;
  category: (typeof CATEGORIES)[number];
}
function firstText(rng: Rng, c: OpenConversation, i: number): string {
  if (REPEATED) return c.zh ? '我的视频上传失败了，一直卡在99%' : 'My payment failed twice, please help';
  const t = rng.pick(TEMPLATES[c.zh ? 'zh-CN' : 'en'][c.category]);
  return c.zh ? `${t.problem}（订单号 ${7_300_000 + i}）` : `${t.problem} (order ${7_300_000 + i})`;
}
function followText(rng: Rng, c: OpenConversation, i: number): string {
  if (REPEATED) return rng.chance(0.5) ? '还有人吗？麻烦尽快处理' : 'Any update on this?';
  const locale = c.zh ? 'zh-CN' : 'en';
  const g = GENERIC[locale];
  const r = rng.next();
  if (r < 0.5) {
    const t = rng.pick(TEMPLATES[locale][c.category]);
    return c.zh ? `${t.customerInfo} 账号ID ${5_100_000 + i}` : `${t.customerInfo} Account ID ${5_100_000 + i}`;
  }
  if (r < 0.8) return rng.pick(g.nudge);
  return rng.pick([...g.customerFollow, ...g.customerToBot, ...g.askHuman]);
}

/** A realistic mix: ~15 % new conversations (a third from customers already in the store), messages, profiles, closes. */
export function spoolText(existingCustomers: string[], events = EVENTS): string {
  const rng = new Rng(11);
  const lines: string[] = [];
  const open: OpenConversation[] = [];
  let t = NOW - 6 * 3600_000;
  for (let i = 0; i < events; i++) {
    t += 200;
    const at = new Date(t).toISOString();
    const id = `bench-${i}`;
    const r = rng.next();
    if (open.length < 50 || r < 0.15) {
      const conv: OpenConversation = { id: `BP-${i}`, zh: rng.chance(0.6), category: rng.pick(CATEGORIES) };
      const repeat = rng.chance(0.33) && existingCustomers.length > 0;
      const cid = repeat ? rng.pick(existingCustomers) : `bu-${i}`;
      const customer = { id: cid, name: conv.zh ? `客户${i}` : `Customer ${i}`, tier: rng.chance(0.15) ? 'vip' : 'normal', locale: conv.zh ? 'zh-CN' : 'en' };
      lines.push(JSON.stringify({ id, at, type: 'conversation.new', conversationId: conv.id, customer, category: conv.category, body: firstText(rng, conv, i) }));
      open.push(conv);
    } else if (r < 0.95) {
      const conv = rng.pick(open);
      lines.push(JSON.stringify({ id, at, type: 'customer.message', conversationId: conv.id, body: followText(rng, conv, i) }));
    } else if (r < 0.98) {
      lines.push(JSON.stringify({ id, at, type: 'customer.profile', customerId: `bu-${Math.floor(rng.next() * i)}`, tier: 'vip' }));
    } else {
      lines.push(JSON.stringify({ id, at, type: 'customer.closed', conversationId: open.splice(rng.int(0, open.length - 1), 1)[0].id }));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** How many of the lines' customer texts are distinct (what caches by text can save). */
function distinctTexts(text: string): { texts: number; distinct: number } {
  const bodies = text.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { body?: string }).body).filter((b): b is string => b !== undefined);
  return { texts: bodies.length, distinct: new Set(bodies).size };
}

export default async function run(): Promise<void> {
  for (const n of SIZES) await runOne(n);
}

async function runOne(conversations: number): Promise<void> {
  console.log(`--- ${EVENTS} events into ${conversations} conversations ---`);
  const dir = benchTempDir('spool');
  console.log(`filesystem: ${describeFs(dir)}`);
  try {
    let t = performance.now();
    await writeBenchStore(dir, conversations, 4);
    console.log(`store of ${conversations} conversations written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const logged: string[] = [];
    const core = await createCore({ dataDir: dir, clock: manualClock(NOW), log: (_l, m) => logged.push(m), seedDemo: false, spoolWatch: false, spoolBatchLines: process.env.BENCH_SPOOL_BATCH ? Number(process.env.BENCH_SPOOL_BATCH) : undefined, searchWorker: process.env.BENCH_SEARCH_WORKER === '1', lazyMessages: process.env.BENCH_LAZY_MESSAGES !== '0' });
    const lead = await signInDemo(core, LEAD_ID);
    // The search index's start-up build and the performance facts' warm-up run in slices between other work;
    // measured alongside, they would be counted as import time (start-up costs, the same with or without a spool).
    // Wait for them, as openBenchCore does for the index.
    t = performance.now();
    await core.settled();
    console.log(`search index and performance facts built in ${((performance.now() - t) / 1000).toFixed(1)} s (before the import, not counted)`);
    // The same for the compaction a start runs in a worker when it replayed journal commits (the sign-in's): left
    // running, its CPU time lands in the import's figure. The compactions the import's own journal growth causes
    // stay counted.
    // And for the first daily backup, which the ticker's first beat (15 s after the start) makes: it compacts and
    // writes a copy of the store, a once-a-day cost that landing inside the import would be counted as import time.
    t = performance.now();
    while (!logged.some((m) => m.startsWith('backups: made')) && performance.now() - t < 30_000) await new Promise((res) => setTimeout(res, 100));
    console.log(`first daily backup made after ${((performance.now() - t) / 1000).toFixed(1)} s more (before the import, not counted)`);
    t = performance.now();
    await core.store.compact();
    console.log(`start-up compaction done in ${((performance.now() - t) / 1000).toFixed(1)} s (before the import, not counted)`);
    const customers = [...core.store.all('customers').keys()];
    const spool = path.join(dir, 'spool');
    mkdirSync(spool, { recursive: true });
    const text = spoolText(customers);
    const d = distinctTexts(text);
    console.log(`customer texts: ${d.distinct} distinct of ${d.texts} (${REPEATED ? 'BENCH_SPOOL_TEXTS=repeated: four fixed texts' : 'realistic: templates made unique where customers write their own words'})`);
    writeFileSync(path.join(spool, 'bench.jsonl'), text);
    const bytes = statSync(path.join(spool, 'bench.jsonl')).size;

    let publications = 0;
    let queueRefreshes = 0;
    /** Each publication's topics, sorted into kinds after the import (so that work is not timed as the import's). */
    const published: (readonly string[])[] = [];
    core.subscribe((e) => {
      publications++;
      if (e.topics.includes('queue')) queueRefreshes++;
      published.push(e.topics);
    });
    const before = core.store.all('conversations').size;
    const loggedBefore = logged.length;
    t = performance.now();
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const r = await core.call('spool.scan', {}, lead);
    const s = (performance.now() - t) / 1000;
    const backlog = core.searchBacklog;
    const cpu = process.cpuUsage(cpu0);
    const elu = performance.eventLoopUtilization(elu0);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    if (!r.ok) throw new Error(r.error.message);
    const status = r.value as { imported: number; quarantined: number; bytesDone: number };
    const batches = Math.ceil(EVENTS / 1000);
    console.log(`imported ${status.imported} of ${EVENTS} events (${(bytes / 1e6).toFixed(1)} MB) into ${before} conversations in ${s.toFixed(2)} s: ${Math.round(status.imported / s)} events/s (goal ≥ 10 000/s)`);
    // The main thread's share: what the app's other calls wait behind, and (with the other threads' work on the
    // second core) what bounds the import. Busy time counts the thread's turns, waits for the parse worker excluded.
    console.log(`main thread busy ${(elu.active / 1000).toFixed(2)} s of the ${s.toFixed(2)} s (${Math.round(elu.utilization * 100)} %)`);
    console.log(`CPU time of the import ${cpuS.toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)}, system ${(cpu.system / 1e6).toFixed(2)}, includes GC threads): ${Math.round(status.imported / cpuS)} events per CPU-second`);
    console.log(`quarantined ${status.quarantined} (profile updates for customers not yet known), conversations now ${core.store.all('conversations').size}`);
    console.log(`change-feed publications during the import: ${publications} (${queueRefreshes} with the queue topic) for ${batches} batches (goal: one per batch)`);
    /** Publications by the kinds of topic they carry ("queue+spool+conversation+customer"): where each came from. */
    const kinds = new Map<string, number>();
    for (const topics of published) {
      const k = [...new Set(topics.map((t) => t.split(':')[0]))].sort().join('+');
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    console.log(`  by topic kinds: ${[...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}× ${k}`).join(', ')}`);
    for (const l of logged.filter((m) => m.startsWith('spool: ') && m.includes('events applied'))) console.log(l);
    // The journal the import writes (~1.6 KB per event) is folded into a new snapshot in a worker every 64 MiB:
    // that worker's CPU time is in the figure above.
    for (const l of logged.slice(loggedBefore).filter((m) => m.startsWith('compacted into'))) console.log(`during the import: ${l}`);
    console.log(`outbox entries waiting after the import: ${core.store.all('outbox').size}`);
    // The search index leaves what an import commits for after it (its idle slices yield to the import, up to a
    // backlog: search/index.ts); what it has not indexed yet, the next search indexes first. Timed here, so the
    // indexing deferred past the import's end is not left out of the story.
    console.log(`search index backlog when the import ended: ${backlog} changes`);
    // A queue call made right after that search: it should not wait for the index to catch up.
    t = performance.now();
    let countsMs = -1;
    const counts = core.call('queue.counts', {}, lead).then(() => (countsMs = performance.now() - t));
    // A search for a word nowhere (its own cost is one lookup): answered once the index, on its own thread or
    // this one, holds every change committed before it.
    const searched = await core.call('search.query', { q: 'xqzv', filters: {} }, lead);
    if (!searched.ok) throw new Error(searched.error.message);
    const caughtS = (performance.now() - t) / 1000;
    await counts;
    console.log(`search index caught up with the import by the next search in ${caughtS.toFixed(2)} s (import + that: ${Math.round(status.imported / (s + caughtS))} events/s); a queue.counts call made meanwhile answered in ${countsMs.toFixed(0)} ms`);
    await core.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
