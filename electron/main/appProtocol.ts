import nodePath from 'node:path';

/**
 * The renderer is loaded from `app://kefu/index.html`, a privileged custom scheme served from the built
 * `out/renderer` folder, never from `file://` (a file: page could read any file: URL, and every file: page shares
 * one origin). Everything that decides what a request gets lives here, pure of Electron; main/index.ts only passes
 * each request to `serveAppRequest` and wraps the answer in a `Response`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kefu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged (before the app is ready). standard: parsed like http (origin,
 * relative URLs, localStorage); secure: a secure context like https. Nothing else: no CSP bypass, no service
 * workers, no CORS-enabled scheme, no streaming.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    corsEnabled: false,
    stream: false,
  },
} as const;

/** The types the built renderer is made of; any other extension is refused (404), never sniffed. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppRequestResolution =
  | { ok: true; path: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

/** Path functions, so the Windows rules are tested on Linux too (`path.win32`). */
export type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'extname' | 'sep'>;

const refuse = (status: 400 | 403 | 404 | 405, reason: string): AppRequestResolution => ({ ok: false, status, reason });

/**
 * Maps a request to a file inside `root`, or a refusal. The URL is parsed (never matched by prefix); it must be
 * exactly `app://kefu/...` without credentials or port; the path is percent-decoded once and each segment checked:
 * no `..`, no `.`-files, no backslash, no drive letter or colon, no NUL; the resolved file must still be inside root.
 * `/` is index.html. Only GET and HEAD.
 */
export function resolveAppRequest(url: string, root: string, method = 'GET', path: PathApi = nodePath): AppRequestResolution {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, 'method');
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return refuse(400, 'unparsable URL');
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname !== APP_HOST || u.port !== '' || u.username !== '' || u.password !== '') {
    return refuse(403, 'foreign origin');
  }
  // The raw path as sent: a path the URL parser already folded ("/a/../b") is fine, an encoded one is checked below.
  const rawSegments = u.pathname.split('/').slice(1);
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return refuse(400, 'bad percent-encoding');
    }
    if (seg === '') continue;
    if (seg === '.' || seg === '..' || seg.startsWith('.')) return refuse(403, 'dot segment');
    if (/[\\/:\0]/.test(seg)) return refuse(403, 'separator or colon in a segment');
    segments.push(seg);
  }
  if (segments.length === 0 || u.pathname.endsWith('/')) segments.push('index.html');
  const file = path.resolve(root, ...segments);
  // Second line of defence: whatever the segments were, the file must resolve inside root.
  if (!isInsideRoot(root, file, path)) return refuse(403, 'outside the renderer folder');
  const mimeType = MIME_TYPES[path.extname(file).toLowerCase()];
  if (!mimeType) return refuse(404, 'type not served');
  return { ok: true, path: file, mimeType };
}

/** Whether `file` is strictly inside `root` (not root itself, not beside it, not on another drive). */
export function isInsideRoot(root: string, file: string, path: PathApi = nodePath): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(file));
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

/**
 * The whole answer to one request: status, headers (the MIME type, nosniff, no referrer) and body. `readFile` is
 * Node's fs in the app and a fake in tests; a missing file is a 404, never a directory listing.
 */
export async function serveAppRequest(
  req: { url: string; method?: string },
  root: string,
  readFile: (path: string) => Promise<Uint8Array>,
  path: PathApi = nodePath,
): Promise<AppResponse> {
  const base = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
  const r = resolveAppRequest(req.url, root, req.method ?? 'GET', path);
  if (!r.ok) return { status: r.status, headers: base, body: null };
  try {
    const body = new Uint8Array(await readFile(r.path)); // a plain copy: the Response body type, whatever fs returned
    return { status: 200, headers: { ...base, 'content-type': r.mimeType }, body: req.method === 'HEAD' ? null : body };
  } catch {
    return { status: 404, headers: base, body: null };
  }
}

/**
 * Where the window's page comes from: the dev server (electron-vite dev) only in an unpackaged app and only on a
 * loopback http(s) URL; otherwise the built renderer through app://. A packaged app ignores ELECTRON_RENDERER_URL,
 * so an environment variable can never point the window (and its preload) at another page.
 */
export function rendererEntry(opts: { isPackaged: boolean; devServerUrl?: string }): { url: string; devServerUrl?: string } {
  const dev = opts.isPackaged ? undefined : loopbackDevServer(opts.devServerUrl);
  return dev ? { url: dev, devServerUrl: dev } : { url: APP_INDEX_URL };
}

function loopbackDevServer(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
    if ((u.protocol === 'http:' || u.protocol === 'https:') && loopback && !u.username && !u.password) return u.href;
  } catch {
    // not a URL: no dev server
  }
  return undefined;
}
