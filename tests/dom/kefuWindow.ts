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

const calls: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
for (const name of CALL_NAMES) {
  calls[name] = (input) => {
    callCounts.set(name, (callCounts.get(name) ?? 0) + 1);
    if (!target) return Promise.reject(new Error(`window.kefu called (${name}) before useCore()`));
    return target.call(name as CallName, input);
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
