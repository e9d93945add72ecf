import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { DEMO_PINS } from '../../shared/schema/credential';
import { createTraffic } from '../../scripts/simulate';
import { startWebProcess } from '../fixtures/webProcess';
import { benchTempDir, describeFs } from './benchFs';
import { NOW, writeBenchStore } from './benchCore';
import { SCROLL_PROBE, type ProbeCall, type ProbeProgress, type ProbeSeen, type ProbeWindow } from './scrollProbe';

/**
 * `npm run bench -- scroll`: does the queue keep scrolling smoothly, and keep showing the import, while a large
 * spool file imports (issue 11)? See docs/renderer-bench.md, "Queue scrolling during a spool import".
 *
 * A store of 50 000 conversations (BENCH_SCROLL_CONVERSATIONS), built web mode on it with the spool watcher on (the
 * default; the folder is `<data folder>/spool`, docs/spool-format.md), the lead 赵敏 signed in in Chromium (headless,
 * software rendering: --disable-gpu, as the e2e tests run it) at 1400×900, English UI, the queue open. Two windows
 * of BENCH_SCROLL_MS (default 5 000 ms); each first jumps to rows no earlier window fetched (1 000, then 3 000) and
 * times until they show, then spins the mouse wheel over the queue listbox:
 *   1. baseline: nothing importing;
 *   2. while the app imports a spool file of BENCH_SCROLL_EVENTS (default 50 000) events from the simulator's
 *      traffic generator (scripts/simulate.ts: zh/en, every category, ~30 % new conversations, ~2 % malformed
 *      lines), moved into the spool folder in one rename once the baseline is done.
 * The page measures itself (scrollProbe.ts): animation-frame intervals, long tasks, placeholder rows on screen, how
 * far the list moved, the app's calls to the core, and what the header and queue heading showed. Then the page
 * stays open 10 s more, closes, and the rest of the import is timed without it. Figures are printed, never asserted.
 */
const N = Number(process.env.BENCH_SCROLL_CONVERSATIONS ?? 50_000);
const EVENTS = Number(process.env.BENCH_SCROLL_EVENTS ?? 50_000);
const SCROLL_MS = Number(process.env.BENCH_SCROLL_MS ?? 5_000);
const CLOCK = '2026-11-24T09:00:00+08:00';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// The flags of playwright.config.ts.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** How long the page stays open after the scroll window, and how long the rest of the import is waited for. */
const OBSERVE_MS = 10_000;
const REST_MS = 60_000;
const ROW_HEIGHT = 76; // QueuePane.tsx
/**
 * A wheel event every ~16 ms, each of 200 px: a fast, steady spin of the wheel, so that the list leaves the first
 * queue page (100 rows) and has to fetch more. Each event waits for Chromium to take it, so fewer than 60 a second go.
 */
const WHEEL_DELTA = 200;
const WHEEL_GAP_MS = 16;

