/**
 * Backups: whole-store copies in `<dataDir>/backups/`, in the store's snapshot format (snapshot-<n>.json), so a
 * backup is also something a person can inspect, or drop back into a store folder by hand.
 *
 *   backup-YYYY-MM-DD.json                    daily, made by the core itself (Shanghai day), the newest 7 kept
 *   manual-YYYY-MM-DDTHH-mm-ss-SSS.json       "Back up now" by a lead, the newest 7 kept
 *   pre-restore-YYYY-MM-DDTHH-mm-ss-SSS.json  the data just before a restore, the newest 7 kept
 *
 * How each is made, and why:
 * - Daily: off the hot path. On the core's ticker, once per Shanghai day, the store compacts (in its worker
 *   thread) and the newest snapshot file it leaves is copied (kernel copy, temp file, fsync, rename). Nothing is
 *   serialised on the main thread, whatever the size of the store. If compaction fails, the in-memory data is
 *   serialised instead (a backup late is better than none).
 * - Manual and pre-restore: the in-memory collections serialised synchronously, so the file is exactly the data
 *   at that instant (nothing can commit in between). That costs a pause proportional to the data, acceptable for
 *   a rare, explicit lead action; for pre-restore it is what guarantees a restore loses nothing.
 *
 * Restore does NOT go through a restart: the backup's records are validated, the difference to the live data
 * (every collection but the audit trail and credentials) is computed, and that difference is committed through
 * store.commit as ONE commit (one fsynced journal line), so the data switches at once and completely, or not at
 * all; every service's index follows through the store's commit listeners. See restore() below.
 *
 * This module only reads the store's files (the newest snapshot); it never writes into the store folder.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { BACKUP_NAME_RE, type BackupInfo, type BackupKind, type Counts } from '../../../shared/contract/dataAdmin';
import { CoreError } from '../../../shared/contract';
import { shanghaiDate } from '../../../shared/rules/calendar';
import { COLLECTIONS, SCHEMA_VERSION, recordSchemas, type CollectionName } from '../../../shared/schema';
import type { CoreContext } from '../context';
import { migrateStore } from '../store/migrations';
import { writeSnapshotText } from '../store/snapshot';
import { readSnapshotFile } from '../store/snapshotRead';
import type { Change } from '../store/types';

/** How many backups of each kind are kept. */
export const KEEP_PER_KIND = 7;
const SHANGHAI_OFFSET = 8 * 3600_000;
const SNAPSHOT_FILE_RE = /^snapshot-(\d+)\.json$/u;
/**
 * Collections a restore leaves as they are: the audit trail only ever grows (it records the restore too), and
 * secrets are never rolled back (an old backup must not bring back a PIN that was changed because it leaked).
 */
export const NOT_RESTORED: ReadonlySet<string> = new Set(['audit', 'credentials']);

export function backupsDir(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'backups');
}

/** "2026-11-24T09-30-00-000" in Shanghai time. */
function shanghaiStamp(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 23).replace(/[:.]/gu, '-');
}

export function backupName(kind: BackupKind, at: number): string {
  if (kind === 'daily') return `backup-${shanghaiDate(at)}.json`;
  return `${kind}-${shanghaiStamp(at)}.json`;
}

/** What a backup's name says about it (null: not a backup file). */
export function parseBackupName(name: string): Omit<BackupInfo, 'bytes'> | null {
  if (!BACKUP_NAME_RE.test(name)) return null;
  const daily = /^backup-(\d{4}-\d{2}-\d{2})\.json$/u.exec(name);
  if (daily) return { name, kind: 'daily', day: daily[1], at: null };
  const m = /^(manual|pre-restore)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})\.json$/u.exec(name)!;
  const at = Date.parse(`${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}+08:00`);
  return { name, kind: m[1] as BackupKind, day: m[2], at: Number.isFinite(at) ? at : null };
}

