/**
 * Kill -9 a writer at random moments (also while compactions run) and check that every commit it
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

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../fixtures/durabilityChild.ts', import.meta.url));
const ROUNDS = 25;
// Small, so the child compacts every ~150 commits and many kills land while a worker is folding.
const COMPACT_EVERY = 64 * 1024;

const dir = mkdtempSync(path.join(tmpdir(), 'kefu-store-dur-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Round {
  lastAck: number;
  stderr: string;
}

/** Starts the child, waits until it is writing, kills it 50–400 ms later, returns the last ack it printed. */
function runChild(): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(COMPACT_EVERY)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (!timer && out.includes('ready')) {
        timer = setTimeout(() => child.kill('SIGKILL'), 50 + Math.random() * 350);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    // 'close' (not 'exit'): all of stdout has been read by then.
    child.on('close', (code, signal) => {
      clearTimeout(giveUp);
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself (code ${code}): ${stderr}`));
      const acks = [...out.matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
      // Acks must be consecutive: the child never skips a number.
      for (let i = 1; i < acks.length; i++) if (acks[i] !== acks[i - 1] + 1) return reject(new Error(`ack gap at ${acks[i]}`));
      const ready = /^ready (\d+)$/m.exec(out);
      resolve({ lastAck: acks.length ? acks[acks.length - 1] : Number(ready?.[1] ?? 0), stderr });
    });
  });
}

describe('store durability under SIGKILL', () => {
  it(`keeps every acknowledged commit across ${ROUNDS} kills`, { timeout: 150_000 }, async () => {
    let previous = 0;
    let totalAcks = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { lastAck, stderr } = await runChild();
      expect(stderr, `child crashed in round ${round}`).not.toMatch(/child failed/);
      expect(lastAck).toBeGreaterThanOrEqual(previous);
      totalAcks += lastAck - previous;

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
    // The test only means something if the kills hit a store under load.
    expect(totalAcks).toBeGreaterThan(ROUNDS * 20);
    // After the last clean close: the newest snapshot plus at most one older generation kept as its fallback.
    expect(readdirSync(dir).filter((f) => f.startsWith('snapshot')).length).toBeLessThanOrEqual(2);
  });
});