export default async function queueScrollBench(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    return;
  }
  if (!existsSync('out/main/web.js')) {
    console.log('skipped: web mode is not built (npm run build first)');
    return;
  }
  const dir = benchTempDir('kefu-scroll-');
  let proc: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    console.log(`data folder: ${describeFs(dir)}`);
    let t = performance.now();
    await writeBenchStore(dir, N, 2);
    console.log(`wrote ${N} conversations (2 messages each) in ${secs(t)} s`);

    // The spool file is written outside the spool folder now and renamed into it when the second window opens, so
    // the watcher sees one complete file appear (as a connector's `--all-now` drop would look).
    t = performance.now();
    const staged = path.join(dir, 'staged-spool.jsonl');
    const next = createTraffic(11);
    const lines: string[] = [];
    const from = NOW - 6 * 3600_000;
    for (let i = 0; i < EVENTS; i++) lines.push(next(from + Math.floor((i * 6 * 3600_000) / EVENTS)));
    writeFileSync(staged, lines.join(''));
    const bytes = statSync(staged).size;
    console.log(`spool file of ${EVENTS} events (${(bytes / 1e6).toFixed(1)} MB, the simulator's traffic) written in ${secs(t)} s`);

    t = performance.now();
    const web = await startWebProcess(['--port', '0', '--data', dir, '--no-seed', '--clock', CLOCK], { nodeArgs: ['--max-old-space-size=8192'], timeoutMs: 180_000 });
    proc = web.proc;
    const serverLog: string[] = [];
    // Web mode logs to stderr (consoleLog): keep the importer's per-scan summary.
    proc.stderr!.on('data', (d: Buffer) => serverLog.push(...d.toString().split('\n').filter((l) => l.includes('spool:'))));
    const core = await webCaller(web.url);
    await waitUntilIdle(core);
    console.log(`web mode open, search index built, in ${secs(t)} s`);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    await context.addInitScript(SCROLL_PROBE);
    const page = await context.newPage();
    await page.goto(web.url);
    await page.getByRole('radio', { name: /^赵敏 ·/ }).check();
    await page.getByLabel(/PIN 码或密码|PIN or password/).fill(DEMO_PINS.lead);
    await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
    // The demo profiles work in Chinese; the probe reads English names (as the e2e tests switch).
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    const list = page.getByRole('listbox', { name: 'Conversations by priority' });
    await list.getByRole('option').first().waitFor({ timeout: 120_000 });
    console.log(`measured: Chromium ${browser.version()} headless (--disable-gpu: software rendering and compositing), 1400×900, lead signed in, English UI`);
    console.log(`scrolling: a jump to a row no earlier window fetched, then a wheel event of ${WHEEL_DELTA} px every ${WHEEL_GAP_MS} ms over the queue listbox for ${SCROLL_MS} ms`);

    const baseline = await scrollWindow(page, 1_000);
    report('1. baseline (no import)', baseline);
    printWindow(baseline);

    const spoolDir = path.join(dir, 'spool');
    mkdirSync(spoolDir, { recursive: true });
    const dropped = (await page.evaluate('performance.now()')) as number;
    renameSync(staged, path.join(spoolDir, '0001-bench.jsonl'));
    const importStart = performance.now();
    // The window opens once the import has committed its first batch (asked over HTTP, not read from the page: the
    // header may not show it, see below).
    for (let until = Date.now() + 60_000; Date.now() < until; ) {
      const r = await core.post('spool.status', {});
      const v = r.value as { importing: boolean; bytesDone: number } | undefined;
      if (r.ok && v && v.importing && v.bytesDone > 0) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    console.log(`\nspool file dropped; its first batch was committed ${secs(importStart)} s later`);
    const during = await scrollWindow(page, 3_000);
    report('2. while the spool file imports', during);
    printWindow(during);

    // The page stays open, idle, a while longer: what it shows of the import.
    await page.waitForTimeout(OBSERVE_MS);
    const seen = (await page.evaluate('({ calls: window.__scrollBench.calls, progress: window.__scrollBench.progress, total: window.__scrollBench.total, counts: window.__scrollBench.counts })')) as ProbeSeen;
    const atClose = await core.post('spool.status', {});
    printImport(seen, during.window, dropped, (performance.now() - importStart) / 1000, atClose.value as ImportStatus);

    // The rest of the import with the page closed, for the server's rate without a page refetching.
    await context.close();
    const closedAt = performance.now();
    const linesAtClose = linesDone(atClose.value as ImportStatus);
    let last = atClose.value as ImportStatus;
    for (let until = Date.now() + REST_MS; Date.now() < until && last.importing; ) {
      await new Promise((res) => setTimeout(res, 500));
      const r = await core.post('spool.status', {});
      if (r.ok) last = r.value as ImportStatus;
    }
    const restS = (performance.now() - closedAt) / 1000;
    const rate = Math.round((linesDone(last) - linesAtClose) / restS);
    console.log(`with the page closed: ${linesDone(last) - linesAtClose} more lines in ${restS.toFixed(1)} s (${rate} lines/s), ${last.importing ? `still importing after ${REST_MS / 1000} s (${linesDone(last)} of ${EVENTS} lines)` : 'import done'}`);
    for (const l of serverLog.filter((x) => x.includes('events applied'))) console.log(`  server log: ${l.trim()}`);
  } finally {
    await browser?.close();
    proc?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Measured {
  startRow: number;
  /** From the jump to startRow until no placeholder row was on screen; null: still placeholders after 10 s. */
  jumpMs: number | null;
  window: ProbeWindow;
  wheels: number;
  calls: ProbeCall[];
  progress: ProbeProgress[];
}

/**
 * True when no placeholder row ("Loading…") of the queue is on screen. A function, not a string: Playwright compiles a
 * string predicate in the page with `new Function`, which the app's CSP (no 'unsafe-eval') refuses, so a string
 * check never ran and every jump read as "not loaded".
 */
const rowsLoaded = (): boolean => {
  const l = document.querySelector('[role="listbox"][aria-label="Conversations by priority"]');
  if (!l) return false;
  const box = l.getBoundingClientRect();
  return ![...l.querySelectorAll('[role="option"]')].some((o) => {
    const r = o.getBoundingClientRect();
    return o.getAttribute('aria-label') === 'Loading…' && r.bottom > box.top && r.top < box.bottom;
  });
};

/**
 * Jumps the queue to `startRow` (rows no earlier window fetched), waits for its rows (up to 10 s, timed: the pages
 * fetched on demand), then scrolls with the mouse wheel for SCROLL_MS while the page records its frames.
 */
async function scrollWindow(page: Page, startRow: number): Promise<Measured> {
  const t0 = performance.now();
  await page.evaluate(`document.querySelector('[role="listbox"][aria-label="Conversations by priority"]').scrollTop = ${startRow * ROW_HEIGHT}`);
  const loaded = await page.waitForFunction(rowsLoaded, undefined, { timeout: 10_000, polling: 'raf' }).then(
    () => true,
    () => false,
  );
  const jumpMs = performance.now() - t0;
  const box = (await page.getByRole('listbox', { name: 'Conversations by priority' }).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate('window.__scrollBench.start()');
  const end = Date.now() + SCROLL_MS;
  let wheels = 0;
  while (Date.now() < end) {
    await page.mouse.wheel(0, WHEEL_DELTA);
    wheels++;
    await new Promise((res) => setTimeout(res, WHEEL_GAP_MS));
  }
  const window = (await page.evaluate('window.__scrollBench.stop()')) as ProbeWindow;
  const { calls, progress } = (await page.evaluate('({ calls: window.__scrollBench.calls, progress: window.__scrollBench.progress })')) as { calls: ProbeCall[]; progress: ProbeProgress[] };
  return { window, wheels, calls, progress, startRow, jumpMs: loaded ? jumpMs : null };
}

function report(title: string, m: Measured): void {
  const load = loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`\n${title}: load average ${load} on ${cpus().length} cores`);
  console.log(`  jump to row ${m.startRow}: its rows on screen ${m.jumpMs === null ? 'NOT within 10 s (still "Loading…")' : `after ${m.jumpMs.toFixed(0)} ms`}; then ${m.wheels} wheel events sent (each waits for Chromium to take it)`);
}

function printWindow(m: Measured): void {
  const w = m.window;
  const dur = w.t1 - w.t0;
  const iv = w.frames.slice(1).map((f, i) => f - w.frames[i]);
  const sorted = [...iv].sort((a, b) => a - b);
  const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN);
  const vsync = 1000 / 60;
  const dropped = iv.reduce((n, x) => n + Math.max(0, Math.round(x / vsync) - 1), 0);
  const longTotal = w.longTasks.reduce((n, l) => n + l.duration, 0);
  const inWin = m.calls.filter((c) => c.start >= w.t0 && c.start <= w.t1);
  const byName = new Map<string, { n: number; ms: number[] }>();
  for (const c of inWin) {
    const e = byName.get(c.name) ?? { n: 0, ms: [] };
    e.n++;
    if (c.end !== null) e.ms.push(c.end - c.start);
    byName.set(c.name, e);
  }
  const shown = m.progress.filter((p) => p.t >= w.t0 && p.t <= w.t1 && p.text !== null);
  console.log(`  frames ${w.frames.length} in ${(dur / 1000).toFixed(2)} s: ${(w.frames.length / (dur / 1000)).toFixed(1)} fps mean`);
  console.log(`  frame interval p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)}, p99 ${q(0.99).toFixed(1)}, max ${Math.max(...iv).toFixed(1)}`);
  console.log(`  intervals over 16.7 ms: ${iv.filter((x) => x > 16.7).length}, over 25 ms (a vsync missed): ${iv.filter((x) => x > 25).length}, over 50 ms: ${iv.filter((x) => x > 50).length}; vsyncs missed in all: ${dropped}`);
  console.log(`  long tasks: ${w.longTasks.length}, ${longTotal.toFixed(0)} ms in all (longest ${w.longTasks.length ? Math.max(...w.longTasks.map((l) => l.duration)).toFixed(0) : 0} ms)`);
  console.log(`  scrolled ${((w.scrollEnd - w.scrollStart) / ROW_HEIGHT).toFixed(0)} rows (${(w.scrollEnd - w.scrollStart).toFixed(0)} px); frames with a placeholder row ("Loading…") on screen: ${w.placeholderFrames}`);
  console.log(`  import progress updates the header showed: ${shown.length}${shown.length ? ` (from "${shown[0].text}" to "${shown[shown.length - 1].text}")` : ''}`);
  const calls = [...byName].sort((a, b) => b[1].n - a[1].n).map(([name, e]) => `${name} ×${e.n}${e.ms.length ? ` (median ${median(e.ms).toFixed(0)} ms, max ${Math.max(...e.ms).toFixed(0)})` : ''}`);
  console.log(`  calls to the core: ${calls.length ? calls.join(', ') : 'none'}`);
}

