/**
 * Whether an IPC message comes from our own renderer: the exact built index.html (file:) or the dev server's
 * origin. URLs are parsed and compared whole, never by substring.
 */
export function isTrustedRendererUrl(url: string | undefined, trusted: { indexFileUrl: string; devServerUrl?: string }): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'file:') {
    const index = new URL(trusted.indexFileUrl);
    return u.pathname === index.pathname && u.host === index.host;
  }
  if (trusted.devServerUrl) {
    const dev = new URL(trusted.devServerUrl);
    return u.origin === dev.origin && (u.protocol === 'http:' || u.protocol === 'https:');
  }
  return false;
}

/** Links the user clicks open in their browser only when they are plain https URLs (parsed, not prefix-matched). */
export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