function fsyncPath(p: string, flags: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(p, flags);
    fsyncSync(fd);
  } catch (e) {
    // Windows cannot open a folder; a file we just wrote must fsync.
    if (flags !== 'r' || process.platform !== 'win32') throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** temp file in the same folder → fsync → rename → fsync the folder: a crash leaves the old state or the new file. */
function commitFile(dir: string, name: string, fill: (tmp: string) => void): void {
  const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
  try {
    fill(tmp);
    fsyncPath(tmp, 'r+');
    renameSync(tmp, path.join(dir, name));
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
  fsyncPath(dir, 'r');
}

export function createBackups(ctx: CoreContext, dataDir: string) {
  const storeDir = path.resolve(dataDir);
  const dir = backupsDir(dataDir);

  const ensureDir = () => {
    mkdirSync(dir, { recursive: true });
    // Temp files of a backup that died before its rename.
    for (const n of readdirSync(dir)) if (n.startsWith('.') && n.endsWith('.tmp')) unlinkSync(path.join(dir, n));
  };

  const info = (name: string): BackupInfo | null => {
    const parsed = parseBackupName(name);
    if (!parsed) return null;
    try {
      return { ...parsed, bytes: statSync(path.join(dir, name)).size };
    } catch {
      return null;
    }
  };

  const list = (): BackupInfo[] => {
    if (!existsSync(dir)) return [];
    const key = (b: BackupInfo) => b.at ?? Date.parse(`${b.day}T00:00:00+08:00`);
    return readdirSync(dir)
      .map(info)
      .filter((b): b is BackupInfo => b !== null)
      .sort((a, b) => key(b) - key(a) || b.name.localeCompare(a.name));
  };

  /** Keeps the newest KEEP_PER_KIND of one kind (names of one kind sort by time). */
  const prune = (kind: BackupKind) => {
    const names = readdirSync(dir)
      .filter((n) => parseBackupName(n)?.kind === kind)
      .sort()
      .reverse();
    for (const n of names.slice(KEEP_PER_KIND)) {
      try {
        unlinkSync(path.join(dir, n));
        ctx.log('info', `backups: removed ${n} (keeping the newest ${KEEP_PER_KIND} ${kind} backups)`);
      } catch (e) {
        ctx.log('warn', `backups: could not remove ${n}: ${(e as Error).message}`);
      }
    }
  };

  /**
   * Writes the live data into `file` in the snapshot format, record by record (no string of the whole store, which
   * V8 caps at ~512 MB). Synchronous: exactly the state at this instant.
   */
  const writeLive = (file: string): void => {
    // The live maps themselves, read as they are written (synchronously: nothing commits meanwhile).
    const collections: Record<string, Iterable<unknown>> = {};
    for (const c of COLLECTIONS) collections[c] = ctx.store.all(c).values();
    const fd = openSync(file, 'w');
    try {
      writeSnapshotText(
        (text) => {
          const buf = Buffer.from(text, 'utf8');
          let off = 0;
          while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
        },
        { version: SCHEMA_VERSION, gen: 0, seq: 0, collections },
      );
    } finally {
      closeSync(fd);
    }
  };

  /** Writes the live data as a backup of `kind` now (manual, pre-restore). */
  const writeNow = (kind: BackupKind): BackupInfo => {
    ensureDir();
    const name = backupName(kind, ctx.clock.now());
    commitFile(dir, name, writeLive);
    prune(kind);
    ctx.feed.publish(['backups']);
    return info(name)!;
  };

  const newestSnapshot = (): string | null => {
    let best = -1;
    for (const n of readdirSync(storeDir)) {
      const m = SNAPSHOT_FILE_RE.exec(n);
      if (m && Number(m[1]) > best) best = Number(m[1]);
    }
    return best < 0 ? null : path.join(storeDir, `snapshot-${best}.json`);
  };

  /**
   * The daily backup: compact (worker thread), then copy the snapshot it leaves. The copy runs synchronously in
   * the continuation of the compaction, so it is finished before store.close() (which awaits the same
   * compaction) returns.
   */
  let running: Promise<void> | null = null;
  let doneDay: string | null = null;
  const daily = async (day: string): Promise<void> => {
    ensureDir();
    const name = `backup-${day}.json`;
    let source: string | null = null;
    try {
      await ctx.store.compact();
      source = newestSnapshot();
    } catch (e) {
      if (/closed/u.test((e as Error).message)) return;
      ctx.log('warn', `backups: compaction before the daily backup failed (${(e as Error).message}); serialising in memory instead`);
    }
    if (existsSync(path.join(dir, name))) return;
    if (source) commitFile(dir, name, (tmp) => copyFileSync(source, tmp));
    else commitFile(dir, name, writeLive);
    ctx.log('info', `backups: made ${name}${source ? ` from ${path.basename(source)}` : ' from memory'}`);
    prune('daily');
    ctx.feed.publish(['backups']);
  };

  /** Called on every tick: at most one daily backup per Shanghai day, never two at once. */
  const onTick = (now: number) => {
    const day = shanghaiDate(now);
    if (day === doneDay || running) return;
    if (existsSync(path.join(dir, `backup-${day}.json`))) {
      doneDay = day;
      return;
    }
    running = daily(day)
      .then(() => {
        doneDay = day;
      })
      .catch((e: Error) => ctx.log('error', `backups: daily backup failed, will retry on a later tick: ${e.stack ?? e.message}`))
      .finally(() => {
        running = null;
      });
  };
  ctx.ticker.onTick(onTick);

  /** A backup's records, migrated and validated; any problem refuses the whole backup. */
  const read = async (name: string): Promise<Map<CollectionName, Map<string, { id: string }>>> => {
    const file = path.join(dir, name);
    if (!parseBackupName(name) || !existsSync(file)) throw new CoreError('not_found', `No backup ${name}`);
    const r = await readSnapshotFile(file, 0);
    if (!r.ok) throw new CoreError('conflict', `Backup ${name} is not a readable store snapshot: ${r.error}`);
    if (r.damaged.length > 0) {
      throw new CoreError('conflict', `Backup ${name} holds records whose bytes changed on disk; nothing was restored`, r.damaged.slice(0, 20).map((d) => `${d.coll}[${d.index}]: checksum mismatch`));
    }
    let collections: Record<string, unknown[]>;
    try {
      collections = migrateStore(r.data).data.collections;
    } catch (e) {
      throw new CoreError('conflict', `Backup ${name} cannot be read by this version: ${(e as Error).message}`);
    }
    const out = new Map<CollectionName, Map<string, { id: string }>>();
    const problems: string[] = [];
    for (const coll of COLLECTIONS) {
      const recs = new Map<string, { id: string }>();
      const list = collections[coll] ?? [];
      if (!Array.isArray(list)) {
        problems.push(`${coll}: not a list`);
        continue;
      }
      list.forEach((r, i) => {
        const p = recordSchemas[coll].safeParse(r);
        if (p.success) recs.set((p.data as { id: string }).id, p.data as { id: string });
        else if (problems.length < 20) problems.push(`${coll}[${i}]: ${p.error.issues[0]?.message ?? 'invalid'}`);
      });
      out.set(coll, recs);
    }
    if (problems.length > 0) throw new CoreError('conflict', `Backup ${name} holds invalid records; nothing was restored`, problems);
    return out;
  };

  /**
   * Makes the live data equal to the backup's (every collection but the audit trail), in ONE commit, after
   * saving the live data as a pre-restore backup. Everything from the pre-restore write to the commit is
   * synchronous: no other call can commit in between, so the pre-restore backup is exactly what was replaced.
   * `extra` (the audit line) rides in the same commit.
   */
  const restore = async (name: string, extra: (r: { keptAs: string; puts: number; dels: number }) => Change[]) => {
    const backup = await read(name);
    // From here to the commit nothing awaits: no other call can commit in between.
    const changes: Change[] = [];
    let puts = 0;
    let dels = 0;
    for (const coll of COLLECTIONS) {
      if (NOT_RESTORED.has(coll)) continue;
      const want = backup.get(coll) ?? new Map();
      const live = ctx.store.all(coll) as ReadonlyMap<string, unknown>;
      for (const id of live.keys()) {
        if (!want.has(id)) {
          changes.push({ op: 'del', coll, id } as Change);
          dels++;
        }
      }
      for (const [id, rec] of want) {
        const cur = live.get(id);
        if (cur !== undefined && JSON.stringify(cur) === JSON.stringify(rec)) continue;
        changes.push({ op: 'put', coll, rec } as Change);
        puts++;
      }
    }
    const kept = writeNow('pre-restore');
    await ctx.store.commit([...changes, ...extra({ keptAs: kept.name, puts, dels })]);
    const counts: Counts = {};
    for (const coll of COLLECTIONS) counts[coll] = ctx.store.all(coll).size;
    return { keptAs: kept.name, puts, dels, changes, counts };
  };

  return {
    dir,
    list,
    /** A manual backup of the live data, now. */
    createNow: () => writeNow('manual'),
    restore,
  };
}
export type Backups = ReturnType<typeof createBackups>;
