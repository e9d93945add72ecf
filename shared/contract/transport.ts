import { CALL_NAMES, type CallName, type KefuCalls } from './index';
import type { ChangeEvent } from './events';
import type { Result } from './errors';

/** Channel and route names are derived from the call name here and nowhere else. */
export const ipcChannel = (name: CallName): string => `kefu:call:${name}`;
export const IPC_CHANGE_CHANNEL = 'kefu:change';
export const webCallPath = (name: CallName): string => `/api/call/${name}`;
export const WEB_CALL_PREFIX = '/api/call/';
export const WEB_EVENTS_PATH = '/api/events';
/** Web mode's per-run token, held by the page and sent as a header (never a cookie: see webClient.ts). */
export const WEB_TOKEN_HEADER = 'X-Kefu-Token';
/** The session the core issued to this page; in a response, a newly issued one (empty: ended). */
export const WEB_SESSION_HEADER = 'X-Kefu-Session';

/** What the renderer sees on `window.kefu`, in Electron and in web mode alike. */
export interface KefuApi {
  call: KefuCalls;
  /** Subscribe to change events; returns an unsubscribe. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
}

/** Builds the call object from one generic invoke: one key per contract entry, no more, no less. */
export function buildCalls(invoke: (name: CallName, input: unknown) => Promise<Result<unknown>>): KefuCalls {
  const calls: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const name of CALL_NAMES) calls[name] = (input: unknown) => invoke(name, input);
  return Object.freeze(calls) as unknown as KefuCalls;
}
