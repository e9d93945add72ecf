import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench`: runs every tests/bench/*.bench.ts (each default-exports an async function that prints its
 * figures). `npm run bench -- store` runs only the files whose name contains "store". Benchmarks never fail on
 * a time; they print figures and ratios for the closing notes.
 */
const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((w) => f.includes(w)))
  .sort();

for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const started = performance.now();
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: () => Promise<void> };
  await mod.default();
  console.log(`(${f}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
