import type { Pool, PoolClient } from 'pg';
import { TEAM_MIGRATIONS, type TeamMigration } from './migrations';

/** Any number, the same on every desktop: the lock that makes desktops starting together migrate one at a time. */
const MIGRATION_LOCK = 7_301_977;

export interface MigrationRun {
  /** Versions this call applied (empty: the database was up to date). */
  applied: number[];
  /** The schema's version now. */
  version: number;
}

/**
 * Brings the team database to the newest schema: each pending step in its own transaction with its row in
 * `team_schema_migrations`, all under a transaction-level advisory lock (twenty desktops opening at 09:00 apply each
 * step once; the others wait and find it done). A database newer than this app is refused rather than written to.
 */
export async function migrateTeamDb(pool: Pool, migrations: readonly TeamMigration[] = TEAM_MIGRATIONS): Promise<MigrationRun> {
  const client = await pool.connect();
  // A held client has no pool listener: without one, a connection the server drops would crash the process.
  let broken = false;
  const onError = () => (broken = true);
  client.on('error', onError);
  try {
    const applied: number[] = [];
    for (;;) {
      const step = await applyNext(client, migrations);
      if (step === null) break;
      applied.push(step);
    }
    return { applied, version: await versionOf(client) };
  } finally {
    client.off('error', onError);
    client.release(broken); // a broken connection is closed, not handed out again
  }
}

async function versionOf(client: PoolClient): Promise<number> {
  const r = await client.query<{ v: number | null }>('select max(version) as v from team_schema_migrations');
  return r.rows[0].v ?? 0;
}

/** Applies the first pending step (returns its version), or null when none is left. */
async function applyNext(client: PoolClient, migrations: readonly TeamMigration[]): Promise<number | null> {
  await client.query('begin');
  try {
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Under the lock: run by several desktops at once on a new database, even "if not exists" collides.
    await client.query('create table if not exists team_schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())');
    const current = await versionOf(client);
    const newest = migrations.reduce((n, m) => Math.max(n, m.version), 0);
    if (current > newest) throw new Error(`The team database is at schema version ${current}, newer than this app knows (${newest}): update Kefu Desk on this desktop`);
    const next = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version)[0];
    if (!next) {
      await client.query('commit');
      return null;
    }
    await client.query(next.sql);
    await client.query('insert into team_schema_migrations (version, name) values ($1, $2)', [next.version, next.name]);
    await client.query('commit');
    return next.version;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  }
}
