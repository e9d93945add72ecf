/**
 * Kill -9 a writer after a random number of acknowledged commits (also while compactions run) and check that every commit it
 * acknowledged is there after reopening. SIGKILL does not lose the page cache, so this catches a lost or
 * unreplayed journal, a snapshot deleted too early, or a broken rotation, but not a missing fsync.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store/openStore';
import { COUNTER_ID, expectedMessages, messageBody } from '../fixtures/durabilityChild';
import { bundledChild } from './bundledChild';

/** The child, bundled once (a tsx start per spawn cost ~1 s more; see bundledChild.ts). */
const CHILD_JS = await bundledChild('tests/fixtures/durabilityChild.ts');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = 25;
// Small, so the child compacts every ~150 commits and many kills land while a worker is folding.
const COMPACT_EVERY = 64 * 1024;
/**
 * Each round kills the child once it has acknowledged this many commits (a fresh random number per round), so the
 * test counts what it needs instead of hoping a slice of wall-clock time holds enough commits: on a slow or busy
 * machine it takes longer, never proves less. The range spans a few compactions, so kills land before, during and
 * after a worker's fold.
 */
const MIN_ACKS = 20;
const MAX_ACKS = 400;
/** A child that acknowledges nothing for this long is stuck (not slow): fail with what it printed. */
const STUCK_MS = 120_000;

const dir = mkdtempSync(path.join(tmpdir(), 'kefu-store-dur-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Round {
  /** The number the child started from (its `ready` line). */
  first: number;
  lastAck: number;
  /** Acks seen in this round. */
  acks: number;
  stderr: string;
}

/** Starts the child, lets it acknowledge `want` commits, SIGKILLs it, returns the last ack it printed. */
function runChild(want: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD_JS, dir, String(COMPACT_EVERY)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let partial = '';
    let first: number | null = null;
    let lastAck: number | null = null;
    let acks = 0;
    let killed = false;
    let problem: Error | null = null;
    let stuck = setTimeout(() => onStuck(), STUCK_MS);
    const onStuck = () => {
      problem = new Error(`child made no progress for ${STUCK_MS} ms (${acks} of ${want} acks): ${stderr}`);
      child.kill('SIGKILL');
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      const lines = (partial + d).split('\n');
      partial = lines.pop() ?? ''; // an unfinished line waits for the rest of it
      for (const line of lines) {
        const ready = /^ready (\d+)$/.exec(line);
        const ack = /^ack (\d+)$/.exec(line);
        if (ready) first = Number(ready[1]);
        else if (ack) {
          const n = Number(ack[1]);
          // Acks must be consecutive, starting right after where the previous child stopped.
          const expected = (lastAck ?? first ?? Number.NaN) + 1;
          if (n !== expected && !problem) problem = new Error(`ack ${n} where ${expected} was expected`);
          lastAck = n;
          acks++;
        } else if (line !== '' && !problem) problem = new Error(`unexpected output from the child: ${line}`);
      }
      if (acks > 0) {
        clearTimeout(stuck);
        stuck = setTimeout(onStuck, STUCK_MS);
      }
      if (!killed && acks >= want) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    // 'close' (not 'exit'): all of stdout has been read by then, also the acks printed after the kill was sent.
    child.on('close', (code, signal) => {
      clearTimeout(stuck);
      if (problem) return reject(problem);
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself (code ${code}): ${stderr}`));
      if (first === null) return reject(new Error(`child was killed before it was ready: ${stderr}`));
      resolve({ first, lastAck: lastAck ?? first, acks, stderr });
    });
  });
}

describe('store durability under SIGKILL', () => {
  // The time limit only stops a hung run: every round waits for its acks however long the machine takes.
  it(`keeps every acknowledged commit across ${ROUNDS} kills`, { timeout: 30 * 60_000 }, async () => {
    let previous = 0;
    let totalAcks = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const target = MIN_ACKS + Math.floor(Math.random() * (MAX_ACKS - MIN_ACKS + 1));
      const { first, lastAck, acks, stderr } = await runChild(target);
      expect(stderr, `child crashed in round ${round}`).not.toMatch(/child failed/);
      // The child starts from what the reopen found: the previous round's last commit on disk.
      expect(first, `round ${round}: the child restarted from the wrong commit`).toBe(previous);
      expect(acks, `round ${round}`).toBeGreaterThanOrEqual(target);
      expect(lastAck).toBe(first + acks);
      totalAcks += acks;

      const problems: string[] = [];
      const store = await openStore({ dir, compactEveryBytes: COMPACT_EVERY, log: (l, m) => l !== 'info' && problems.push(m) });
      try {
        // Only a line cut mid-write may be lost, and that is never an acknowledged one.
        expect(store.problems.filter((p) => p.kind !== 'torn_journal_line')).toEqual([]);
        const k = store.get('conversations', COUNTER_ID)?.updatedAt ?? 0;
        // The last commit on disk is the last ack, or the one after it (written, killed before the ack).
        expect(k, `round ${round}: last ack ${lastAck}`).toBeGreaterThanOrEqual(lastAck);
        expect(k).toBeLessThanOrEqual(lastAck + 1);
        // Exactly the messages of commits 1..k, deletions included: nothing missing, nothing extra.
        const want = expectedMessages(k);
        const msgs = store.all('messages');
        expect(msgs.size).toBe(want.length);
        for (const j of want) {
          const m = msgs.get(`m-${j}`);
          if (!m || m.at !== j || m.body !== messageBody(j)) throw new Error(`round ${round}: message m-${j} missing or wrong (k=${k})`);
        }
        previous = k;
      } finally {
        await store.close(); // also waits for the compaction the reopen started
      }
    }
    // The test only means something if the kills hit a store under load: guaranteed by counting, not by timing.
    expect(totalAcks).toBeGreaterThanOrEqual(ROUNDS * MIN_ACKS);
    // After the last clean close: the newest snapshot plus at most one older generation kept as its fallback.
    const snapshots = readdirSync(dir).filter((f) => /^snapshot-\d+\.json$/.test(f));
    expect(snapshots.length).toBeLessThanOrEqual(2);
    // No index outlives its snapshot (an index is written after its snapshot: a kill between the two leaves none).
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.index.json'))) expect(snapshots).toContain(f.replace('.index.json', '.json'));
  });
});
