import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Electronegativity (Doyensec's Electron security linter) on what electron-vite built into out/ (npm run test:e2e
// builds first). Its CLI exits 0 whatever it finds and, when writing a report file, drops files it failed to parse
// without a word; so a child process runs the same runner the CLI runs, with the CLI's options, and hands back every
// finding (with its severity) and every parse error. The gate: no parse error, and every finding, whatever its
// severity, listed with the reason it is a false positive in electron/build/electronegativity-accepted.json; every
// listed entry must still match a finding. A canary app with known mistakes proves the gate sees findings at all.

interface Finding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  sample: string;
}
interface Accepted {
  rule: string;
  severity: string;
  file: string;
  code: string;
  reason: string;
}
interface Scan {
  findings: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
  checks: number;
}

const require = createRequire(import.meta.url);
const runner = require.resolve('@doyensec/electronegativity');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
const accepted = (JSON.parse(readFileSync('electron/build/electronegativity-accepted.json', 'utf8')) as { accepted: Accepted[] }).accepted;

// AvailableSecurityFixesGlobalCheck is skipped: it needs the network (Electron's release list), so its answer would
// depend on the day; the Electron version is pinned in package.json and passed as -e.
const CHILD = `
const [runner, input, electron] = process.argv.slice(1);
require(runner)({ input, electronVersionOverride: electron, isRelative: true, isVerbose: false, customScan: [],
  excludeFromScan: ['availablesecurityfixesglobalcheck'], parserPlugins: [] })
  .then((r) => {
    const findings = r.issues.map((i) => ({ rule: i.id, severity: i.severity.name, file: i.file,
      line: i.location.line, sample: String(i.sample || '') }));
    console.log('RESULT ' + JSON.stringify({ findings, errors: r.errors, checks: r.globalChecks + r.atomicChecks }));
    process.exit(0);
  }, (e) => { console.error(e); process.exit(1); });
`;

function scan(input: string): Promise<Scan> {
  return new Promise((resolve, reject) => {
    const args = ['-e', CHILD, runner, input, pkg.devDependencies.electron];
    execFile(process.execPath, args, { timeout: 150_000, maxBuffer: 64 << 20, env: { ...process.env, FORCE_COLOR: '0' } }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`electronegativity failed: ${err.message}\n${stderr}`));
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) return reject(new Error(`electronegativity gave no result:\n${stdout}\n${stderr}`));
      resolve(JSON.parse(line.slice('RESULT '.length)) as Scan);
    });
  });
}

const matches = (a: Accepted, f: Finding) => a.rule === f.rule && a.severity === f.severity && a.file === f.file && f.sample.includes(a.code);
const unexplained = (findings: Finding[]) => findings.filter((f) => !accepted.some((a) => matches(a, f)));
const describe = (f: Finding) => `${f.severity} ${f.rule} at ${f.file}:${f.line}: ${f.sample.slice(0, 160)}`;

// The canary: an app shell with the classic mistakes.
const CANARY = `const { app, BrowserWindow, shell } = require('electron');
app.whenReady().then(() => {
  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
  win.webContents.on('new-window', (e, url) => shell.openExternal(url));
  win.loadURL('http://example.com/');
});
`;

let work = '';
let built: Scan;
let canary: Scan;

// One worker runs the three tests after one beforeAll's scans (the config hands out tests singly: fullyParallel).
test.describe.configure({ mode: 'default', timeout: 180_000 });

test.beforeAll(async () => {
  expect(existsSync('out/main/index.js'), 'out/ is built first (npm run test:e2e runs electron-vite build)').toBe(true);
  work = mkdtempSync(path.join(tmpdir(), 'kefu-electronegativity-'));
  const canaryDir = path.join(work, 'canary');
  mkdirSync(canaryDir);
  writeFileSync(path.join(canaryDir, 'main.js'), CANARY);
  // Both at once: most of each run is the tool waiting on the network it does not have.
  [built, canary] = await Promise.all([scan(path.resolve('out')), scan(canaryDir)]);
});

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the built app has no electronegativity finding that is not accepted with a reason', () => {
  expect(built.checks).toBeGreaterThan(30);
  expect(built.errors, 'every file of out/ was parsed').toEqual([]);
  expect(unexplained(built.findings).map(describe)).toEqual([]);
});

test('every accepted finding still occurs and says why it is a false positive', () => {
  for (const a of accepted) {
    expect(a.reason.length, `${a.rule}: a reason`).toBeGreaterThan(40);
    expect(['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']).toContain(a.severity);
    expect(built.findings.some((f) => matches(a, f)), `${a.rule} (${a.code}) no longer found: drop it from the accepted list`).toBe(true);
  }
});

test('the gate catches real mistakes (canary app)', () => {
  const rules = new Set(unexplained(canary.findings).map((f) => f.rule));
  expect(canary.errors).toEqual([]);
  for (const rule of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']) {
    expect(rules, rule).toContain(rule);
  }
});
