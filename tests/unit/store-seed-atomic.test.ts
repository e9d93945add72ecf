/**
 * First-run seeding is atomic: SIGKILL a seeding child at random points, many times, and every start after a kill
 * finds either the complete seed or a new folder (which then seeds completely), never a half store (agents
 * missing, credentials missing, a torn line that makes the folder "not new" forever).
 *
 * The child writes slowly (16 KiB pieces, see seedChild.ts) so kills land inside the write, and the test counts
 * the kills that did (a temp file left behind) instead of trusting timing: it goes on, up to MAX_ROUNDS, until it
 * has MIN_MID_WRITE of them.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDemoSeed, seedDemoData } from '../../electron/core/seed/seedStore';
import { openStore } from '../../electron/core/store/openStore';
import type { Store } from '../../electron/core/store/types';
import { COLLECTIONS } from '../../shared/schema';
import { SANDBOX_NOW } from './coreSandbox';
import { storeSandbox } from './storeSandbox';
import { bundledChild } from './bundledChild';

/** The child, bundled once (a tsx start per spawn cost ~1 s more; see bundledChild.ts). */
const CHILD_JS = await bundledChild('tests/fixtures/seedChild.ts');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MIN_ROUNDS = 16;
const MAX_ROUNDS = 22;
/** Kills that must land inside the seed's write (proved by the temp file they leave). */
const MIN_MID_WRITE = 4;
const STUCK_MS = 60_000;

const work = mkdtempSync(path.join(tmpdir(), 'kefu-seed-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const { tempDir } = storeSandbox('kefu-seed-');

type Kill = { after: 'ready' | 'writing'; delayMs: number } | null;
interface Run {
  saw: Set<string>;
  killed: boolean;
  /** ms from `writing` to `seeded` (a run that was not killed). */
  writeMs: number | null;
  stderr: string;
}

function runChild(dir: string, seedFile: string, kill: Kill): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD_JS, dir, seedFile, 'slow'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const saw = new Set<string>();
    let stderr = '';
    let partial = '';
    let killed = false;
    let writingAt = 0;
    let writeMs: number | null = null;
    const stuck = setTimeout(() => {
      stderr += `\n(stuck after ${STUCK_MS} ms)`;
      child.kill('SIGKILL');
    }, STUCK_MS);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      const lines = (partial + d).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const word = line.split(' ')[0];
        saw.add(word);
        if (word === 'writing') writingAt = performance.now();
        if (word === 'seeded' && writingAt) writeMs = performance.now() - writingAt;
        if (kill && word === kill.after && !killed) {
          killed = true;
          setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(stuck);
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`child failed (code ${code}): ${stderr}`));
      resolve({ saw, killed: signal === 'SIGKILL', writeMs, stderr });
    });
  });
}

