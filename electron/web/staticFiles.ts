import { readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Reads a file of the built renderer; anything outside its folder, or missing, is null (never a traversal).
 * Read synchronously on purpose: the files are the renderer's own (~30 files, the largest 1.3 MB, from the page
 * cache in well under a millisecond), and the core shares this thread. While a large store opens or reads its
 * messages in the background, the event loop turns every ~100 ms, and an asynchronous read takes several turns (open,
 * stat, each 512 KiB piece, close): at 50 000 × 20 the page took 2.1–2.3 s to show the sign-in screen during the open and
 * 0.94–0.96 s from the sign-in click to the queue rows (its panes' code loaded then), against 1.76 s and 0.49–0.54 s
 * read synchronously (Chromium, web mode; docs/measurements.md).
 */
export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const full = normalize(join(root, rel));
  if (!full.startsWith(normalize(root) + sep)) return null;
  try {
    return { body: readFileSync(full), type: TYPES[extname(full)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
