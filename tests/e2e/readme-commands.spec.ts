import { expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseWebArgs } from '../../electron/web/args';
import { SpoolInEvent } from '../../shared/schema/spoolEvent';
// The fixtures' test: a failure prints what the page showed (the `app` fixture is not used, so no extra server).
import { DEMO, signInUntil, test } from './fixtures';

/**
 * The README's commands, run exactly as written, on a fresh copy of this tree (what a clean clone has: no out/,
 * the installed node_modules linked in). Every `npm …` command the README shows must be run here or be listed in
 * NOT_RUN with a reason and the checks that stand in for it; a new README command fails this test until it is.
 */
const ROOT = resolve('.');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };

/** Every command in the README: the lines of its shell code blocks (split on &&, comments dropped) and every `npm …` code span. */
function readmeCommands(md: string): string[] {
  const found: string[] = [];
  for (const block of md.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    for (const line of block[1].split('\n')) {
      const code = line.replace(/\s+#.*$/, '').trim();
      if (code) found.push(...code.split('&&').map((c) => c.trim()));
    }
  }
  for (const span of md.matchAll(/`([^`\n]+)`/g)) if (/^npm\s/.test(span[1])) found.push(span[1].trim().replace(/\s+/g, ' '));
  return [...new Set(found)];
}

/** Commands not run here, why, and what is checked instead (run in the test, after the build). */
const NOT_RUN: Record<string, string> = {
  'npm install': 'needs the npm registry; the dependencies are already installed (.ci/run does `npm ci`)',
  'npm start': 'opens Electron, whose binary cannot be downloaded on the build machines; checked: it builds and previews package.json "main", which the build writes',
  'npm test': 'is the run this test belongs to; checked: it runs the unit and end-to-end tests, and .ci/run runs it',
  'npm run bench': 'all benchmarks take minutes (50 000 conversations, 1 000 000 messages); `npm run bench -- store` is run instead, at a tiny size',
  'npm run bench -- coldstart': 'writes stores of 10 000 and 50 000 conversations × 20 messages and opens each four times in fresh processes, waiting 10 s per run for memory to settle (minutes); `npm run bench -- store` is run instead, at a tiny size, and the tests open stores with messages on disk throughout',
  'npm run bench -- renderer-coldstart':
    'writes a store of 50 000 conversations × 20 messages, then starts web mode and Chromium on a fresh copy of it three times (minutes); `npm run bench -- store` is run instead, at a tiny size, and the end-to-end tests drive the same path (web mode in Chromium: sign-in, first queue rows) on the demo store',
  'npm run test:e2e': 'is half of `npm test`, the run this test belongs to',
  'npm run simulate -- --rate 50 --minutes 10': 'writes traffic in real time for ten minutes by design; checked: the same command with `--all-now --spool <temp folder>` writes the whole ten minutes at once, and its lines are spool events (a few malformed on purpose)',
  'npm run fuses -- <path-to-packaged-electron-binary>': 'needs a packaged Electron binary, which cannot be downloaded here; checked by tests/unit/electron-fuses.test.ts on a stand-in binary',
};
/** `npm run web -- <flags>`: the documented flags are checked against web mode's parser (running it would bind the documented fixed port). */
const WEB_FLAGS = /^npm run web -- (.+)$/;
const RUN = ['npm run web', 'npm run web:serve', 'npm run build', 'npm run typecheck', 'npm run bench -- store', 'npm run theme:css', 'npm run screenshots'] as const;

interface Run {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs a command line exactly as written, through the shell, as the leader of its own process group. */
function run(cwd: string, command: string, env: Record<string, string> = {}): Run {
  const proc = spawn('sh', ['-c', command], { cwd, detached: true, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { proc, output: () => out, exited };
}

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM to the whole process group (npm, sh, node); resolves once none of it is left. */
async function stopGroup(r: Run): Promise<void> {
  const pgid = r.proc.pid!;
  if (groupAlive(pgid)) process.kill(-pgid, 'SIGTERM');
  await r.exited;
  await expect.poll(() => groupAlive(pgid), { message: `process group ${pgid} still alive after SIGTERM`, timeout: 10_000 }).toBe(false);
}

async function waitForUrl(r: Run, command: string): Promise<string> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const m = r.output().match(/Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/);
    if (m) return m[1];
    if (r.proc.exitCode !== null || Date.now() > deadline) throw new Error(`\`${command}\` printed no URL (exit ${r.proc.exitCode}):\n${r.output()}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/** The page shows the queue with rows: a queue.page call through the page's own client. */
async function expectQueue(page: Page, url: string) {
  const labels = ['zh-CN', 'en'].map((l) => JSON.parse(readFileSync(join(ROOT, `renderer/src/i18n/locales/${l}/queue.json`), 'utf8')).queue.listLabel as string);
  await page.goto(url);
  const queue = page.getByRole('listbox', { name: new RegExp(`^(${labels.join('|')})$`) });
  // A new store is the demo store: sign in as the demo agent with the PIN the sign-in screen shows.
  await signInUntil(page, queue.getByRole('option').first(), DEMO.agent, 60_000);
  expect(await queue.getByRole('option').count()).toBeGreaterThan(3);
}

test('the README commands work as written on a fresh copy of the tree', async ({ page }) => {
  test.setTimeout(300_000);

  // 1. Every README command is either run below or listed with a reason.
  const commands = readmeCommands(README);
  for (const c of ['npm start', 'npm test', 'npm run web', 'npm run build', 'npm run typecheck']) expect(commands, 'the README command table was not parsed').toContain(c);
  const unhandled = commands.filter((c) => !(c in NOT_RUN) && !(RUN as readonly string[]).includes(c) && !WEB_FLAGS.test(c));
  expect(unhandled, 'README commands this test neither runs nor explains (add them to RUN or NOT_RUN)').toEqual([]);
  for (const c of commands) {
    const script = c.match(/^npm (?:run (\S+)|(start|test|install))/);
    const name = script?.[1] ?? script?.[2];
    if (name && name !== 'install') expect(PKG.scripts[name], `package.json has no "${name}" script for \`${c}\``).toBeTruthy();
  }

  // 2. Documented web mode flags are real flags.
  for (const c of commands) {
    const m = c.match(WEB_FLAGS);
    if (m) expect(() => parseWebArgs(m[1].split(/\s+/), {}), c).not.toThrow();
  }

  // 3. `npm test` is CI's test command.
  expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^\s*npm test\s*$/m);
  expect(PKG.scripts.test).toMatch(/npm run test:unit/);
  expect(PKG.scripts.test).toMatch(/npm run test:e2e/);

  // A fresh copy: no out/, nothing left by earlier runs; the installed node_modules linked in.
  const skip = new Set(['node_modules', 'out', '.git', 'test-results', 'playwright-report', 'blob-report', '.kefu-data', '.bench-data']);
  const work = mkdtempSync(join(tmpdir(), 'kefu-readme-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-readme-data-'));
  const running: Run[] = [];
  try {
    for (const entry of readdirSync(ROOT)) if (!skip.has(entry)) cpSync(join(ROOT, entry), join(work, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');

    // The type-check is the slowest: it runs while web mode is tried.
    const typecheck = run(work, 'npm run typecheck');
    running.push(typecheck);

    // 4. `npm run web`: builds, serves, prints the URL; the page shows the queue. KEFU_DATA_DIR (documented) keeps the
    // command as written and the data out of the home folder.
    expect(README).toContain('KEFU_DATA_DIR');
    const web = run(work, 'npm run web', { KEFU_DATA_DIR: dataDir });
    running.push(web);
    const url = await waitForUrl(web, 'npm run web');
    expect(web.output()).toContain(`(data: ${dataDir})`);
    await expectQueue(page, url);
    await stopGroup(web);
    expect(readdirSync(dataDir).some((f) => f.startsWith('snapshot-') || f.startsWith('journal-')), 'web mode wrote no store').toBe(true);

    // 5. `npm run build`: run by `npm run web` itself (one build), or on its own if web stops doing that.
    if (/\bnpm run build\b/.test(PKG.scripts.web)) {
      expect(web.output()).toMatch(/> kefu-desk@[^\n]* build\n> electron-vite build/);
    } else {
      const build = run(work, 'npm run build');
      running.push(build);
      expect(await build.exited, build.output()).toBe(0);
    }
    for (const f of ['out/main/web.js', 'out/main/index.js', 'out/main/compact-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(existsSync(join(work, f)), `the build did not write ${f}`).toBe(true);
    }

    // 6. `npm start` cannot open Electron here: it builds, then electron-vite preview starts package.json "main" (written above).
    expect(PKG.scripts.start).toMatch(/^(npm run build|electron-vite build) && electron-vite preview$/);
    expect(PKG.main).toBe('out/main/index.js');

    // 7. `npm run web:serve`: the built app without a rebuild, on the same data (kept across the restart).
    const serve = run(work, 'npm run web:serve', { KEFU_DATA_DIR: dataDir });
    running.push(serve);
    const serveUrl = await waitForUrl(serve, 'npm run web:serve');
    expect(serve.output()).not.toMatch(/electron-vite build/);
    await expectQueue(page, serveUrl);
    await stopGroup(serve);

    // 8. `npm run bench -- store`, as written, at a tiny size.
    const bench = run(work, 'npm run bench -- store', { BENCH_STORE_SIZES: '300' });
    running.push(bench);
    expect(await bench.exited, bench.output()).toBe(0);
    expect(bench.output()).toMatch(/=== store\.bench\.ts ===[\s\S]*\|\s+300 \|/);

    // 9. `npm run theme:css` rewrites the static theme variables; on a current tree it changes nothing.
    const themeCss = run(work, 'npm run theme:css');
    running.push(themeCss);
    expect(await themeCss.exited, themeCss.output()).toBe(0);
    const varsFile = 'renderer/src/theme/mantine-vars.css';
    expect(readFileSync(join(work, varsFile), 'utf8')).toBe(readFileSync(join(ROOT, varsFile), 'utf8'));

    // 10. `npm run screenshots` (after the build above): eight PNGs of the workspace.
    const shotsDir = join(work, 'docs/screenshots');
    rmSync(shotsDir, { recursive: true, force: true });
    const shots = run(work, 'npm run screenshots');
    running.push(shots);
    expect(await shots.exited, shots.output()).toBe(0);
    const pngs = readdirSync(shotsDir).filter((f) => f.endsWith('.png'));
    expect(pngs.sort()).toEqual(['en', 'zh-CN'].flatMap((l) => ['dark', 'light'].flatMap((c) => ['1280x800', '1920x1080'].map((v) => `workspace-${l}-${c}-${v}.png`))).sort());

    // 11. `npm run simulate` as written runs for ten minutes; the same traffic written at once into a temp spool.
    const spool = mkdtempSync(join(tmpdir(), 'kefu-readme-spool-'));
    const sim = run(work, `npm run simulate -- --rate 50 --minutes 10 --all-now --spool ${spool}`);
    running.push(sim);
    expect(await sim.exited, sim.output()).toBe(0);
    const lines = readdirSync(spool).flatMap((f) => readFileSync(join(spool, f), 'utf8').split('\n').filter(Boolean));
    const valid = lines.filter((l) => {
      try {
        return SpoolInEvent.safeParse(JSON.parse(l)).success;
      } catch {
        return false;
      }
    });
    rmSync(spool, { recursive: true, force: true });
    expect(lines.length).toBeGreaterThanOrEqual(450);
    expect(valid.length).toBeGreaterThan(lines.length * 0.9);
    expect(valid.length).toBeLessThan(lines.length); // some malformed on purpose

    // 12. `npm run typecheck`.
    expect(await typecheck.exited, `npm run typecheck failed:\n${typecheck.output()}`).toBe(0);
  } finally {
    for (const r of running) if (groupAlive(r.proc.pid!)) process.kill(-r.proc.pid!, 'SIGKILL');
    rmSync(work, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});
