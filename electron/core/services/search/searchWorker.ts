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
import v8 from 'node:v8';
import vm from 'node:vm';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createEngine } from './engine';
import { applyOps, collectFrom, statsOf, type CollectRequest, type EngineStats, type OpCell } from './ops';
import type { Collected, Engine } from './engine';

export const SEARCH_WORKER_MARK = 'kefu-search-index';

export type ToSearchWorker = { t: 'ops'; seq: number; cells: OpCell[] } | { t: 'collect'; id: number; req: CollectRequest } | { t: 'stats'; id: number };
export type FromSearchWorker =
  | { t: 'applied'; seq: number }
  | { t: 'collected'; id: number; ok: true; value: Collected }
  | { t: 'collected'; id: number; ok: false; error: string }
  | { t: 'stats'; id: number; value: EngineStats };

/**
 * Blocks of posting lists let go by a repack (the start-up build's end, an import's growth) are array buffers, freed
 * only when this isolate collects garbage. A thread that only indexes allocates little else once idle, so it may not
 * collect for hours: measured after a 50 000 x 20 start-up build, 202 MiB of array buffers where the index held
 * ~85. So once this much has been let go, the host asks for a full collection as soon as it is idle.
 */
const COLLECT_AFTER_RELEASED = 32 * 2 ** 20;

/** The isolate's `gc`, made reachable at run time (no --expose-gc flag for a worker); null if the runtime refuses. */
function exposedGc(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/**
 * The message handler, apart from the thread (so it can be tested in process). `collect` runs a full GC, asked for
 * once `collectAfter` bytes of blocks were let go since the last one.
 */
export function createIndexHost(collect: (() => void) | null = null, collectAfter = COLLECT_AFTER_RELEASED, engine: Engine = createEngine()) {
  let releasedAtCollect = 0;
  let idleCollect: ReturnType<typeof setTimeout> | null = null;
  const collectWhenIdle = () => {
    if (!collect || engine.releasedBytes - releasedAtCollect < collectAfter) return;
    // Debounced: while messages keep coming, each one moves the collection further (it runs once the thread is idle).
    if (idleCollect) clearTimeout(idleCollect);
    idleCollect = setTimeout(() => {
      idleCollect = null;
      releasedAtCollect = engine.releasedBytes;
      collect();
    }, 200);
    idleCollect.unref?.();
  };
  return (m: ToSearchWorker): FromSearchWorker => {
    if (m.t === 'ops') {
      applyOps(engine, m.cells);
      collectWhenIdle();
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
  const handle = createIndexHost(exposedGc());
  port.on('message', (m: ToSearchWorker) => port.postMessage(handle(m)));
}
