import type { Clock } from './clock';

/** May be asynchronous (it commits): a tick resolves when every listener's work has settled. */
export type TickListener = (now: number) => void | Promise<void>;

/**
 * One heartbeat for everything time-driven (SLA thresholds, reminders): every `intervalMs` of real time, and at
 * once whenever a manual clock is moved, so tests advance time instead of sleeping.
 */
export function createTicker(clock: Clock, intervalMs = 15_000) {
  const listeners = new Set<TickListener>();
  let timer: ReturnType<typeof setInterval> | null = null;
  const failed = (e: unknown) => void process.stderr.write(`tick listener failed: ${(e as Error)?.stack ?? e}\n`);
  /** Runs every listener; resolves when the asynchronous ones are done too (never rejects: a failure is written out). */
  const tick = (): Promise<void> => {
    const now = clock.now();
    const running: Promise<void>[] = [];
    for (const l of listeners) {
      try {
        const r = l(now);
        if (r) running.push(r.catch(failed));
      } catch (e) {
        failed(e);
      }
    }
    return Promise.all(running).then(() => undefined);
  };
  return {
    onTick(listener: TickListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tick,
    start() {
      if (!timer) {
        timer = setInterval(() => void tick(), intervalMs);
        timer.unref?.();
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type Ticker = ReturnType<typeof createTicker>;
