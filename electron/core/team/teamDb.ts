import pg from 'pg';
import { z } from 'zod';
import { migrateTeamDb } from './migrate';

/**
 * Where a team's shared database is: a PostgreSQL connection string (from the environment,
 * `KEFU_TEAM_DATABASE_URL`, or the settings) and whether to use TLS: `off`, `require` (encrypted, any certificate:
 * a LAN server with a self-signed one) or `verify` (the certificate must check out against the system's CAs).
 */
export const TeamDbConfig = z.object({
  url: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string'),
  tls: z.enum(['off', 'require', 'verify']).default('off'),
  /** Connections this desktop keeps open at most. */
  poolSize: z.number().int().min(1).max(50).default(5),
  /** How long a desktop that could not reach the database waits before trying again (tests shorten it). */
  retryMs: z.number().int().min(10).max(600_000).default(5_000),
});
export type TeamDbConfig = z.input<typeof TeamDbConfig>;

export const TEAM_DB_ENV = 'KEFU_TEAM_DATABASE_URL';

/** The team database's config from the environment, or null (this desktop works on its own store). */
export function teamDbFromEnv(env: NodeJS.ProcessEnv = process.env): TeamDbConfig | null {
  const url = env[TEAM_DB_ENV];
  if (!url) return null;
  const r = TeamDbConfig.safeParse({ url, tls: env.KEFU_TEAM_DATABASE_TLS || undefined });
  if (!r.success) throw new Error(`${TEAM_DB_ENV} / KEFU_TEAM_DATABASE_TLS: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

export interface TeamDb {
  pool: pg.Pool;
  config: z.output<typeof TeamDbConfig>;
  close(): Promise<void>;
}

/** Connects, and migrates the schema to this app's version before anything reads it. */
export async function openTeamDb(input: TeamDbConfig): Promise<TeamDb> {
  const config = TeamDbConfig.parse(input);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    ssl: config.tls === 'off' ? undefined : { rejectUnauthorized: config.tls === 'verify' },
    // A database that went away must not hang an agent's action: fail fast, the action waits in the outbox.
    connectionTimeoutMillis: 3_000,
  });
  // An idle connection dropped by the server is an event, not a crash of the app.
  pool.on('error', () => {});
  try {
    await migrateTeamDb(pool);
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }
  return { pool, config, close: () => pool.end() };
}
