import { APP_HOST, APP_SCHEME } from './appProtocol';

/**
 * Whether an IPC message comes from our own renderer: a page of the app:// origin (`app://kefu`, exactly: scheme,
 * host, no port, no credentials) or, in an unpackaged app run with electron-vite dev, the dev server's exact origin.
 * URLs are parsed and compared part by part, never by substring; file: pages are never trusted.
 */
export function isTrustedRendererUrl(url: string | undefined, trusted: { devServerUrl?: string } = {}): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username !== '' || u.password !== '') return false;
  if (u.protocol === `${APP_SCHEME}:`) return u.hostname === APP_HOST && u.port === '';
  if (trusted.devServerUrl && (u.protocol === 'http:' || u.protocol === 'https:')) {
    let dev: URL;
    try {
      dev = new URL(trusted.devServerUrl);
    } catch {
      return false;
    }
    return u.origin === dev.origin;
  }
  return false;
}
