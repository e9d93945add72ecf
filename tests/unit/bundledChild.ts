import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The tests that SIGKILL real child processes start dozens of them. Through `node --import tsx` each start costs
 * ~2.6 s here (tsx resolves and transpiles a few hundred core modules); one esbuild bundle per test process starts
 * in ~1.5 s, with the same code. The bundle sits inside node_modules so its bare imports (zod, lowdb, pg…) resolve
 * as in the app, and the core's worker threads are bundled beside it under the names electron-vite gives them
 * (see electron.vite.config.ts and electron/core/coreWorker.ts), exactly as in the built app.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'node_modules/.cache/kefu-test-children', String(process.pid));
const WORKERS = {
  'compact-worker': 'electron/core/store/compactWorker.ts',
  'spool-parse-worker': 'electron/core/services/spool/parseWorker.ts',
  'search-worker': 'electron/core/services/search/searchWorker.ts',
};

const built = new Map<string, Promise<string>>();

const bundle = (entry: string, outfile: string) =>
  build({ entryPoints: [path.join(ROOT, entry)], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });

let workers: Promise<unknown> | null = null;

/** The path of a bundled copy of `entry` (a path from the repository root), built once per test process. */
export function bundledChild(entry: string): Promise<string> {
  let p = built.get(entry);
  if (!p) {
    p = (async () => {
      mkdirSync(OUT, { recursive: true });
      process.once('exit', () => rmSync(OUT, { recursive: true, force: true }));
      writeFileSync(path.join(OUT, 'package.json'), '{"type":"module"}\n');
      workers ??= Promise.all(Object.entries(WORKERS).map(([name, src]) => bundle(src, path.join(OUT, `${name}.js`))));
      const outfile = path.join(OUT, `${path.basename(entry, '.ts')}.mjs`);
      await Promise.all([workers, bundle(entry, outfile)]);
      return outfile;
    })();
    built.set(entry, p);
  }
  return p;
}
