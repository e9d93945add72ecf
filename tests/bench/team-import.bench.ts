/**
 * `npm run bench -- team-import`: a spool import on a desktop in team mode, through the core as the app runs it.
 * Every imported event's records go into the desktop's team outbox (fsynced with the import's commits) and are sent
 * to the team's PostgreSQL (18, embedded, same machine, loopback). Prints the import's time, then how long the
 * backlog took to reach the team database, sent one action per transaction (as before) and in chunks of 200 per
 * transaction (now), each on a fresh database and desktop; and checks the team database ends with every record.
 * First the desktop joins the team: the store it held before (500 conversations × 4 messages) is uploaded (timed).
 *
 * BENCH_TEAM_IMPORT_EVENTS (default 10 000), BENCH_TEAM_JOIN_CONVERSATIONS (500) and BENCH_TEAM_JOIN_MESSAGES (4) change the sizes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createCore } from '../../electron/core';
import { manualClock } from '../../electron/core/clock';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { signInDemo } from '../unit/coreSandbox';
import { startPostgres } from '../unit/pgHarness';
import { benchTempDir } from './benchFs';
import { NOW, writeBenchStore } from './benchCore';
import { spoolText } from './spool.bench';

const EVENTS = Number(process.env.BENCH_TEAM_IMPORT_EVENTS ?? 10_000);
/** The store the desktop held before joining: conversations × messages each. */
const HELD = Number(process.env.BENCH_TEAM_JOIN_CONVERSATIONS ?? 500);
const HELD_MESSAGES = Number(process.env.BENCH_TEAM_JOIN_MESSAGES ?? 4);

export default async function run(): Promise<void> {
  const server = await startPostgres('kefu_team_import');
  try {
    for (const chunk of (process.env.BENCH_TEAM_IMPORT_CHUNKS ?? '1,200').split(',').map(Number)) {
      await sql(server.url, 'truncate team_actions, team_messages, team_conversations, team_records').catch(() => {}); // (a new database has no tables yet)
      await runOne(server.url, chunk);
    }
  } finally {
    await server.stop();
  }
}

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

async function runOne(url: string, chunk: number): Promise<void> {
  console.log(`--- ${EVENTS} spool events on a team desktop, ${chunk === 1 ? 'one action per transaction' : `${chunk} actions per transaction`} ---`);
  const dir = benchTempDir('team-import');
  try {
    await writeBenchStore(dir, HELD, HELD_MESSAGES);
    const core = await createCore({ dataDir: dir, clock: manualClock(NOW), log: () => {}, seedDemo: false, spoolWatch: false, team: { url, poolSize: 2 }, teamSendChunk: chunk });
    const team = core.team!;
    const lead = await signInDemo(core, LEAD_ID);
    await core.settled();
    // Joining: what the desktop held before (and the sign-in) is uploaded to the team before the import's clock starts.
    let t = performance.now();
    await team.flush();
    console.log(`joined the team: uploaded ${core.store.all('conversations').size} conversations and ${core.store.all('messages').size} messages (and the shared records) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const customers = [...core.store.all('customers').keys()];
    mkdirSync(path.join(dir, 'spool'), { recursive: true });
    writeFileSync(path.join(dir, 'spool', 'bench.jsonl'), spoolText(customers, EVENTS));

    t = performance.now();
    const r = await core.call('spool.scan', {}, lead);
    if (!r.ok) throw new Error(r.error.message);
    const importS = (performance.now() - t) / 1000;
    const waiting = team.status().waiting;
    t = performance.now();
    // Sending starts with the import's first commit; flush waits for the rest of the backlog.
    await team.flush();
    const drainS = (performance.now() - t) / 1000;
    const status = team.status();
    const imported = (r.value as { imported: number }).imported;
    console.log(`import: ${imported} events in ${importS.toFixed(1)} s; ${waiting} team actions still waiting when it returned`);
    console.log(`backlog sent ${drainS.toFixed(1)} s after the import (${Math.round(waiting / Math.max(drainS, 0.001))} actions/s); import + sync ${(importS + drainS).toFixed(1)} s; waiting now ${status.waiting}, error ${status.lastError ?? 'none'}, conflicts ${status.conflicts.length}`);
    const local = { conversations: core.store.all('conversations').size, messages: core.store.all('messages').size };
    await core.close();
    const counts = await sql<{ convs: string; msgs: string }>(url, 'select (select count(*) from team_conversations) as convs, (select count(*) from team_messages) as msgs');
    console.log(`team database: ${counts[0].convs} conversations, ${counts[0].msgs} messages (this desktop: ${local.conversations}, ${local.messages})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
