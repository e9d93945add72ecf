import { CALL_NAMES, type CallName, type ChangeEvent, type Result } from '../../shared/contract';
import type { Core } from '../../electron/core';
import type { KefuApi } from '../../shared/contract/transport';

/**
 * The renderer reads `window.kefu` once, when api/client.ts is first imported. This setup file (vitest
 * `setupFiles` for DOM tests) puts a delegating `window.kefu` there first; each test then points it at a real core
 * on a temp folder (`useCore`), so components are tested against the real contract, not a hand-written fake.
 */
let target: { call(name: CallName, input: unknown): Promise<Result<unknown>>; subscribe(l: (e: ChangeEvent) => void): () => void } | null = null;
const listeners = new Set<(e: ChangeEvent) => void>();
let unsubscribeCore: (() => void) | null = null;

/** How many times each call was made since the last `useCore` (to check the cache de-duplicates). */
export const callCounts = new Map<string, number>();

/** Calls held back until the test releases them (see `holdCalls`): a slow core, without timers. */
let held: { names: ReadonlySet<string>; queue: (() => void)[] } | null = null;

const calls: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
for (const name of CALL_NAMES) {
  calls[name] = (input) => {
    callCounts.set(name, (callCounts.get(name) ?? 0) + 1);
    if (!target) return Promise.reject(new Error(`window.kefu called (${name}) before useCore()`));
    const to = target;
    if (held?.names.has(name)) {
      const gate = held;
      // Answered by the core when released, so the answer reflects the core's state at that moment.
      return new Promise((resolve, reject) => gate.queue.push(() => void to.call(name as CallName, input).then(resolve, reject)));
    }
    return to.call(name as CallName, input);
  };
}

/**
 * Holds every call to `names` until released: the core "answers slowly", deterministically. `release(n)` lets the
 * oldest n held calls through; `stop()` releases the rest and stops holding.
 */
export function holdCalls(names: readonly string[]) {
  const gate = { names: new Set(names), queue: [] as (() => void)[] };
  held = gate;
  return {
    waiting: () => gate.queue.length,
    release(n = gate.queue.length) {
      for (const go of gate.queue.splice(0, n)) go();
    },
    stop() {
      if (held === gate) held = null;
      for (const go of gate.queue.splice(0)) go();
    },
  };
}

const api: KefuApi = {
  call: calls as unknown as KefuApi['call'],
  onChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
Object.defineProperty(window, 'kefu', { value: api, configurable: true });

/** Points `window.kefu` at `core`, calling as `session` (an id the core issued). */
export function useCore(core: Core, session: string) {
  unsubscribeCore?.();
  callCounts.clear();
  target = { call: (name, input) => core.call(name, input, session), subscribe: (l) => core.subscribe(l) };
  unsubscribeCore = core.subscribe((e) => {
    for (const l of listeners) l(e);
  });
}
