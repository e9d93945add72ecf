import { teamDbFromEnv } from '../core/team/teamDb';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manualClock, systemClock } from '../core/clock';
import { createCore } from '../core';
import { openingTracker, pendingCore } from '../core/pendingCore';
import { signInPreview } from '../core/identity/signInPreview';
import { consoleLog } from '../core/log';
import { parseWebArgs } from './args';
import { startWebServer } from './server';

/** `npm run web`: the core and the built renderer on 127.0.0.1, with a per-run token in the printed URL. */
async function main() {
  let args;
  try {
    args = parseWebArgs(process.argv.slice(2), process.env);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const staticDir = [join(here, '../renderer'), join(process.cwd(), 'out/renderer')].find((d) => existsSync(join(d, 'index.html')));
  if (!staticDir) {
    process.stderr.write('The renderer is not built; run `npm run build` first (npm run web does it for you).\n');
    process.exit(1);
  }
  const clock = args.clockStart === null ? systemClock : manualClock(args.clockStart);
  // The page can open at once: calls wait while the store loads (seconds for a large store).
  const progress = openingTracker();
  const team = teamDbFromEnv() ?? undefined;
  const opening = createCore({ dataDir: args.dataDir, clock, log: consoleLog, seedDemo: args.seedDemo, team, onOpenProgress: progress.update, firstPageFirst: true, compactHeapWhenSettled: true });
  // The sign-in screen shows while the store opens (local profiles only: a team's live in its database).
  const preview = team ? undefined : () => signInPreview(args.dataDir);
  const server = await startWebServer({ core: pendingCore(opening, progress.get, preview), staticDir, port: args.port });
  process.stdout.write(`Kefu Desk web mode (data: ${args.dataDir})\nOpen ${server.url}\n`);
  const core = await opening.catch((e: unknown) => {
    process.stderr.write(`Kefu Desk could not open its store in ${args.dataDir}: ${e instanceof Error ? e.message : String(e)}\n`);
    return null;
  });

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    await core?.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
