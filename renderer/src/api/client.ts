import type { KefuApi } from '../../../shared/contract/transport';
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

export const api = getApi();
