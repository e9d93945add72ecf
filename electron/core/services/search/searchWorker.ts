/**
 * The search index on a thread of its own. The search service (index.ts) decides what to index, reading the
 * store on the main thread, and sends the texts here in commit order; tokenising them and growing the posting
 * lists (~1.5 s of main thread per 100 000 imported events, and the whole start-up build) happen here, on the
 * other core. A query comes back as its hits in recency order (engine.collect); the main thread reads texts from
 * the store for the phrase test and the page (arrange.ts), so the index still holds no text.
 *
 * Messages, in order: `ops` (a batch of changes as flat cells, ops.ts, answered `applied` with its seq), `collect` and `stats` (answered
 * with their id). Built as its own entry (search-worker.js) by electron-vite; from source it is started through tsx
 * (coreWorker.ts).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createEngine } from './engine';
import { applyOps, collectFrom, statsOf, type CollectRequest, type EngineStats, type OpCell } from './ops';
import type { Collected } from './engine';

export const SEARCH_WORKER_MARK = 'kefu-search-index';

export type ToSearchWorker = { t: 'ops'; seq: number; cells: OpCell[] } | { t: 'collect'; id: number; req: CollectRequest } | { t: 'stats'; id: number };
export type FromSearchWorker =
  | { t: 'applied'; seq: number }
  | { t: 'collected'; id: number; ok: true; value: Collected }
  | { t: 'collected'; id: number; ok: false; error: string }
  | { t: 'stats'; id: number; value: EngineStats };

/** The message handler, apart from the thread (so it can be tested in process). */
export function createIndexHost() {
  const engine = createEngine();
  return (m: ToSearchWorker): FromSearchWorker => {
    if (m.t === 'ops') {
      applyOps(engine, m.cells);
      return { t: 'applied', seq: m.seq };
    }
    if (m.t === 'stats') return { t: 'stats', id: m.id, value: statsOf(engine) };
    try {
      return { t: 'collected', id: m.id, ok: true, value: collectFrom(engine, m.req) };
    } catch (e) {
      return { t: 'collected', id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
}

if (!isMainThread && parentPort && (workerData as { mark?: string } | null)?.mark === SEARCH_WORKER_MARK) {
  const port = parentPort;
  const handle = createIndexHost();
  port.on('message', (m: ToSearchWorker) => port.postMessage(handle(m)));
}
