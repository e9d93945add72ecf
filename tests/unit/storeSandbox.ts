import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openStore } from '../../electron/core/store/openStore';
import type { Store } from '../../electron/core/store/types';

/**
 * Temp folders and opened stores for store tests, cleaned after each test; `logs` collects what the store logged.
 * Call once at the top of a test file.
 */
export function storeSandbox(prefix: string) {
  const dirs: string[] = [];
  const stores: Store[] = [];
  const logs: string[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    logs,
    tempDir(): string {
      const d = mkdtempSync(path.join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    async open(dir: string, compactEveryBytes?: number, compactRatio?: number, journalCapBytes?: number): Promise<Store> {
      const s = await openStore({ dir, log: (l, m) => logs.push(`${l} ${m}`), compactEveryBytes, compactRatio, journalCapBytes });
      stores.push(s);
      return s;
    },
    async closeStore(s: Store): Promise<void> {
      stores.splice(stores.indexOf(s), 1);
      await s.close();
    },
  };
}
