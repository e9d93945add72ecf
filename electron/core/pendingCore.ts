import { contract, fail, ok, topic, type ChangeEvent, type Result } from '../../shared/contract';
import type { OpeningProgress } from '../../shared/contract/session';
import type { SessionStatus } from './identity/signInPreview';
import type { Core } from './index';

/** What transports (IPC binding, web server) need of the core. */
export type CoreGateway = Pick<Core, 'call' | 'subscribe'>;

/**
 * A core that is still opening (a large store takes seconds to load): the window can open and show its loading
 * state at once, and calls made meanwhile wait for the core instead of failing. If opening fails, calls get an
 * `internal` error carrying the reason, which the renderer shows. `progress` answers `session.opening` meanwhile.
 * `preview` (identity/signInPreview.ts, read once when first asked) answers `session.status` for a caller without a
 * session, so the sign-in screen shows while the store opens; once open, every listener gets a 'session' change and
 * asks again (the opened store's profiles and problems), and a sign-in made meanwhile waits for the core.
 */
export function pendingCore(opening: Promise<CoreGateway>, progress?: () => OpeningProgress, preview?: () => SessionStatus | null): CoreGateway {
  let failure: string | null = null;
  let open = false;
  let previewed: SessionStatus | null | undefined;
  const listeners = new Set<(e: ChangeEvent) => void>();
  const ready = opening.then(
    (core) => ((open = true), core),
    (e: unknown) => {
      failure = e instanceof Error ? e.message : String(e);
      return null;
    },
  );
  // Once the store is open (or failed to open), whoever was answered from the preview asks again: every listener is
  // told 'session', and its status call reaches the core (or carries the reason the open failed).
  void ready.then(() => {
    if (!previewed) return;
    const event: ChangeEvent = { seq: 0, topics: [topic.session], at: Date.now() };
    for (const l of [...listeners]) l(event);
  });
  return {
    async call(name, input, sessionId, sink): Promise<Result<unknown>> {
      // How far the opening has got is answered at once (the window shows it); once open, the core answers.
      if (name === 'session.opening' && !open && failure === null && progress) {
        const parsed = contract['session.opening'].input.safeParse(input);
        return parsed.success ? ok(progress()) : fail('validation', 'session.opening takes no input');
      }
      if (name === 'session.status' && !open && failure === null && preview && sessionId === null && contract['session.status'].input.safeParse(input).success) {
        if (previewed === undefined) previewed = preview();
        if (previewed) return ok(previewed);
      }
      const core = await ready;
      return core ? core.call(name, input, sessionId, sink) : fail('internal', `The store could not be opened: ${failure}`);
    },
    subscribe(listener: (e: ChangeEvent) => void) {
      let unsubscribe: (() => void) | null = null;
      let cancelled = false;
      listeners.add(listener);
      void ready.then((core) => {
        if (core && !cancelled) unsubscribe = core.subscribe(listener);
      });
      return () => {
        cancelled = true;
        listeners.delete(listener);
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