/** Everything in a store except credentials' salts and hashes (random per hashing), as one comparable text. */
function contentOf(s: Store): string {
  const out: Record<string, unknown[]> = {};
  for (const c of COLLECTIONS) {
    out[c] = [...s.all(c).values()]
      .map((r) => (c === 'credentials' ? { id: r.id, demo: (r as { demo?: boolean }).demo } : r))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return JSON.stringify(out);
}

const countsOf = (s: Store) => Object.fromEntries(COLLECTIONS.map((c) => [c, s.all(c).size]));
const quiet = () => {};

describe('first-run seeding under SIGKILL', () => {
  it('leaves either the complete seed or a new folder, never a half store', { timeout: 10 * 60_000 }, async () => {
    const seedFile = path.join(work, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(await buildDemoSeed(SANDBOX_NOW)));

    // Round 0: an uninterrupted seed is the reference, and tells how long the write takes.
    const refDir = mkdtempSync(path.join(work, 'ref-'));
    const ref = await runChild(refDir, seedFile, null);
    expect(ref.saw.has('seeded'), ref.stderr).toBe(true);
    const writeMs = ref.writeMs!;
    const refStore = await openStore({ dir: refDir, log: quiet });
    const reference = contentOf(refStore);
    const refCounts = countsOf(refStore);
    expect(refStore.all('agents').size).toBeGreaterThan(0);
    expect(refStore.all('credentials').size).toBe(refStore.all('agents').size);
    expect(refStore.all('conversations').size).toBeGreaterThan(100);
    await refStore.close();

    let dir = mkdtempSync(path.join(work, 'f-'));
    let midWrite = 0;
    let complete = 0;
    let newAfterKill = 0;
    let completedAfterTorn = 0;
    let dirWasTorn = false;
    const outcomes: string[] = [];
    for (let round = 1; round <= MAX_ROUNDS && (round <= MIN_ROUNDS || midWrite < MIN_MID_WRITE); round++) {
      // Mostly inside the write (0 .. 1.3 × its length after it begins); every fourth round anywhere before it.
      const kill: Kill =
        round % 4 === 0 ? { after: 'ready', delayMs: Math.random() * 300 } : { after: 'writing', delayMs: Math.random() * writeMs * 1.3 };
      const run = await runChild(dir, seedFile, kill);
      expect(run.stderr, `round ${round}`).not.toMatch(/child failed/);
      const torn = existsSync(path.join(dir, '.snapshot-0.json.tmp'));

      const store = await openStore({ dir, log: quiet });
      try {
        expect(store.newProblems, `round ${round}: a crash while seeding must not damage anything`).toEqual([]);
        if (store.isNew) {
          // Nothing but leftovers of the killed write, and open has removed those.
          expect(readdirSync(dir), `round ${round}`).toEqual([]);
          expect(store.all('agents').size).toBe(0);
          newAfterKill++;
          if (torn) {
            midWrite++;
            dirWasTorn = true;
          }
          outcomes.push(torn ? 'new (killed mid-write)' : 'new');
        } else {
          expect(countsOf(store), `round ${round}: a store that is not new must hold the complete seed`).toEqual(refCounts);
          expect(contentOf(store) === reference, `round ${round}: the seed differs from the reference`).toBe(true);
          complete++;
          if (dirWasTorn) completedAfterTorn++; // the child seeded again over what an earlier kill left
          outcomes.push(run.killed ? 'complete (killed after the rename)' : 'complete');
        }
      } finally {
        await store.close();
      }
      if (!store.isNew) {
        dir = mkdtempSync(path.join(work, 'f-')); // done: the next kills need a new folder
        dirWasTorn = false;
      }
    }
    // The test only proves something if kills really landed inside the write.
    expect(midWrite, outcomes.join('; ')).toBeGreaterThanOrEqual(MIN_MID_WRITE);
    expect(newAfterKill + complete).toBeGreaterThanOrEqual(MIN_ROUNDS);
    console.info(`seed kills: ${outcomes.length} rounds, ${midWrite} mid-write, ${complete} complete (${completedAfterTorn} over a torn write): ${outcomes.join('; ')}`);

    // The folder the last kills left (new) seeds completely on the next start, through the call createCore makes.
    const again = await openStore({ dir, log: quiet });
    try {
      expect(again.isNew).toBe(true);
      await seedDemoData(again, SANDBOX_NOW, quiet);
    } finally {
      await again.close();
    }
    const seeded = await openStore({ dir, log: quiet });
    try {
      expect(seeded.isNew).toBe(false);
      expect(countsOf(seeded)).toEqual(refCounts);
      expect(contentOf(seeded) === reference).toBe(true);
    } finally {
      await seeded.close();
    }
  });

  it('a crash at any byte of the seed write leaves a new folder: every prefix of the temp file', async () => {
    // Deterministic twin of the kill test: what a kill can leave is a prefix of the temp file (or nothing).
    const dir = tempDir();
    const s = await openStore({ dir, log: quiet });
    await seedDemoData(s, SANDBOX_NOW, quiet);
    await s.close();
    const { readFileSync } = await import('node:fs');
    const full = readFileSync(path.join(dir, 'snapshot-0.json'));
    for (const cut of [0, 1, 4096, Math.floor(full.length / 2), full.length - 1, full.length]) {
      const d = tempDir();
      writeFileSync(path.join(d, '.snapshot-0.json.tmp'), full.subarray(0, cut));
      const t = await openStore({ dir: d, log: quiet });
      expect(t.isNew, `temp of ${cut} bytes`).toBe(true);
      expect(t.newProblems).toEqual([]);
      await t.close();
      expect(readdirSync(d)).toEqual([]);
    }
  });

  it('seed refuses a store that is not new or already has data, and invalid records', async () => {
    const dir = tempDir();
    const s = await openStore({ dir, log: quiet });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await expect(s.seed([{ op: 'put', coll: 'customers', rec: { id: 'x' } as any }])).rejects.toThrow(/nothing was written/);
    expect(readdirSync(dir)).toEqual([]);
    s.commit([{ op: 'put', coll: 'customers', rec: { id: 'u1', name: 'A', tier: 'normal', locale: 'en', createdAt: 1 } }]);
    await expect(s.seed([])).rejects.toThrow(/only a new store/);
    await s.close();
    const s2 = await openStore({ dir, log: quiet });
    expect(s2.isNew).toBe(false);
    await expect(s2.seed([])).rejects.toThrow(/only a new store/);
    await s2.close();
  });
});
