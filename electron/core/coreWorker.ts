import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts one of the core's worker threads (the store's compaction, the spool's line parser). electron-vite emits
 * each as its own entry next to the main bundle (`bundled`, see electron.vite.config.ts); from source (vitest, tsx)
 * the `.ts` file beside the caller (`source`) is loaded through tsx. `from` is the caller's `import.meta.url`. The
 * names are joined at run time so Vite does not try to bundle them as assets of the `new URL(..., import.meta.url)`
 * pattern.
 */
export function startCoreWorker(names: { bundled: string; source: string }, from: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const bundled = new URL('./' + names.bundled, from);
  if (bundled.protocol === 'file:' && existsSync(fileURLToPath(bundled))) return new Worker(bundled, { workerData, resourceLimits });
  // Node 20 does not apply `execArgv: ['--import', 'tsx']` to a worker's own entry (ERR_UNKNOWN_FILE_EXTENSION),
  // so a two-line bootstrap loads the .ts file through tsx's API.
  const source = new URL('./' + names.source, from).href;
  const code = `import(${JSON.stringify(tsxEsmApi())}).then((m) => m.tsImport(` + `${JSON.stringify(source)}, ${JSON.stringify(source)}));`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}

/** tsx's ESM API entry (its CommonJS twin fails when imported from a worker). */
function tsxEsmApi(): string {
  const req = createRequire(import.meta.url);
  const pkgFile = req.resolve('tsx/package.json');
  const pkg = req(pkgFile) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports['./esm/api'].import.default)).href;
}
