/**
 * SIGKILL a child mid-import and mid-outbox, several times, then check that no event was lost or applied twice and
 * that every reply reached the outbox exactly once. SIGKILL keeps the page cache, so this proves the commit and
 * cursor logic (batch + cursor in one commit; outbox tail check), not the fsyncs.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { line, msg, newConv, outboxLines, scan, spoolSandbox, write } from './spool-helpers';
import { bundledChild } from './bundledChild';

/** The child, bundled once (a tsx start per spawn cost ~1 s more; see bundledChild.ts). */
const CHILD_JS = await bundledChild('tests/fixtures/spoolChild.ts');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const sb = spoolSandbox('kefu-spool-dur-');

/** Runs the child until it printed `killAfter` acks (then SIGKILL) or "done"; returns the acks and whether it finished. */
function runChild(args: string[], killAfter: number): Promise<{ acks: string[]; done: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD_JS, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: string[] = [];
    let done = false;
    let partial = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      const lines = (partial + d).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) {
        if (l.startsWith('ack')) acks.push(l);
        if (l === 'done') done = true;
      }
      if (acks.length >= killAfter && !done) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ acks, done });
      else reject(new Error(`child exited ${code}: ${stderr}`));
    });
  });
}

const CONVERSATIONS = 30;
const MESSAGES = 8;

describe('resume after SIGKILL', () => {
  it('mid-import, many times: every event applied exactly once, in order', { timeout: 240_000 }, async () => {
    const dataDir = sb.tempDir();
    const spool = path.join(dataDir, 'spool');
    // Two files, conversations interleaved, with malformed lines and duplicates along the way.
    const files: string[][] = [[], []];
    for (let c = 0; c < CONVERSATIONS; c++) files[c % 2].push(line(newConv(`K-${c}`)));
    for (let m = 0; m < MESSAGES; m++) {
      for (let c = 0; c < CONVERSATIONS; c++) {
        const e = msg(`K-${c}`, `K-${c} message ${m}`, `e-k-${c}-${m}`);
        files[c % 2].push(line(e));
        if ((c + m) % 11 === 0) files[c % 2].push(line(e)); // a duplicate line
        if ((c + m) % 13 === 0) files[c % 2].push('{"torn": \n'); // malformed
      }
    }
    const { mkdirSync } = await import('node:fs');
    mkdirSync(spool, { recursive: true });
    write(spool, 'a.jsonl', files[0].join(''));
    write(spool, 'b.jsonl', files[1].join(''));

    let rounds = 0;
    let killed = 0;
    for (;;) {
      rounds++;
      const r = await runChild([dataDir, 'import', '7'], 1 + Math.floor(Math.random() * 6));
      if (r.done) break;
      killed++;
      expect(rounds).toBeLessThan(200);
    }
    expect(killed).toBeGreaterThanOrEqual(5);

    const { core } = await sb.open(dataDir);
    const status = await scan(core);
    expect(status.bytesDone).toBe(status.bytesTotal);
    for (let c = 0; c < CONVERSATIONS; c++) {
      const links = [...core.store.all('spoolLinks').values()].filter((l) => l.externalId === `K-${c}`);
      expect(links).toHaveLength(1);
      const bodies = [...core.store.all('messages').values()]
        .filter((m) => m.conversationId === links[0].id && m.author === 'customer')
        .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
        .map((m) => m.body);
      expect(bodies.slice(1)).toEqual(Array.from({ length: MESSAGES }, (_, m) => `K-${c} message ${m}`));
    }
    const seen = [...core.store.all('spoolSeen').values()].flatMap((s) => s.eventIds);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(CONVERSATIONS * (MESSAGES + 1));
  });

  it('mid-outbox, many times: every committed reply is in the outbox exactly once', { timeout: 240_000 }, async () => {
    const dataDir = sb.tempDir();
    const spool = path.join(dataDir, 'spool');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(spool, { recursive: true });
    write(spool, 'out.jsonl', line(newConv('P-OUT')));
    const acked: string[] = [];
    for (let round = 0; round < 6; round++) {
      const r = await runChild([dataDir, 'reply', String(round)], 5 + Math.floor(Math.random() * 40));
      for (const a of r.acks) acked.push(`reply ${round}-${a.slice(4)}`);
    }
    // A last start writes whatever the kills left pending.
    const { core, outbox } = await sb.open(dataDir);
    await sb.close(core);
    // The agents' replies (the bot's first answer goes out too, with author "bot").
    const replies = outboxLines(outbox).filter((l) => l.type === 'agent.reply' && l.author === 'agent');
    const bodies = replies.map((l) => l.body as string);
    expect(new Set(replies.map((l) => l.id)).size).toBe(replies.length);
    expect(new Set(bodies).size).toBe(bodies.length); // nothing twice
    for (const a of acked) expect(bodies).toContain(a); // nothing acknowledged lost
    expect(replies.every((l) => l.conversationId === 'P-OUT')).toBe(true);
    // And nothing committed lost either: every agent reply in the store went out.
    const again = await sb.open(dataDir);
    const stored = [...again.core.store.all('messages').values()].filter((m) => m.author === 'agent' && m.body.startsWith('reply ')).map((m) => m.body);
    expect(new Set(bodies)).toEqual(new Set(stored));
    expect(again.core.store.all('outbox').size).toBe(0);
  });
});
