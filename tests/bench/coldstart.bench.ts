/**
 * Cold start through the core (issue 14: "cold start to the first queue page"), each run in a fresh process on a
 * store written to disk, three ways side by side:
 *   - "read later" (the default): the snapshot's index lets the open jump over the messages, read in the background
 *     after it (lazyMessages.ts `defer`);
 *   - "skimmed at open": no index (a snapshot an earlier version wrote; the probe removes it): every message line is
 *     read and skimmed at open, the texts left on disk (the default before the index);
 *   - "all read at open": every message parsed and validated at open (`lazyMessages: false`, the layout before that).
 * Figures:
 *   - the sign-in screen: when a window's first session.status is answered, from the profiles read ahead of the open
 *     (the user picks a profile and types a PIN while the rest loads);
 *   - createCore, then the first queue page as a signed-in agent (the time a user waits for a list);
 *   - RSS at that moment;
 *   - one conversation opened right after that page (its 20 messages read from disk; read later, where the snapshot's
 *     conversation lines say they are, before the background read reaches them), and when every message was in the
 *     store's map;
 *   - when the search index is ready, and RSS and heap then, after a full GC, 10 s of quiet and another GC (settled);
 *   - the lead's 90-day scores, cold (every conversation's performance facts derived).
 * `BENCH_COLD_SIZES=10000,50000` (default) picks the store sizes (× 20 messages).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../electron/core';
import { signInPreview } from '../../electron/core/identity/signInPreview';
import { pendingCore } from '../../electron/core/pendingCore';
import { manualClock } from '../../electron/core/clock';
import { silentLog } from '../../electron/core/log';
import { messagesLoaded } from '../../electron/core/store/lazyMessages';
import { describeFs } from './benchFs';
import { NOW, writeBenchStore } from './benchCore';
import { probeInChild } from './probeChild';

const HERE = fileURLToPath(import.meta.url);
const PROBE = '--cold-probe';
const mib = (n: number) => n / 1048576;

interface Figures {
  signInScreenS: number;
  createS: number;
  firstPageS: number;
  rssAtPageMiB: number;
  conversationMs: number;
  messagesReadS: number;
  searchReadyS: number;
  settledRssMiB: number;
  settledHeapMiB: number;
  scoresMs: number;
}

type Call = (name: string, input: unknown, session: string | null, sink?: { issued(id: string | null): void }) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;

type Mode = 'later' | 'skim' | 'eager';
const MODES: Record<Mode, string> = { later: 'read later (default)', skim: 'skimmed at open', eager: 'all read at open' };

async function probe(dir: string, mode: Mode): Promise<void> {
  // Skimmed: the snapshot as an earlier version left it, without its index (this open writes one again).
  if (mode === 'skim') for (const f of readdirSync(dir).filter((n) => n.endsWith('.index.json'))) rmSync(path.join(dir, f));
  const t0 = performance.now();
  // As the hosts open it: the first page first, and the heap compacted once the start-up work is done (heapCompaction.ts).
  const opening = createCore({ dataDir: dir, clock: manualClock(NOW), log: silentLog, seedDemo: false, lazyMessages: mode !== 'eager', firstPageFirst: true, compactHeapWhenSettled: true });
  // As the hosts serve it (electron/main, web mode): a window's first session.status, already waiting when the open
  // first lets the event loop run (a timer comes before the open's setImmediate turn, as a request's I/O does), is
  // answered from the profiles read ahead of the open when the files allow (the sign-in screen), else once it is open.
  const gateway = pendingCore(opening, undefined, () => signInPreview(dir));
  const signInScreen = new Promise<number>((resolve) => setTimeout(() => void gateway.call('session.status', {}, null).then(() => resolve((performance.now() - t0) / 1000)), 0));
  const core = await opening;
  const createS = (performance.now() - t0) / 1000;
  const signInScreenS = await signInScreen;
  const call = core.call as unknown as Call;
  const value = async <T>(name: string, input: unknown, session: string | null): Promise<T> => {
    const r = await call(name, input, session);
    if (!r.ok) throw new Error(`${name}: ${r.error?.message}`);
    return r.value as T;
  };
  const profiles = (await value<{ profiles: { id: string; role: string; demoPin: string | null }[] }>('session.status', {}, null)).profiles;
  const signIn = async (role: string) => {
    const p = profiles.find((x) => x.role === role && x.demoPin)!;
    let issued: string | null = null;
    await call('session.signIn', { agentId: p.id, secret: p.demoPin }, null, { issued: (id) => (issued = id) });
    return issued!;
  };
  const agent = await signIn('agent');
  const page = await value<{ items: { id: string }[] }>('queue.page', { offset: 0, limit: 100 }, agent);
  const firstPageS = (performance.now() - t0) / 1000;
  const rssAtPageMiB = mib(process.memoryUsage().rss);
  let t = performance.now();
  await value('conversation.get', { id: page.items[0].id }, agent);
  const conversationMs = performance.now() - t;
  await messagesLoaded(core.store.all('messages'));
  const messagesReadS = (performance.now() - t0) / 1000;
  for (;;) {
    if ((await value<{ ready: boolean }>('search.status', {}, agent)).ready) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const searchReadyS = (performance.now() - t0) / 1000;
  // Settled means nothing running: the compaction an open with journals starts (after the first page) takes ~20 s
  // at 50 000 x 20, and whether it was still running made the settled RSS swing by ~70 MiB. compact() waits for a
  // running one, or folds the journal this probe's sign-ins wrote.
  await core.store.compact();
  // Then a full GC, 10 s of quiet (V8 gives freed pages back to the system a while after a GC), and another.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((r) => setTimeout(r, 10_000));
  gc?.();
  const mem = process.memoryUsage();
  const lead = await signIn('lead');
  t = performance.now();
  await value('performance.scores', { from: '2026-08-26', to: '2026-11-24' }, lead);
  const scoresMs = performance.now() - t;
  const figures: Figures = { signInScreenS, createS, firstPageS, rssAtPageMiB, conversationMs, messagesReadS, searchReadyS, settledRssMiB: mib(mem.rss), settledHeapMiB: mib(mem.heapUsed), scoresMs };
  process.stdout.write(JSON.stringify(figures) + '\n');
  process.exit(0); // not close(): a compaction started by the sign-ins would only add to this process's time
}

function inChild(dir: string, mode: Mode): Promise<Figures> {
  return probeInChild<Figures>(HERE, [PROBE, dir, mode], ['--expose-gc', '--max-old-space-size=8192']);
}

export default async function coldStartBench(): Promise<void> {
  const sizes = (process.env.BENCH_COLD_SIZES ?? '10000,50000').split(',').map(Number);
  const rows: string[][] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(path.join(tmpdir(), 'kefu-cold-'));
    try {
      process.stdout.write(`${n.toLocaleString('en')} conversations × 20 messages: writing… `);
      await writeBenchStore(dir, n, 20);
      process.stdout.write(`${describeFs(dir)}; `);
      // Alternately, so that a drifting machine weighs on both.
      for (const mode of ['later', 'skim', 'eager', 'later', 'skim', 'eager'] as Mode[]) {
        process.stdout.write(`${mode}… `);
        const f = await inChild(dir, mode);
        rows.push([
          n.toLocaleString('en'),
          MODES[mode],
          f.signInScreenS.toFixed(2),
          f.createS.toFixed(2),
          f.firstPageS.toFixed(2),
          f.rssAtPageMiB.toFixed(0),
          f.conversationMs.toFixed(1),
          f.messagesReadS.toFixed(2),
          f.searchReadyS.toFixed(1),
          `${f.settledRssMiB.toFixed(0)} / ${f.settledHeapMiB.toFixed(0)}`,
          f.scoresMs.toFixed(0),
        ]);
      }
      console.log('done');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const head = ['conversations', 'messages', 'sign-in screen s', 'createCore s', 'first page s', 'RSS at page MiB', 'open conv ms', 'all messages in s', 'search ready s', 'settled RSS / heap MiB', 'scores 90 d cold ms'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
  console.log('\nCold start through the core, fresh process each (tsx from source; the bundled app loads its modules faster)');
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
  console.log('sign-in screen = a window\'s first session.status answered (the profiles read ahead of the open: identity/signInPreview.ts; without the snapshot index, as in "skimmed", it waits for the open); first page = createCore + sign-in + queue.page (100 rows); open conv = conversation.get of its first row, right after (read later: its lines read where the snapshot\'s conversation lines say, before the background read reaches them); all messages in = every message in the store\'s map; settled = once the search index is built: a full GC, 10 s of quiet, another GC; scores = the lead\'s performance.scores over 90 days, the first call (facts of every conversation derived).');
}

if (process.argv.includes(PROBE) && process.argv[1] && path.resolve(process.argv[1]) === HERE) {
  const at = process.argv.indexOf(PROBE);
  probe(process.argv[at + 1], process.argv[at + 2] as Mode).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
