/**
 * Where benchmarks write, and what filesystem that is. fsync on tmpfs (RAM) costs nothing, so a durable-write
 * figure means little unless it says which filesystem it was measured on: every benchmark that writes prints it.
 *
 * The folder is under os.tmpdir() when that is a real disk, else under the repository's node_modules/.cache
 * (which lives wherever the checkout is, normally a real disk). BENCH_DIR overrides both.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** statfs magic numbers (Linux) of the filesystems we are likely to meet. */
const MAGIC: Record<number, string> = {
  0x01021994: 'tmpfs',
  0x858458f6: 'ramfs',
  0xef53: 'ext2/ext3/ext4',
  0x58465342: 'xfs',
  0x9123683e: 'btrfs',
  0x794c7630: 'overlayfs',
  0x2fc12fc1: 'zfs',
  0x6969: 'nfs',
  0x65735546: 'fuse',
  0x01021997: 'v9fs',
  0x5346544e: 'ntfs',
  0x4d44: 'vfat',
  0xf2f52010: 'f2fs',
};

const IN_MEMORY = new Set(['tmpfs', 'ramfs']);

/** The filesystem type of `dir` (e.g. "ext2/ext3", "tmpfs", "apfs"). */
export function fsTypeOf(dir: string): string {
  try {
    // GNU coreutils names it directly (Linux).
    const t = execFileSync('stat', ['-f', '-c', '%T', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (t) return t;
  } catch {
    // BSD/macOS stat has other flags; fall back to statfs below.
  }
  try {
    const type = statfsSync(dir).type;
    return MAGIC[type >>> 0] ?? `statfs type 0x${(type >>> 0).toString(16)}`;
  } catch (e) {
    return `unknown (${(e as Error).message})`;
  }
}

export const isInMemoryFs = (type: string) => IN_MEMORY.has(type) || /tmpfs|ramfs/.test(type);

/** A fresh temp folder for a benchmark, on a real disk when one is at hand. */
export function benchTempDir(prefix: string): string {
  const fromEnv = process.env.BENCH_DIR;
  if (fromEnv) {
    mkdirSync(fromEnv, { recursive: true });
    return mkdtempSync(path.join(fromEnv, prefix));
  }
  if (!isInMemoryFs(fsTypeOf(tmpdir()))) return mkdtempSync(path.join(tmpdir(), prefix));
  const cache = path.join(ROOT, 'node_modules', '.cache', 'kefu-bench');
  mkdirSync(cache, { recursive: true });
  return mkdtempSync(path.join(cache, prefix));
}

/** One line for the benchmark's output: where it wrote and on what, with a warning for RAM filesystems. */
export function describeFs(dir: string): string {
  const type = fsTypeOf(dir);
  const warn = isInMemoryFs(type) ? ' — IN MEMORY: fsync/fdatasync cost nothing here, durable-write figures are not a disk\'s' : '';
  return `wrote to ${dir} (filesystem: ${type}${warn})`;
}
