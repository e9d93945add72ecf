import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';
import type { Log } from '../../log';
import { isSpoolFile } from './importer';

export interface SpoolWatcher {
  close(): Promise<void>;
}

/** Changes that arrive together (a connector appending line by line) start one scan, this long after the last. */
const SETTLE_MS = 50;

/**
 * Calls `onChange` when a spool file appears or grows. chokidar (maintained, fs.watch underneath with its quirks
 * handled: duplicate events, editors' atomic saves, macOS and Windows differences); `usePolling` for folders on
 * network drives, where fs.watch sees nothing. Only the folder itself is watched, not `outbox/`. The scan reads
 * what is new from the file cursors, so a missed or doubled event costs nothing but a later or an idle scan.
 */
export function watchSpool(folder: string, onChange: () => void, log: Log, usePolling: boolean): SpoolWatcher {
  mkdirSync(folder, { recursive: true });
  let timer: NodeJS.Timeout | null = null;
  const kick = (file: string) => {
    if (!isSpoolFile(path.basename(file))) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, SETTLE_MS);
  };
  const w = watch(folder, { depth: 0, ignoreInitial: true, usePolling, interval: 1000 });
  w.on('add', kick).on('change', kick).on('error', (e) => log('warn', `spool watcher on ${folder}: ${e instanceof Error ? e.message : String(e)}`));
  return {
    close: async () => {
      if (timer) clearTimeout(timer);
      await w.close();
    },
  };
}
