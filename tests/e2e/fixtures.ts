import { test as base, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebProcess } from '../fixtures/webProcess';

/** The fixed start of the test clock: a Tuesday morning in Shanghai. Seeded data is laid out around it. */
export const TEST_CLOCK = '2026-11-24T09:00:00+08:00';

export interface WebApp {
  /** The URL with the per-run token, as printed by `npm run web`. */
  url: string;
  origin: string;
  dataDir: string;
  /**
   * Restart the server on the same data folder and the same port (a new token). Same port = same browser origin,
   * so page-local memory (open conversation, pane sizes) survives, as it does across restarts of the desktop app.
   */
  restart(): Promise<void>;
  /** Kill the server process; `restart()` brings it back on the same data. */
  stop(): Promise<void>;
}

export function startServer(dataDir: string, extra: string[] = []): Promise<{ proc: ChildProcess; url: string }> {
  return startWebProcess(['--port', '0', '--data', dataDir, '--clock', TEST_CLOCK, ...extra]);
}

export const test = base.extend<{ app: WebApp }>({
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kefu-e2e-'));
    let current = await startServer(dataDir);
    const stop = async () => {
      if (current.proc.exitCode !== null || current.proc.signalCode !== null) return;
      const exited = new Promise((r) => current.proc.once('exit', r));
      current.proc.kill('SIGKILL');
      await exited;
    };
    const app: WebApp = {
      get url() {
        return current.url;
      },
      get origin() {
        return new URL(current.url).origin;
      },
      dataDir,
      stop,
      async restart() {
        const port = new URL(current.url).port;
        await stop();
        current = await startServer(dataDir, ['--port', port]);
      },
    };
    await use(app);
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** Opens the app and waits for the queue to show its first rows. */
export async function openApp(page: Page, app: WebApp) {
  await page.goto(app.url);
  await page.getByRole('listbox').first().getByRole('option').first().waitFor();
}
