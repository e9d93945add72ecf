import { CALL_NAMES, type CallName, type ChangeEvent, type KefuCalls, type Result } from '../../../shared/contract';
import type { KefuApi } from '../../../shared/contract/transport';
import { reportCall } from './connection';
import { createWebApi } from './webClient';

declare global {
  interface Window {
    kefu?: KefuApi;
  }
}

/**
 * In Electron the preload put `window.kefu` there; in web mode we build the same surface over HTTP and expose
 * it the same way, so the security spec can check its keys in both.
 */
export function getApi(): KefuApi {
  if (!window.kefu) {
    Object.defineProperty(window, 'kefu', { value: Object.freeze(createWebApi()), writable: false, configurable: false });
  }
  return window.kefu!;
}

/** A local "session" event: any call that finds the session gone or locked tells the identity gate at once. */
const SESSION_LOST = new Set(['unauthenticated', 'locked']);
const local = new Set<(e: ChangeEvent) => void>();
let localSeq = 0;
const announce = (topics: string[]) => {
  const e: ChangeEvent = { seq: --localSeq, topics, at: Date.now() };
  for (const l of local) l(e);
};

/** The API the panes use: the transport's, plus the session watch above. */
function watched(base: KefuApi): KefuApi {
  const calls: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const name of CALL_NAMES) {
    const call = base.call[name as CallName] as (input: unknown) => Promise<Result<unknown>>;
    calls[name] = async (input) => {
      const r = await call(input);
      reportCall(r);
      if (!r.ok && SESSION_LOST.has(r.error.kind)) announce(['session']);
      return r;
    };
  }
  return {
    call: Object.freeze(calls) as unknown as KefuCalls,
    onChange(listener) {
      local.add(listener);
      const off = base.onChange(listener);
      return () => {
        local.delete(listener);
        off();
      };
    },
  };
}

export const api = watched(getApi());
