import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

// npm test builds before Playwright runs; these check what electron-vite produced for the Electron shell.
test('the sandboxed preload is CommonJS and requires nothing but electron', () => {
  const preload = readFileSync('out/preload/index.cjs', 'utf8');
  const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  expect([...new Set(requires)]).toEqual(['electron']);
  expect(preload).not.toMatch(/^\s*import\s/m);
  expect(preload).toContain('exposeInMainWorld');
});

test("web mode and the core's workers never load electron", () => {
  for (const file of ['out/main/web.js', 'out/main/compact-worker.js', 'out/main/spool-parse-worker.js', 'out/main/search-worker.js']) {
    expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ["']electron["']|require\(["']electron["']\)/);
  }
});

test('the renderer page carries the strict CSP', () => {
  const html = readFileSync('out/renderer/index.html', 'utf8');
  expect(html).toContain("default-src 'none'");
  expect(html).toContain("script-src 'self'");
  expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
});

test('the Electron main loads the renderer through app://, never file:, with DevTools tied to isPackaged', () => {
  const main = readFileSync('out/main/index.js', 'utf8');
  expect(main).toMatch(/protocol\.registerSchemesAsPrivileged\(/);
  expect(main).toMatch(/protocol\.handle\(/);
  expect(main).toMatch(/["'`]app:\/\/kefu\/index\.html["'`]/);
  expect(main).not.toMatch(/\.loadFile\(/);
  expect(main).toMatch(/devTools = !app\.isPackaged/);
});