interface ImportStatus {
  importing: boolean;
  imported: number;
  files: { linesDone: number }[];
}
const linesDone = (s: ImportStatus) => s.files.reduce((n, f) => n + f.linesDone, 0);

/** What the page showed of the import from the drop until it closed, against what the server had done. */
function printImport(seen: ProbeSeen, win: ProbeWindow, dropped: number, openS: number, server: ImportStatus): void {
  const after = (xs: ProbeProgress[]) => xs.filter((p) => p.t >= dropped);
  const progress = after(seen.progress).filter((p) => p.text !== null).map((p) => ({ t: p.t, lines: linesIn(p.text!) }));
  console.log(`\nthe import as the page showed it, in the ${openS.toFixed(1)} s from the drop until the page closed (the server had read ${linesDone(server)} of ${EVENTS} lines by then):`);
  console.log(`  header import progress readings: ${progress.length}`);
  if (progress.length >= 2) {
    const a = progress[0];
    const b = progress[progress.length - 1];
    console.log(`  first ${((a.t - dropped) / 1000).toFixed(1)} s after the drop (${a.lines} lines), last ${((b.t - dropped) / 1000).toFixed(1)} s (${b.lines} lines): ${Math.round(((b.lines - a.lines) / (b.t - a.t)) * 1000)} lines/s as the page saw it`);
    const gaps = progress.slice(1).map((p, i) => p.t - progress[i].t);
    console.log(`  between readings: median ${median(gaps).toFixed(0)} ms, max ${Math.max(...gaps).toFixed(0)} ms`);
    const overlap = Math.min(b.t, win.t1) - Math.max(a.t, win.t0);
    console.log(`  the scroll window overlapped the import the header showed for ${(Math.max(0, overlap) / 1000).toFixed(2)} of ${((win.t1 - win.t0) / 1000).toFixed(2)} s`);
  }
  const shown = (xs: ProbeProgress[]) => after(xs).filter((p) => p.text !== null).map((p) => `${((p.t - dropped) / 1000).toFixed(1)} s "${p.text}"`);
  console.log(`  queue heading updates: ${shown(seen.total).length}${shown(seen.total).length ? `: ${shown(seen.total).slice(0, 6).join(', ')}` : ''}`);
  console.log(`  SLA count updates: ${shown(seen.counts).length}`);
  const calls = seen.calls.filter((c) => c.start >= dropped);
  const byName = new Map<string, ProbeCall[]>();
  for (const c of calls) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  console.log('  calls the page made (answered: median / max round trip; unanswered when the page closed):');
  for (const [name, cs] of [...byName].sort((x, y) => y[1].length - x[1].length)) {
    const ms = cs.filter((c) => c.end !== null).map((c) => c.end! - c.start);
    console.log(`    ${name.padEnd(14)} ${String(cs.length).padStart(3)} made, ${String(ms.length).padStart(3)} answered${ms.length ? `: ${median(ms).toFixed(0)} / ${Math.max(...ms).toFixed(0)} ms` : ''}`);
  }
}

