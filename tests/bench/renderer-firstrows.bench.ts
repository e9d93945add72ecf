import type { ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { DEMO_PINS } from '../../shared/schema/credential';
import { benchTempDir, describeFs } from './benchFs';
import { rendererBuilds, type RendererBuild } from './rendererBuilds';
import { startWebProcess } from '../fixtures/webProcess';

/**
 * `npm run bench -- renderer-firstrows`: how soon the first queue rows are on screen in Chromium (web mode) on a
 * store of 50 000 conversations. Each run is a fresh browser context (no HTTP cache, no session), and measures with
 * the page's own clock (performance.now(), 0 = navigation start), sampled once per animation frame:
 *   A. navigation start → the sign-in screen's secret field is in a frame;
 *   B. the click on the sign-in button (its event timestamp) → the first [role=option] of the queue listbox is laid
 *      out in a frame (the workspace mounts, asks the core for session, settings, counts, the first queue page);
 *   C. the same page reloaded, signed in, with the HTTP cache disabled: navigation start → first queue row.
 * The first run of each build is a warm-up (server JIT, queue caches) and is not counted; the medians of the rest
 * are printed. BENCH_RUNS sets the counted runs (default 5). With BENCH_BEFORE=<commit> the same is measured on that
 * commit, built in a temp folder (see rendererBuilds.ts), for a before/after pair.
 */
const N = 50_000;
const CLOCK = '2026-11-24T09:00:00+08:00';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default async function rendererFirstRowsBench(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    return;
  }
  const summary: string[] = [];
  for (const build of rendererBuilds()) summary.push(await measure(build));
  if (summary.length > 1) console.log(`\nmedians, side by side (ms):\n${summary.join('\n')}`);
}

interface Marks {
  signInShown: number | null;
  click: number | null;
  firstRow: number | null;
  /** JS and CSS the page had fetched when the first row showed (resource timing, decoded bytes). */
  scriptBytes: number;
}

async function measure(build: RendererBuild): Promise<string> {
  const dir = benchTempDir('kefu-firstrows-');
  let proc: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    console.log(`\n${build.label}: ${describeFs(dir)}`);
    // The build's own store writer, so the store is in the format that build reads.
    const { writeBenchStore } = (await import(pathToFileURL(path.join(build.root, 'tests/bench/benchCore.ts')).href)) as typeof import('./benchCore');
    let t = performance.now();
    await writeBenchStore(dir, N, 2);
    console.log(`  wrote ${N} conversations (2 messages each) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const web = await startWeb(build.root, dir);
    proc = web.proc;
    await waitUntilIdle(web.url);
    console.log(`  web mode open, search index built, in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const runs: { a: number; b: number; c: number; bytes: number }[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const r = await oneRun(browser, web.url);
      if (i > 0) runs.push(r); // run 0 warms the server up
    }
    const med = (k: 'a' | 'b' | 'c') => median(runs.map((r) => r[k]));
    const span = (k: 'a' | 'b' | 'c') => `median ${med(k).toFixed(0)} ms (min ${Math.min(...runs.map((r) => r[k])).toFixed(0)}, max ${Math.max(...runs.map((r) => r[k])).toFixed(0)})`;
    console.log(`  ${runs.length} cold runs (fresh context each, after one warm-up):`);
    console.log(`    A. navigation → sign-in screen             ${span('a')}`);
    console.log(`    B. sign-in click → first queue row         ${span('b')}`);
    console.log(`    C. reload signed in, no cache → first row  ${span('c')}`);
    console.log(`    JS+CSS fetched before the first row (C): ${(median(runs.map((r) => r.bytes)) / 1024).toFixed(0)} KB`);
    return `  ${build.label.padEnd(22)} A ${med('a').toFixed(0).padStart(5)}   B ${med('b').toFixed(0).padStart(5)}   C ${med('c').toFixed(0).padStart(5)}`;
  } finally {
    await browser?.close();
    proc?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function oneRun(browser: Browser, url: string): Promise<{ a: number; b: number; c: number; bytes: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    await page.goto(url);
    // The demo agent, as the e2e fixture signs in (tests/e2e/fixtures.ts signIn).
    await page.getByRole('radio', { name: /^林娜 ·/ }).check();
    await page.getByLabel(/PIN 码或密码|PIN or password/).fill(DEMO_PINS.agent);
    await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
    const first = await firstRowMarks(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.reload();
    const again = await firstRowMarks(page);
    if (first.signInShown === null || first.click === null || first.firstRow === null || again.firstRow === null) throw new Error('a mark is missing');
    return { a: first.signInShown, b: first.firstRow - first.click, c: again.firstRow, bytes: again.scriptBytes };
  } finally {
    await context.close();
  }
}

async function firstRowMarks(page: import('@playwright/test').Page): Promise<Marks> {
  await page.getByRole('listbox').first().getByRole('option').first().waitFor({ timeout: 120_000 });
  await page.waitForFunction('window.__kefuBench && window.__kefuBench.firstRow !== null');
  return (await page.evaluate('window.__kefuBench')) as Marks;
}

/**
 * Installed before the app's scripts: samples the DOM once per animation frame (what the frame about to be painted
 * holds) and keeps the last click's event time. Source text, so tsx adds no helpers the page lacks.
 */
const PROBE = `(() => {
  const m = { signInShown: null, click: null, firstRow: null, scriptBytes: 0 };
  Object.defineProperty(window, '__kefuBench', { value: m });
  document.addEventListener('click', (e) => { m.click = e.timeStamp; }, true);
  const tick = () => {
    const now = performance.now();
    if (m.signInShown === null && document.querySelector('input[type="password"]')) m.signInShown = now;
    const row = document.querySelector('[role="listbox"] [role="option"]');
    if (row && row.getBoundingClientRect().height > 0) {
      m.firstRow = now;
      m.scriptBytes = performance.getEntriesByType('resource')
        .filter((r) => /\\.(js|css)(\\?|$)/.test(r.name))
        .reduce((s, r) => s + r.decodedBodySize, 0);
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Built web mode of `root` on `dir` (not seeded), manual clock; resolves with the tokened URL it prints. */
const startWeb = (root: string, dir: string) =>
  startWebProcess(['--port', '0', '--data', dir, '--no-seed', '--clock', CLOCK], { cwd: root, nodeArgs: ['--max-old-space-size=8192'], timeoutMs: 180_000 });

/**
 * Waits until the store is open and the search index is built, so no background build competes with the runs:
 * session.status answers once the store is open; search.status (as the lead) says when the index is ready.
 */
async function waitUntilIdle(url: string): Promise<void> {
  const token = new URL(url).searchParams.get('token')!;
  let session: string | null = null;
  const post = async (name: string, input: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-kefu-token': token };
    if (session) headers['x-kefu-session'] = session;
    const res = await fetch(new URL(`/api/call/${name}`, url), { method: 'POST', headers, body: JSON.stringify(input) });
    session = res.headers.get('x-kefu-session') || session;
    return (await res.json()) as { ok: boolean; value?: { ready?: boolean }; error?: { message: string } };
  };
  const status = await post('session.status', {});
  if (!status.ok) throw new Error(`session.status: ${status.error?.message}`);
  const signed = await post('session.signIn', { agentId: 'a-zhaomin', secret: DEMO_PINS.lead });
  if (!signed.ok) throw new Error(`the lead cannot sign in: ${signed.error?.message}`);
  const until = Date.now() + 300_000;
  while (Date.now() < until) {
    const r = await post('search.status', {});
    if (r.ok && r.value?.ready) return;
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error('the search index was not built in 5 minutes');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
