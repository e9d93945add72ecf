import { ChangeEvent, fail, type CallName, type Result } from '../../../shared/contract';
import { buildCalls, webCallPath, WEB_EVENTS_PATH, type KefuApi } from '../../../shared/contract/transport';

/** A per-page session id so each page can sign in as its own agent; kept across reloads of that page. */
function pageSession(): string {
  const key = 'kefu.session';
  let id = sessionStorage.getItem(key);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(key, id);
  }
  return id;
}

/** Web mode's client: the same typed surface as the preload, over fetch and server-sent events. */
export function createWebApi(): KefuApi {
  const session = pageSession();
  const listeners = new Set<(e: ChangeEvent) => void>();
  let source: EventSource | null = null;
  const ensureEvents = () => {
    if (source) return;
    source = new EventSource(WEB_EVENTS_PATH);
    source.onmessage = (m) => {
      try {
        const parsed = ChangeEvent.safeParse(JSON.parse(m.data));
        if (parsed.success) for (const l of listeners) l(parsed.data);
      } catch {
        // A malformed frame is ignored; the next event refreshes anyway.
      }
    };
  };
  return {
    call: buildCalls(async (name: CallName, input: unknown): Promise<Result<unknown>> => {
      try {
        const res = await fetch(webCallPath(name), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Kefu-Session': session },
          body: JSON.stringify(input ?? {}),
        });
        if (res.status === 401 || res.status === 403) return fail('forbidden', await res.text());
        return (await res.json()) as Result<unknown>;
      } catch (e) {
        return fail('internal', `The core cannot be reached: ${(e as Error).message}`);
      }
    }),
    onChange(listener) {
      ensureEvents();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
