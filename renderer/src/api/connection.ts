import type { Result } from '../../../shared/contract';

/**
 * Whether this page can reach the core, from the results of the calls it makes (client.ts reports each one):
 * - `connected`: the core answered (success or a refusal, it does not matter);
 * - `unreachable`: a call could not reach it (web server stopped or restarting, network failure);
 * - `restarted`: the core answered 401/403 after having accepted this page before: a restarted web server has a
 *   new token, and this page's one is stale (only opening the newly printed address helps);
 * - `no_token`: the same refusal on a page that was never let in (opened without the printed address).
 * A tiny store for `useSyncExternalStore`. In the desktop app (IPC) calls never fail this way: always connected.
 */
export type ConnectionState = 'connected' | 'unreachable' | 'restarted' | 'no_token';

let state: ConnectionState = 'connected';
let admitted = false;
const listeners = new Set<() => void>();

/** The next state after one call's result (pure, so the rules above are easy to read and test). */
export function nextConnectionState(current: ConnectionState, wasAdmitted: boolean, r: Result<unknown>): ConnectionState {
  const code = r.ok ? undefined : r.error.code;
  if (code === 'unreachable') return current === 'restarted' ? current : 'unreachable';
  if (code === 'no_token') return wasAdmitted ? 'restarted' : 'no_token';
  return 'connected';
}

/** Called with every call's result (client.ts `watched()`). */
export function reportCall(r: Result<unknown>): void {
  const next = nextConnectionState(state, admitted, r);
  if (next === 'connected') admitted = true;
  set(next);
}

function set(next: ConnectionState): void {
  if (next === state) return;
  state = next;
  for (const l of listeners) l();
}

/** A check outside the call surface (the banner's probe) found the server gone. */
export function markUnreachable(): void {
  if (state === 'connected') set('unreachable');
}

export function connectionState(): ConnectionState {
  return state;
}

export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
