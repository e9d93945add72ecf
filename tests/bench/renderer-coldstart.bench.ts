import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { DEMO_PINS } from '../../shared/schema/credential';
import { startWebProcess } from '../fixtures/webProcess';
import { writeBenchStore } from './benchCore';
import { benchTempDir, describeFs } from './benchFs';
import { rendererBuilds } from './rendererBuilds';

/**
 * `npm run bench -- renderer-coldstart`: the user's whole path at a cold start, in Chromium (web mode, the build in
 * out/: `npm run build` first), on a store of 50 000 conversations × 20 messages (`BENCH_RENDERER_COLD_N`). Unlike renderer-firstrows, nothing is
 * warm: each run starts web mode on a fresh copy of the store, and the page is asked for as soon as the server prints
 * its address, so the page loads while the store opens, and the sign-in happens while the messages are still read in
 * the background. The browser is started before the clock starts (a desktop's window process is up with the app).
 * Times from the server's spawn (the page's own clock, converted through performance.timeOrigin):
 *   - address printed; store open (the server's log line);
 *   - sign-in screen: the secret field in a frame; whether it said the store was still opening (the profiles read
 *     ahead of the open) or came after the open;
 *   - the sign-in click (immediately, a user typing takes longer) → the first queue row in a frame.
 * `BENCH_RUNS` (default 3) runs, each on its own copy. With BENCH_BEFORE=<commit> that commit's build runs too, the two
 * alternately on copies of the same store (rendererBuilds.ts; the store's format must be one both read).
 */
const N = Number(process.env.BENCH_RENDERER_COLD_N ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLOCK = '2026-11-24T09:00:00+08:00';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Run {
  addressMs: number;
  openMs: number | null;
  signInShownMs: number;
  stillOpening: boolean;
  clickToRowMs: number;
}

export default async function rendererColdStartBench(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    return;
  }
  const master = benchTempDir('kefu-coldpage-');
  let browser: Browser | null = null;
  try {
    const t = performance.now();
    await writeBenchStore(master, N, 20);
    console.log(`${N.toLocaleString('en')} conversations × 20 messages written in ${((performance.now() - t) / 1000).toFixed(1)} s; ${describeFs(master)}`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const builds = rendererBuilds();
    const runs = new Map<string, Run[]>(builds.map((b) => [b.label, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const build of builds) {
        const dir = benchTempDir('kefu-coldpage-run-');
        cpSync(master, dir, { recursive: true });
        try {
          const r = await oneRun(browser, build.root, dir);
          runs.get(build.label)!.push(r);
          console.log(
            `  ${build.label}, run ${i + 1}: address ${r.addressMs.toFixed(0)} ms, store open ${r.openMs?.toFixed(0) ?? '?'} ms, sign-in screen ${r.signInShownMs.toFixed(0)} ms` +
              ` (${r.stillOpening ? 'while the store was still opening' : 'after the open'}), click → first queue row ${r.clickToRowMs.toFixed(0)} ms`,
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
    for (const [label, rs] of runs) {
      const med = (k: 'addressMs' | 'signInShownMs' | 'clickToRowMs') => [...rs.map((r) => r[k])].sort((a, b) => a - b)[Math.floor(rs.length / 2)].toFixed(0);
      console.log(`${label}, medians: address ${med('addressMs')} ms, sign-in screen ${med('signInShownMs')} ms, click → first row ${med('clickToRowMs')} ms (from the server's spawn; ${rs.filter((r) => r.stillOpening).length} of ${rs.length} sign-in screens shown while the store was opening)`);
    }
  } finally {
    await browser?.close();
    rmSync(master, { recursive: true, force: true });
  }
}

async function oneRun(browser: Browser, root: string, dir: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  let proc: ChildProcess | null = null;
  try {
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    const spawnedAt = Date.now();
    let openedAt: number | null = null;
    const web = await startWebProcess(['--port', '0', '--data', dir, '--no-seed', '--clock', CLOCK], { cwd: root, nodeArgs: ['--max-old-space-size=8192'], timeoutMs: 180_000 });
    proc = web.proc;
    const addressMs = Date.now() - spawnedAt;
    proc.stderr!.on('data', (d) => {
      if (openedAt === null && /INFO opened /.test(String(d))) openedAt = Date.now();
    });
    await page.goto(web.url);
    await page.getByRole('radio', { name: /^林娜 ·/ }).check();
    await page.getByLabel(/PIN 码或密码|PIN or password/).fill(DEMO_PINS.agent);
    await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
    const marks = await firstRow(page);
    return {
      addressMs,
      openMs: openedAt === null ? null : openedAt - spawnedAt,
      signInShownMs: marks.signInShownAt - spawnedAt,
      stillOpening: marks.stillOpening,
      clickToRowMs: marks.firstRowAt - marks.clickAt,
    };
  } finally {
    proc?.kill('SIGKILL');
    await context.close();
  }
}

async function firstRow(page: Page): Promise<{ signInShownAt: number; stillOpening: boolean; clickAt: number; firstRowAt: number }> {
  await page.getByRole('listbox').first().getByRole('option').first().waitFor({ timeout: 120_000 });
  await page.waitForFunction('window.__kefuCold && window.__kefuCold.firstRowAt !== null');
  return (await page.evaluate('window.__kefuCold')) as { signInShownAt: number; stillOpening: boolean; clickAt: number; firstRowAt: number };
}

/**
 * Installed before the app's scripts: samples the DOM once per animation frame, in epoch ms (timeOrigin + now), and
 * keeps the click's event time. Source text, so tsx adds no helpers the page lacks.
 */
const PROBE = `(() => {
  const at = (t) => performance.timeOrigin + t;
  const m = { signInShownAt: null, stillOpening: false, clickAt: null, firstRowAt: null };
  Object.defineProperty(window, '__kefuCold', { value: m });
  document.addEventListener('click', (e) => { m.clickAt = at(e.timeStamp); }, true);
  const tick = () => {
    const now = performance.now();
    if (m.signInShownAt === null && document.querySelector('input[type="password"]')) {
      m.signInShownAt = at(now);
      m.stillOpening = /仍在打开|still opening/.test(document.body.textContent || '');
    }
    const row = document.querySelector('[role="listbox"] [role="option"]');
    if (row && row.getBoundingClientRect().height > 0) {
      m.firstRowAt = at(now);
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
