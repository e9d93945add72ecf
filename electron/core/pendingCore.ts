import { contract, fail, ok, type ChangeEvent, type Result } from '../../shared/contract';
import type { OpeningProgress } from '../../shared/contract/session';
import type { Core } from './index';

/** What transports (IPC binding, web server) need of the core. */
export type CoreGateway = Pick<Core, 'call' | 'subscribe'>;

/**
 * A core that is still opening (a large store takes seconds to load): the window can open and show its loading
 * state at once, and calls made meanwhile wait for the core instead of failing. If opening fails, calls get an
 * `internal` error carrying the reason, which the renderer shows. `progress` answers `session.opening` meanwhile.
 */
export function pendingCore(opening: Promise<CoreGateway>, progress?: () => OpeningProgress): CoreGateway {
  let failure: string | null = null;
  let open = false;
  const ready = opening.then(
    (core) => ((open = true), core),
    (e: unknown) => {
      failure = e instanceof Error ? e.message : String(e);
      return null;
    },
  );
  return {
    async call(name, input, sessionId, sink): Promise<Result<unknown>> {
      // How far the opening has got is answered at once (the window shows it); once open, the core answers.
      if (name === 'session.opening' && !open && failure === null && progress) {
        const parsed = contract['session.opening'].input.safeParse(input);
        return parsed.success ? ok(progress()) : fail('validation', 'session.opening takes no input');
      }
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

/** The latest opening progress, kept by the host for pendingCore while createCore reports it (onOpenProgress). */
export function openingTracker() {
  let last: OpeningProgress = { state: 'opening', step: 'reading', fraction: 0, bytes: 0 };
  return {
    update: (p: OpeningProgress) => void (last = p),
    get: () => last,
  };
}
