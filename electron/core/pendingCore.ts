import { fail, type ChangeEvent, type Result } from '../../shared/contract';
import type { Core } from './index';

/** What transports (IPC binding, web server) need of the core. */
export type CoreGateway = Pick<Core, 'call' | 'subscribe'>;

/**
 * A core that is still opening (a large store takes seconds to load): the window can open and show its loading
 * state at once, and calls made meanwhile wait for the core instead of failing. If opening fails, calls get an
 * `internal` error carrying the reason, which the renderer shows.
 */
export function pendingCore(opening: Promise<CoreGateway>): CoreGateway {
  let failure: string | null = null;
  const ready = opening.catch((e: unknown) => {
    failure = e instanceof Error ? e.message : String(e);
    return null;
  });
  return {
    async call(name, input, sessionId, sink): Promise<Result<unknown>> {
      const core = await ready;
      return core ? core.call(name, input, sessionId, sink) : fail('internal', `The store could not be opened: ${failure}`);
    },
    subscribe(listener: (e: ChangeEvent) => void) {
      let unsubscribe: (() => void) | null = null;
      let cancelled = false;
      void ready.then((core) => {
        if (core && !cancelled) unsubscribe = core.subscribe(listener);
      });
      return () => {
        cancelled = true;
        unsubscribe?.();
      };
    },
  };
}