/** "Importing 42% · 12,000 lines" → 12000 (the last number of the text; digits with any grouping). */
const linesIn = (text: string) => Number((text.match(/[\d,.\u00a0\u202f]+(?=\D*$)/)?.[0] ?? '0').replace(/[^\d]/g, ''));

const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(1);
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);

/** Calls the core over web mode's HTTP API with the printed token and the session sign-in returns. */
async function webCaller(url: string) {
  const token = new URL(url).searchParams.get('token')!;
  let session: string | null = null;
  const post = async (name: string, input: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-kefu-token': token };
    if (session) headers['x-kefu-session'] = session;
    const res = await fetch(new URL(`/api/call/${name}`, url), { method: 'POST', headers, body: JSON.stringify(input) });
    session = res.headers.get('x-kefu-session') || session;
    return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  };
  return { post };
}

/** As renderer-firstrows: the store open (session.status answers), the lead signed in, the search index built. */
async function waitUntilIdle(core: Awaited<ReturnType<typeof webCaller>>): Promise<void> {
  const status = await core.post('session.status', {});
  if (!status.ok) throw new Error(`session.status: ${status.error?.message}`);
  const signed = await core.post('session.signIn', { agentId: 'a-zhaomin', secret: DEMO_PINS.lead });
  if (!signed.ok) throw new Error(`the lead cannot sign in: ${signed.error?.message}`);
  const until = Date.now() + 300_000;
  while (Date.now() < until) {
    const r = await core.post('search.status', {});
    if (r.ok && (r.value as { ready?: boolean }).ready) return;
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error('the search index was not built in 5 minutes');
}
