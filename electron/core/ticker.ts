import type { Clock } from './clock';

export type TickListener = (now: number) => void;

/**
 * One heartbeat for everything time-driven (SLA thresholds, reminders): every `intervalMs` of real time, and at
 * once whenever a manual clock is moved, so tests advance time instead of sleeping.
 */
export function createTicker(clock: Clock, intervalMs = 15_000) {
  const listeners = new Set<TickListener>();
  let timer: ReturnType<typeof setInterval> | null = null;
  const tick = () => {
    const now = clock.now();
    for (const l of listeners) {
      try {
        l(now);
      } catch (e) {
        process.stderr.write(`tick listener failed: ${(e as Error).stack}\n`);
      }
    }
  };
  return {
    onTick(listener: TickListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tick,
    start() {
      if (!timer) {
        timer = setInterval(tick, intervalMs);
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
