import path from 'node:path';
import { topic } from '../../../../shared/contract';
import type { Log } from '../../log';
import type { CoreContext, HandlerSlice } from '../../context';
import type { Change, Store } from '../../store/types';
import type { Receive } from './applyEvent';
import { createImporter, type ImporterDeps } from './importer';
import type { ParseClient } from './parseClient';
import { createLinkIndex } from './links';
import { createOutbox } from './outbox';
import { watchSpool, type SpoolWatcher } from './watcher';
import { messagesLoaded, messagesPending } from '../../store/lazyMessages';

/**
 * The parts of the spool the store wrapper needs before any service exists: the folder, the platform-id links
 * and the outbox (its commit hook and writer). Built on the raw store.
 */
export function createSpoolHook(o: { store: Store; dataDir: string; log: Log; newId: (prefix: string) => string; now: () => number }) {
  const folder = () => {
    const dir = o.store.get('settings', 'global')?.spoolDir;
    return dir ? path.resolve(o.dataDir, dir) : path.join(o.dataDir, 'spool');
  };
  const links = createLinkIndex(o.store);
  const outbox = createOutbox({ store: o.store, links, newId: o.newId, log: o.log, dir: folder, now: o.now });
  let scheduled: NodeJS.Immediate | NodeJS.Timeout | null = null;
  let closed = false;
  /** Writes the outbox soon after a commit that added to it (off the caller's path), retrying after a failure. */
  const scheduleFlush = (delayMs = 0) => {
    if (scheduled || closed) return;
    const run = async () => {
      scheduled = null;
      try {
        await outbox.flush();
      } catch (e) {
        o.log('error', `outbox: ${e instanceof Error ? e.message : String(e)}; retrying in 5 s`);
        scheduleFlush(5000);
      }
    };
    scheduled = delayMs > 0 ? setTimeout(run, delayMs).unref() : setImmediate(run);
  };
  return {
    folder,
    links,
    outbox,
    store: o.store,
    augment: (changes: readonly Change[], before: Store) => outbox.augment(changes, before),
    committed: () => scheduleFlush(),
    /** Stops scheduling; a last flush writes what is pending (the store must still be open). */
    async close() {
      closed = true;
      if (scheduled) {
        clearTimeout(scheduled as NodeJS.Timeout);
        clearImmediate(scheduled as NodeJS.Immediate);
        scheduled = null;
      }
      try {
        await outbox.flush();
      } catch (e) {
        o.log('error', `outbox: ${e instanceof Error ? e.message : String(e)} (kept pending for the next start)`);
      }
    },
  };
}
export type SpoolHook = ReturnType<typeof createSpoolHook>;

/**
 * Sync from the local spool (docs/spool-format.md): the importer, the folder watcher, and the contract calls for
 * progress and quarantine.
 */
export function createSpool(
  ctx: CoreContext,
  hook: SpoolHook,
  opts: { makeReceive: (ctx: CoreContext) => Receive; watch?: boolean; batchLines?: number; usePolling?: boolean; parseWorkerMinBytes?: number; parser?: ParseClient; batchRecords?: ImporterDeps['batchRecords'] },
) {
  const deps: ImporterDeps = { ctx, rawStore: hook.store, links: hook.links, outbox: hook.outbox, folder: hook.folder, makeReceive: opts.makeReceive, batchRecords: opts.batchRecords, batchLines: opts.batchLines, parseWorkerMinBytes: opts.parseWorkerMinBytes, parser: opts.parser };
  const importer = createImporter(deps);
  let watcher: SpoolWatcher | null = null;
  let watchedFolder: string | null = null;

  const scan = async () => {
    // An import commits messages: not before the store has read its own in the background (lazyMessages.ts), or the
    // first commit would make it finish that read at once, holding every call meanwhile.
    if (messagesPending(ctx.store.all('messages'))) await messagesLoaded(ctx.store.all('messages'));
    await importer.scan();
    hook.committed(); // an import batch may have added outbox entries (the bot's answers, status changes)
  };

  const status = () => ({
    folder: hook.folder(),
    ...importer.status(),
    quarantined: ctx.store.all('spoolQuarantine').size,
    outboxPending: ctx.store.all('outbox').size,
  });

  const rewatch = () => {
    const folder = hook.folder();
    if (!opts.watch || folder === watchedFolder) return;
    void watcher?.close();
    watchedFolder = folder;
    watcher = watchSpool(folder, () => void scan(), ctx.log, opts.usePolling ?? false);
  };

  const handlers: HandlerSlice<'spool.status' | 'spool.quarantine' | 'spool.scan'> = {
    'spool.status': () => status(),
    'spool.quarantine': ({ offset, limit }) => {
      const all = [...ctx.store.all('spoolQuarantine').values()].sort((a, b) => b.at - a.at || a.file.localeCompare(b.file) || b.line - a.line);
      return { total: all.length, items: all.slice(offset, offset + limit) };
    },
    'spool.scan': async () => {
      await scan();
      return status();
    },
  };

  let unsubscribe: (() => void) | null = null;
  return {
    handlers,
    importer,
    scan,
    /** Watches the folder (when asked) and imports what is already there; flushes what the outbox still holds. */
    start() {
      hook.committed();
      if (opts.watch) {
        rewatch();
        // A lead may point the spool elsewhere: watch the new folder and import from it.
        unsubscribe = ctx.feed.subscribe((e) => {
          if (e.topics.includes(topic.settings) && hook.folder() !== watchedFolder) {
            rewatch();
            void scan();
          }
        });
        void scan();
      }
    },
    async stop() {
      unsubscribe?.();
      await watcher?.close();
      watcher = null;
      await importer.idle();
      await importer.close();
      await hook.close();
    },
  };
}
