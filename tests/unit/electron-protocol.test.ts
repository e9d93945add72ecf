import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  isInsideRoot,
  rendererEntry,
  resolveAppRequest,
  serveAppRequest,
} from '../../electron/main/appProtocol';

// A renderer folder with a secret file beside it (what a traversal would be after).
const top = mkdtempSync(path.join(tmpdir(), 'kefu-app-protocol-'));
const root = path.join(top, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kefu</title>');
writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
writeFileSync(path.join(root, 'notes.md'), '# not served');
writeFileSync(path.join(root, '.env'), 'SECRET=1');
writeFileSync(path.join(top, 'secret.js'), 'stolen()');
afterAll(() => rmSync(top, { recursive: true, force: true }));

const fsRead = (p: string) => readFile(p);
const text = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('utf8') : null);

describe('app:// scheme', () => {
  it('is registered standard and secure, with no CSP bypass or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false });
    expect(APP_INDEX_URL).toBe('app://kefu/index.html');
  });
});

describe('request → file', () => {
  it('serves the built files with their MIME type', () => {
    const cases: [string, string, string][] = [
      ['app://kefu/index.html', 'index.html', 'text/html; charset=utf-8'],
      ['app://kefu/', 'index.html', 'text/html; charset=utf-8'],
      ['app://kefu', 'index.html', 'text/html; charset=utf-8'],
      ['app://kefu/index.html?lang=en#top', 'index.html', 'text/html; charset=utf-8'],
      ['app://kefu/assets/index-abc.js', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['app://kefu/assets/index-abc.css', 'assets/index-abc.css', 'text/css; charset=utf-8'],
      ['app://kefu/assets/logo.svg', 'assets/logo.svg', 'image/svg+xml'],
      ['app://kefu/assets/font.WOFF2', 'assets/font.WOFF2', 'font/woff2'],
      ['app://kefu/assets/%E5%9B%BE.png', 'assets/图.png', 'image/png'],
      // The URL parser folds plain dot segments before we see them: still inside root.
      ['app://kefu/assets/../index.html', 'index.html', 'text/html; charset=utf-8'],
      ['app://kefu/../../index.html', 'index.html', 'text/html; charset=utf-8'],
      // %2e%2e is a dot segment to the URL parser too (WHATWG, as Chromium): folded, so it never leaves root.
      ['app://kefu/%2e%2e/secret.js', 'secret.js', 'text/javascript; charset=utf-8'],
      ['app://kefu/%2E%2E/%2E%2E/assets/index-abc.js', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ];
    for (const [url, rel, mime] of cases) {
      expect(resolveAppRequest(url, root), url).toEqual({ ok: true, path: path.join(root, rel), mimeType: mime });
    }
  });

  it('refuses path traversal, encoded or not, and anything that is not a plain file name', () => {
    const bad = [
      'app://kefu/assets/..%2F..%2Fsecret.js',
      'app://kefu/assets/%2e%2e%2f%2e%2e%2fsecret.js',
      'app://kefu/..%5C..%5Csecret.js',
      'app://kefu/assets%2F..%2F..%2Fsecret.js',
      'app://kefu/%2Fetc%2Fpasswd.js',
      'app://kefu/C:%5Cwindows%5Cwin.ini.txt',
      'app://kefu/index.html%00.js',
      'app://kefu/.env',
      'app://kefu/assets/.hidden.js',
    ];
    for (const url of bad) {
      const r = resolveAppRequest(url, root);
      expect(r.ok, url).toBe(false);
      // Whatever the refusal, no path outside root is ever handed out.
      if (r.ok) expect(path.relative(root, r.path).startsWith('..')).toBe(false);
    }
    expect(resolveAppRequest('app://kefu/..%2Fsecret.js', root)).toMatchObject({ ok: false, status: 403 });
    // Encoded separators are refused even where they would stay inside root.
    expect(resolveAppRequest('app://kefu/assets%2Findex-abc.js', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('app://kefu/assets%5Cindex-abc.js', root)).toMatchObject({ ok: false, status: 403 });
    // Decoded once only: a double-encoded dot segment is a literal folder name inside root.
    expect(resolveAppRequest('app://kefu/%252e%252e/secret.js', root)).toMatchObject({ ok: true, path: path.join(root, '%2e%2e', 'secret.js') });
    expect(resolveAppRequest('app://kefu/%E0%A4%A', root)).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses other origins, credentials, ports, other methods and unknown types', () => {
    for (const url of ['app://evil/index.html', 'app://kefu.evil/index.html', 'app://kefu:1234/index.html', 'app://u:p@kefu/index.html', 'file:///index.html', 'https://kefu/index.html', 'nonsense']) {
      expect(resolveAppRequest(url, root).ok, url).toBe(false);
    }
    expect(resolveAppRequest('app://kefu/index.html', root, 'POST')).toMatchObject({ ok: false, status: 405 });
    expect(resolveAppRequest('app://kefu/index.html', root, 'HEAD').ok).toBe(true);
    expect(resolveAppRequest('app://kefu/notes.md', root)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest('app://kefu/assets/', root).ok).toBe(true); // a folder means its index.html (a 404 if absent)
  });

  it('applies the same rules to Windows paths', () => {
    const winRoot = 'C:\\Program Files\\Kefu Desk\\resources\\app.asar\\out\\renderer';
    expect(resolveAppRequest('app://kefu/assets/a.js', winRoot, 'GET', path.win32)).toEqual({
      ok: true,
      path: `${winRoot}\\assets\\a.js`,
      mimeType: 'text/javascript; charset=utf-8',
    });
    for (const url of ['app://kefu/..%5Csecret.js', 'app://kefu/C:%5Csecret.js', 'app://kefu/%5C%5Cserver%5Cshare%5Cx.js', 'app://kefu/D:x.js']) {
      expect(resolveAppRequest(url, winRoot, 'GET', path.win32).ok, url).toBe(false);
    }
  });
});

describe('containment (second line of defence)', () => {
  it('accepts only files strictly inside root', () => {
    expect(isInsideRoot('/r/renderer', '/r/renderer/index.html')).toBe(true);
    expect(isInsideRoot('/r/renderer', '/r/renderer/a/../..secret.js')).toBe(true); // a file named "..secret.js"
    for (const f of ['/r/renderer', '/r/renderer/..', '/r/secret.js', '/r/renderer-evil/x.js', '/etc/passwd', '/r/renderer/../renderer2/x']) {
      expect(isInsideRoot('/r/renderer', f), f).toBe(false);
    }
    expect(isInsideRoot('C:\\app\\renderer', 'C:\\app\\renderer\\a.js', path.win32)).toBe(true);
    for (const f of ['D:\\app\\renderer\\a.js', 'C:\\app\\secret.js', '\\\\server\\share\\a.js']) {
      expect(isInsideRoot('C:\\app\\renderer', f, path.win32), f).toBe(false);
    }
  });
});

describe('serving', () => {
  it('answers with the file, its type, nosniff; a refusal or a missing file has no body', async () => {
    const ok = await serveAppRequest({ url: 'app://kefu/assets/index-abc.js', method: 'GET' }, root, fsRead);
    expect(ok.status).toBe(200);
    expect(ok.headers).toMatchObject({ 'content-type': 'text/javascript; charset=utf-8', 'x-content-type-options': 'nosniff' });
    expect(text(ok.body)).toBe('console.log(1)');

    const escape = await serveAppRequest({ url: 'app://kefu/..%2Fsecret.js' }, root, fsRead);
    expect(escape).toMatchObject({ status: 403, body: null });
    expect(escape.headers['content-type']).toBeUndefined();
    // Folded by the parser to root/secret.js, which does not exist: a 404, not the file beside root.
    expect(await serveAppRequest({ url: 'app://kefu/%2e%2e/secret.js' }, root, fsRead)).toMatchObject({ status: 404, body: null });
    expect(await serveAppRequest({ url: 'app://kefu/../../secret.js' }, root, fsRead)).toMatchObject({ status: 404, body: null });
    expect(readFileSync(path.join(top, 'secret.js'), 'utf8')).toBe('stolen()'); // it is there, and was not served

    expect(await serveAppRequest({ url: 'app://kefu/assets/missing.js' }, root, fsRead)).toMatchObject({ status: 404, body: null });
    expect(await serveAppRequest({ url: 'app://kefu/assets/' }, root, fsRead)).toMatchObject({ status: 404, body: null });
    expect(await serveAppRequest({ url: 'app://kefu/index.html', method: 'HEAD' }, root, fsRead)).toMatchObject({ status: 200, body: null });
  });
});

describe('renderer entry', () => {
  it('is app://kefu/index.html in a packaged app, whatever ELECTRON_RENDERER_URL says', () => {
    expect(rendererEntry({ isPackaged: true })).toEqual({ url: APP_INDEX_URL });
    expect(rendererEntry({ isPackaged: true, devServerUrl: 'http://localhost:5173' })).toEqual({ url: APP_INDEX_URL });
    expect(rendererEntry({ isPackaged: false })).toEqual({ url: APP_INDEX_URL });
  });

  it('is the dev server only unpackaged and only on a loopback http(s) URL', () => {
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'http://localhost:5173' })).toEqual({ url: 'http://localhost:5173/', devServerUrl: 'http://localhost:5173/' });
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5173/' }).devServerUrl).toBe('http://127.0.0.1:5173/');
    for (const bad of ['https://evil.example/', 'http://localhost.evil.com:5173', 'file:///tmp/x.html', 'http://u:p@localhost:5173', 'nonsense']) {
      expect(rendererEntry({ isPackaged: false, devServerUrl: bad }), bad).toEqual({ url: APP_INDEX_URL });
    }
  });
});
