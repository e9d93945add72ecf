import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { compactingGc, scheduleHeapCompaction, type HeapCompactionDeps } from '../../electron/core/heapCompaction';
import type { Log } from '../../electron/core/log';
import { coreSandbox } from './coreSandbox';

const MIB = 1024 * 1024;
const oldSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!;
const oldSpaceCommitted = () => oldSpace().physical_space_size;
const oldSpaceUsed = () => oldSpace().space_used_size;

/** V8's ordinary full collection (what the app's later collections are), taken the way compactingGc takes its own. */
function plainGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  try {
    return vm.runInNewContext('gc') as () => void;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

/**
 * Old-space pages each holding a little that stays alive among much that dies: what the start of a large store leaves
 * (every tenth object of ~130 MiB kept, so no page is empty and an ordinary full collection frees none of them).
 */
function fragment(): unknown[] {
  const kept: unknown[] = [];
  for (let round = 0; round < 8; round++) {
    let all: unknown[] = [];
    for (let i = 0; i < 200_000; i++) all.push({ a: i, b: `x${i}`, c: [i, i + 1] });
    for (let i = 0; i < all.length; i += 10) kept.push(all[i]);
    all = [];
  }
  return kept;
}

describe('the compacting collection', () => {
  it('gives back the pages an ordinary full collection keeps, and leaves later collections ordinary', () => {
    const gc = plainGc();
    const compacting = compactingGc();
    expect(compacting).not.toBeNull();
    // Committed old space beyond what is alive in it: the pages' holes.
    const holes = () => oldSpaceCommitted() - oldSpaceUsed();

    let kept = fragment();
    gc();
    gc();
    // What the ordinary collections keep (here 70–120 MiB of holes, run to run: V8 empties some pages itself)...
    expect(holes()).toBeGreaterThan(32 * MIB);
    compacting!();
    // ...and what the compacting one keeps (~2 MiB here).
    expect(holes()).toBeLessThan(8 * MIB);

    // The flag was set for that one collection only: fragmented again, ordinary collections leave holes again.
    kept = [...kept, ...fragment()];
    gc();
    gc();
    expect(holes()).toBeGreaterThan(32 * MIB);
    expect(kept.length).toBeGreaterThan(0);
    // Nor does any new context get a `gc` of its own.
    expect(vm.runInNewContext('typeof gc')).toBe('undefined');
  });
});

describe('when it runs', () => {
  function schedule(over: Partial<HeapCompactionDeps> & { quiet?: () => number } = {}) {
    let settle!: () => void;
    const settled = new Promise<void>((r) => (settle = r));
    const gc = vi.fn();
    const lines: string[] = [];
    const log: Log = (_level, message) => lines.push(message);
    let now = 0;
    const job = scheduleHeapCompaction({
      settled,
      quietFor: over.quiet ?? (() => 0),
      gc,
      heapUsed: () => 512 * MIB,
      oldSpaceCommitted: () => 300 * MIB,
      log,
      now: () => now,
      options: { pollMs: 1 },
      ...over,
    });
    return { job, settle, gc, lines, advance: (ms: number) => (now += ms) };
  }
  const turns = (n: number) => new Promise((r) => setTimeout(r, n));

  it('waits for the start-up work, then for a quiet desk, and runs once', async () => {
    let quiet = 5_000;
    const s = schedule({ quiet: () => quiet });
    await turns(20);
    expect(s.gc).not.toHaveBeenCalled(); // quiet, but the start-up work is not done

    quiet = 200; // an agent at work
    s.settle();
    await turns(20);
    expect(s.gc).not.toHaveBeenCalled();

    quiet = 1_500;
    await expect(s.job.done).resolves.toBe('compacted');
    expect(s.gc).toHaveBeenCalledTimes(1);
    expect(s.lines.join('\n')).toMatch(/memory: compacted the heap after the start in \d+ ms/);
    await turns(20);
    expect(s.gc).toHaveBeenCalledTimes(1);
  });

  it('runs anyway on a desk never quiet for a minute after the start', async () => {
    const s = schedule({ quiet: () => 0 });
    s.settle();
    await turns(20);
    expect(s.gc).not.toHaveBeenCalled();
    s.advance(59_000);
    await turns(20);
    expect(s.gc).not.toHaveBeenCalled();
    s.advance(1_000);
    await expect(s.job.done).resolves.toBe('compacted');
    expect(s.gc).toHaveBeenCalledTimes(1);
  });

  it('leaves a small heap alone, does nothing without a collector, and nothing once stopped', async () => {
    const small = schedule({ quiet: () => 5_000, heapUsed: () => 40 * MIB });
    small.settle();
    await expect(small.job.done).resolves.toBe('small heap');
    expect(small.gc).not.toHaveBeenCalled();

    const none = schedule({ quiet: () => 5_000, gc: null });
    none.settle();
    await expect(none.job.done).resolves.toBe('unavailable');

    const stopped = schedule({ quiet: () => 0 });
    stopped.settle();
    await turns(10);
    stopped.job.stop();
    stopped.advance(120_000);
    await turns(20);
    await expect(stopped.job.done).resolves.toBe('stopped');
    expect(stopped.gc).not.toHaveBeenCalled();
  });
});

describe('in a core', () => {
  const sandbox = coreSandbox('kefu-heap-');

  it('runs once the start-up work is done and no call has come for a second (real time, not the desk clock)', async () => {
    let now = 0;
    const gc = vi.fn();
    const { core } = await sandbox.open(undefined, undefined, {
      realNow: () => now,
      compactHeapWhenSettled: { gc, minHeapUsedBytes: 0, pollMs: 1 },
    });
    await core.settled();
    now = 500;
    expect((await core.raw.call('session.status', {}, null)).ok).toBe(true);
    now = 1_200; // 1.2 s after the start, 0.7 s after the last call
    await new Promise((r) => setTimeout(r, 30));
    expect(gc).not.toHaveBeenCalled();
    now = 1_600;
    await vi.waitFor(() => expect(gc).toHaveBeenCalledTimes(1));
  });
});
