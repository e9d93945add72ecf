import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { rendererBuilds, type RendererBuild } from './rendererBuilds';

/**
 * `npm run bench -- renderer-bundle`: the size of the built renderer (out/renderer), raw and gzip (zlib level 9,
 * what a compressing server would send; web mode itself serves files uncompressed over loopback), per file, and
 * what the first screen loads: index.html plus the files its <script src> and <link href> tags name. Chunks split
 * off with import() (dialogs) are not in that sum: they load when opened.
 */
export default async function rendererBundleBench(): Promise<void> {
  const builds = rendererBuilds();
  const totals: string[] = [];
  for (const b of builds) totals.push(report(b));
  if (totals.length > 1) console.log(`\nfirst screen, side by side:\n${totals.join('\n')}`);
}

interface FileSize {
  name: string;
  raw: number;
  gzip: number;
  first: boolean;
}

function report(build: RendererBuild): string {
  const dir = path.join(build.root, 'out/renderer');
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const first = new Set(['index.html', ...firstScreenFiles(html)]);
  // Beside index.html: scripts copied as they are (public/, e.g. zod-jitless.js), then the bundled assets.
  const besideIndex = readdirSync(dir).filter((f) => /\.(js|css)$/.test(f));
  const files: FileSize[] = ['index.html', ...besideIndex, ...listFiles(dir, 'assets')].map((name) => {
    const bytes = readFileSync(path.join(dir, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, first: first.has(name) };
  });
  files.sort((a, b) => b.raw - a.raw);
  const sum = (xs: FileSize[], k: 'raw' | 'gzip') => xs.reduce((s, f) => s + f[k], 0);
  const w = Math.max(24, ...files.map((f) => f.name.length));
  const row = (name: string, raw: string, gzip: string, mark: string) => `  ${name.padEnd(w)}  ${raw.padStart(10)}  ${gzip.padStart(10)}  ${mark}`;
  console.log(`\n${build.label}: ${dir}`);
  console.log(row('file', 'raw', 'gzip', 'first screen'));
  for (const f of files) console.log(row(f.name, kb(f.raw), kb(f.gzip), f.first ? 'yes' : ''));
  const firstFiles = files.filter((f) => f.first);
  const missing = [...first].filter((n) => !files.some((f) => f.name === n));
  if (missing.length) console.log(`  (index.html names files that are not there: ${missing.join(', ')})`);
  console.log(row(`all ${files.length} files`, kb(sum(files, 'raw')), kb(sum(files, 'gzip')), ''));
  const line = row(`first screen (${firstFiles.length} files)`, kb(sum(firstFiles, 'raw')), kb(sum(firstFiles, 'gzip')), '');
  console.log(line);
  const js = firstFiles.filter((f) => f.name.endsWith('.js'));
  const css = firstFiles.filter((f) => f.name.endsWith('.css'));
  console.log(`  of which JS ${kb(sum(js, 'raw'))} (gzip ${kb(sum(js, 'gzip'))}), CSS ${kb(sum(css, 'raw'))} (gzip ${kb(sum(css, 'gzip'))})`);
  return `  ${build.label.padEnd(22)} JS+CSS+HTML ${kb(sum(firstFiles, 'raw'))} raw, ${kb(sum(firstFiles, 'gzip'))} gzip`;
}

/** The files index.html makes the browser fetch at once: module scripts, stylesheets, module preloads. */
export function firstScreenFiles(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) out.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = /\brel="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const href = /\bhref="([^"]+)"/.exec(m[0])?.[1];
    if (href && /stylesheet|modulepreload|preload/.test(rel)) out.push(href);
  }
  return out.map((u) => u.replace(/^\.?\//, ''));
}

function listFiles(root: string, sub: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, sub))) {
    const rel = `${sub}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...listFiles(root, rel));
    else out.push(rel);
  }
  return out;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
