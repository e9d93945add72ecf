import { ChangeEvent, fail, type CallName, type Result } from '../../../shared/contract';
import { buildCalls, webCallPath, WEB_EVENTS_PATH, WEB_SESSION_HEADER, WEB_TOKEN_HEADER, type KefuApi } from '../../../shared/contract/transport';

/**
 * Web mode's client: the same typed surface as the preload, over fetch and a streamed event feed.
 *
 * Two credentials, both held by this page only (sessionStorage: per tab, gone with it) and sent as headers, never
 * as cookies (a cookie would also reach every other server on 127.0.0.1 that this browser visits):
 * - the per-run token printed by `npm run web` (read once from the address bar, which then drops it);
 * - the session the core issued at sign-in (from the response header), so each page is its own sign-in.
 */
const TOKEN_KEY = 'kefu.token';
const SESSION_KEY = 'kefu.session';

function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function headers(token: string | null): Record<string, string> {
  const h: Record<string, string> = {};
  if (token) h[WEB_TOKEN_HEADER] = token;
  const session = sessionStorage.getItem(SESSION_KEY);
  if (session) h[WEB_SESSION_HEADER] = session;
  return h;
}

/** Reads server-sent events from a fetch body (EventSource cannot send headers). */
async function readEvents(token: string | null, onEvent: (e: ChangeEvent) => void, signal: AbortSignal): Promise<void> {
  const res = await fetch(WEB_EVENTS_PATH, { headers: { ...headers(token), Accept: 'text/event-stream' }, signal, cache: 'no-store' });
  if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = frame
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n');
      if (!data) continue;
      try {
        const parsed = ChangeEvent.safeParse(JSON.parse(data));
        if (parsed.success) onEvent(parsed.data);
      } catch {
        // A malformed frame is ignored; the next event refreshes anyway.
      }
    }
  }
}

export function createWebApi(): KefuApi {
  const token = takeToken();
  const listeners = new Set<(e: ChangeEvent) => void>();
  let started = false;
  const ensureEvents = () => {
    if (started) return;
    started = true;
    const controller = new AbortController();
    const loop = async (delay: number) => {
      try {
        await readEvents(token, (e) => listeners.forEach((l) => l(e)), controller.signal);
        delay = 500;
      } catch {
        delay = Math.min(10_000, delay * 2);
      }
      // Reconnect (server restart, network blip); pages refetch on the next event anyway.
      setTimeout(() => void loop(delay), delay);
    };
    void loop(500);
    window.addEventListener('pagehide', () => controller.abort());
  };
  return {
    call: buildCalls(async (name: CallName, input: unknown): Promise<Result<unknown>> => {
      try {
        const res = await fetch(webCallPath(name), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers(token) },
          body: JSON.stringify(input ?? {}),
        });
        // The core hands this page a session at sign-in, and takes it back at sign-out (empty header).
        const issued = res.headers.get(WEB_SESSION_HEADER);
        if (issued !== null) {
          if (issued) sessionStorage.setItem(SESSION_KEY, issued);
          else sessionStorage.removeItem(SESSION_KEY);
        }
        if (res.status === 401 || res.status === 403) return fail('forbidden', await res.text(), undefined, { code: 'no_token' });
        if (res.status === 413) return fail('validation', await res.text(), undefined, { code: 'too_large' });
        return (await res.json()) as Result<unknown>;
      } catch (e) {
        return fail('internal', `The core cannot be reached: ${(e as Error).message}`, undefined, { code: 'unreachable' });
      }
    }),
    onChange(listener) {
      ensureEvents();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
