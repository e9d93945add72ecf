/**
 * Writing the store's files durably: a whole file replaced atomically, a folder's entries made durable. Its own
 * module so the snapshot and its index can both use it without importing each other.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Creates or replaces `dir/name` so that after a crash or power cut it holds either the old content or the
 * complete new one: temp file (`.<name>.tmp`), fsync, rename, fsync of the folder.
 */
export function writeFileAtomic(dir: string, name: string, fill: (write: (text: string) => void) => void): void {
  const tmp = path.join(dir, `.${name}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    fill((text) => {
      const buf = Buffer.from(text, 'utf8');
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    });
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // the next open removes it
    }
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path.join(dir, name));
  fsyncDir(dir);
}

/** Makes creations, renames and deletions in `dir` durable. Windows cannot open a folder: best effort. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (e) {
    if (process.platform !== 'win32') throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
