/**
 * One compacting garbage collection once the start-up work is done and the desk is quiet.
 *
 * Why: the start of a large store allocates and frees hundreds of MiB on the main thread (the snapshot's messages
 * read in the background, the search index built from them, the performance facts derived). V8's full collections
 * move objects only out of the pages they judge fragmented enough, so what is left live (~245 MiB of old space at
 * 50 000 conversations × 20 messages) could stay spread over 260 or over 320–360 MiB of committed pages, run to run:
 * the process settled at 650–680 or at 770–800 MiB for the same data (docs/measurements.md, "Memory after the
 * start, this round"). A collection with `--compact-on-every-full-gc` set for it moves every live object together
 * and gives the emptied pages back. It pauses the main thread once (0.4–0.5 s at that size), so it waits for a quiet
 * second.
 *
 * Measured in web mode (the build) at 50 000 × 20, settled 45 s after the search index was ready: 737–746 MiB
 * without it, 631–634 MiB with it (599–600 MiB when the start had no compaction of the journals to do).
 *
 * Best effort: a host that refuses V8 flags at run time gets no compaction, and a small heap (the demo store, the
 * tests' stores) is left alone. Node and Electron's main process both start V8 with `--no-freeze-flags-after-init`
 * (for `v8.setFlagsFromString`), so the flags can be set here.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Log } from './log';

/** A full collection that compacts every page of the old space. */
export type CompactingGc = () => void;

export const HEAP_COMPACTION = {
  /** Below this much heap in use at the end of the start, there is little to give back for a pause. */
  minHeapUsedBytes: 128 * 1024 * 1024,
  /** The desk counts as quiet once no call has come for this long. */
  quietMs: 1_000,
  /** How often the quiet is looked for. */
  pollMs: 250,
  /** A desk never quiet this long after the start gets its compaction anyway (one pause, as late as this). */
  latestMs: 60_000,
};

/**
 * V8's `gc`, run with every page compacted; null where the host does not allow it (the flags set at run time are
 * set back at once, so no other context sees a `gc` global and later collections are V8's usual ones).
 */
export function compactingGc(): CompactingGc | null {
  // Started with --expose-gc (the benchmarks' probes): that one, and the flag is left as it was.
  let gc: unknown = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc');
    } catch {
      return null;
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  }
  if (typeof gc !== 'function') return null;
  const collect = gc as () => void;
  return () => {
    v8.setFlagsFromString('--compact-on-every-full-gc');
    try {
      collect();
    } finally {
      v8.setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}

export interface HeapCompactionDeps {
  /** Resolves when the start-up work is done (search index built, facts derived, the bot warm). */
  settled: Promise<void>;
  /** Milliseconds since the last call came (real time). */
  quietFor: () => number;
  gc: CompactingGc | null;
  heapUsed?: () => number;
  oldSpaceCommitted?: () => number;
  log: Log;
  /** Real time in ms (default performance.now). */
  now?: () => number;
  options?: Partial<typeof HEAP_COMPACTION>;
}

export type HeapCompactionOutcome = 'compacted' | 'small heap' | 'unavailable' | 'stopped';

export interface HeapCompaction {
  readonly done: Promise<HeapCompactionOutcome>;
  /** The core is closing: nothing more is done. */
  stop(): void;
}

const MIB = 1024 * 1024;
const oldSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.physical_space_size ?? 0;

export function scheduleHeapCompaction(deps: HeapCompactionDeps): HeapCompaction {
  const o = { ...HEAP_COMPACTION, ...deps.options };
  const now = deps.now ?? (() => performance.now());
  const heapUsed = deps.heapUsed ?? (() => process.memoryUsage().heapUsed);
  const committed = deps.oldSpaceCommitted ?? oldSpace;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let finish!: (outcome: HeapCompactionOutcome) => void;
  const done = new Promise<HeapCompactionOutcome>((r) => (finish = r));

  const compact = (gc: CompactingGc) => {
    const before = committed();
    const t0 = now();
    gc();
    const ms = now() - t0;
    deps.log('info', `memory: compacted the heap after the start in ${ms.toFixed(0)} ms (old space ${(before / MIB).toFixed(0)} → ${(committed() / MIB).toFixed(0)} MiB committed)`);
    finish('compacted');
  };

  void deps.settled.then(() => {
    if (stopped) return;
    const gc = deps.gc;
    if (!gc) return finish('unavailable');
    if (heapUsed() < o.minHeapUsedBytes) return finish('small heap');
    const since = now();
    const look = () => {
      timer = null;
      if (stopped) return;
      if (deps.quietFor() >= o.quietMs || now() - since >= o.latestMs) return compact(gc);
      timer = setTimeout(look, o.pollMs);
      timer.unref();
    };
    look();
  });

  return {
    done,
    stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      finish('stopped');
    },
  };
}
