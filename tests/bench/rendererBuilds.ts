/**
 * The renderer builds the renderer benchmarks (bundle, firstrows) measure: this checkout's `out/` (build it first:
 * `npm run build`), and with BENCH_BEFORE=<commit> that commit too, extracted and built in a temp folder, so a
 * before/after pair comes from the same command on the same machine (`BENCH_BEFORE=6ecf737 npm run bench -- renderer`).
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RendererBuild {
  /** "this checkout" or "6ecf737 (before)". */
  label: string;
  /** A checkout with out/main/web.js and out/renderer built, and tests/bench/benchCore.ts of the same version. */
  root: string;
}

export function rendererBuilds(): RendererBuild[] {
  const builds: RendererBuild[] = [];
  const before = process.env.BENCH_BEFORE?.trim();
  if (before) builds.push({ label: `${before} (before)`, root: builtCommit(before) });
  if (existsSync(path.join(REPO, 'out/renderer/index.html')) && existsSync(path.join(REPO, 'out/main/web.js'))) {
    builds.push({ label: 'this checkout', root: REPO });
  } else {
    console.log('this checkout: not built (run `npm run build` first); measuring only what is built');
  }
  return builds;
}

/**
 * `commit` as a built tree under the temp folder: `git archive` (no work-tree change in the repository), the
 * repository's node_modules symlinked in, `electron-vite build`. Kept between runs (keyed by the commit), so the two
 * renderer benchmarks and repeated runs build it once.
 */
function builtCommit(commit: string): string {
  const sha = execFileSync('git', ['-C', REPO, 'rev-parse', '--short=12', `${commit}^{commit}`], { encoding: 'utf8' }).trim();
  const root = path.join(tmpdir(), `kefu-bench-build-${sha}`);
  if (existsSync(path.join(root, 'out/renderer/index.html')) && existsSync(path.join(root, 'out/main/web.js'))) return root;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  execSync(`git -C "${REPO}" archive ${sha} | tar -x -C "${root}"`, { stdio: 'inherit' });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  console.log(`building ${commit} in ${root} ...`);
  execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return root;
}
