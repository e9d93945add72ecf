/**
 * Team mode with cores as separate processes (tests/fixtures/teamCoreChild.ts) on one real PostgreSQL: what each
 * desktop does appears on all the others, and every desktop ends up agreeing with the team on who works what.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from './pgHarness';
import { bundledChild } from './bundledChild';

/** The child, bundled once (a tsx start per spawn cost ~1 s more; see bundledChild.ts). */
const CHILD_JS = await bundledChild('tests/fixtures/teamCoreChild.ts');

const ROOT = path.resolve(import.meta.dirname, '../..');
let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(async () => {
  // Each run starts from an empty team database (its schema stays).
  const db = new pg.Client({ connectionString: server.url });
  await db.connect();
  await db.query("select 1 from pg_tables where tablename = 'team_records'").then(async (r) => {
    if (r.rows.length > 0) await db.query('truncate team_actions, team_messages, team_conversations, team_records');
  });
  await db.end();
});

function desktop(dir: string, index: number, n: number, k: number): Promise<{ index: number; assignees: Record<string, string | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD_JS, dir, server.url, String(index), String(n), String(k)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`desktop ${index} exited ${code}: ${err.slice(-2000)}`))));
  });
}

describe('team mode across processes', () => {
  it.each([2, 5])('%i desktops (processes): every conversation reaches every desktop, each routed once, all agreeing with the team', async (n) => {
    const k = 4;
    const dirs = Array.from({ length: n }, () => mkdtempSync(path.join(tmpdir(), 'kefu-team-proc-')));
    try {
      const views = await Promise.all(dirs.map((d, i) => desktop(d, i, n, k)));
      const db = new pg.Client({ connectionString: server.url });
      await db.connect();
      try {
        const rows = await db.query<{ id: string; assignee_id: string | null }>("select id, assignee_id from team_conversations where record->>'subject' like $1", [`team-proc-%`]);
        const team = new Map(rows.rows.map((r) => [r.id, r.assignee_id]));
        expect(team.size).toBe(n * k);
        // Routed on the desktop that took it, once: one routing audit line per conversation in the team's log.
        const routed = await db.query<{ target: string; n: number }>("select record->>'targetId' as target, count(*)::int as n from team_records where coll = 'audit' and record->>'action' = 'conversation.routed' group by 1");
        const routings = new Map(routed.rows.map((r) => [r.target, r.n]));
        for (const id of team.keys()) expect(routings.get(id), `routings of ${id}`).toBe(1);
        // Each desktop holds all of them, assigned as the team says.
        for (const v of views) {
          expect(Object.keys(v.assignees).sort()).toEqual([...team.keys()].sort());
          for (const [id, assignee] of Object.entries(v.assignees)) expect(assignee, `desktop ${v.index}, ${id}`).toBe(team.get(id));
        }
      } finally {
        await db.end();
      }
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  }, 120_000);
});
