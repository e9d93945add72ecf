/**
 * Writing the store's files durably: a whole file replaced atomically, a folder's entries made durable. Its own
 * module so the snapshot and its index can both use it without importing each other.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { mappedBuffer } from './mappedMemory';

const encoder = new TextEncoder();
/** Text shorter than this is encoded on its own (from Node's pool of small buffers). */
const SMALL_TEXT = 1 << 16;

/**
 * Creates or replaces `dir/name` so that after a crash or power cut it holds either the old content or the
 * complete new one: temp file (`.<name>.tmp`), fsync, rename, fsync of the folder. `bytes`, when given, are written
 * before what `fill` writes (writeBytesAtomic).
 */
export function writeFileAtomic(dir: string, name: string, fill: (write: (text: string) => void) => void, bytes?: Uint8Array): void {
  const tmp = path.join(dir, `.${name}.tmp`);
  const fd = openSync(tmp, 'w');
  // Large pieces (a snapshot's ~1 MB chunks of text) are encoded into one buffer for the whole file, mapped outside
  // the C allocator (mappedMemory.ts), instead of a fresh ~2 MB buffer per chunk through malloc (380 of them for a
  // 610 MB snapshot).
  let scratch: Buffer | null = null;
  const writeAll = (buf: Buffer, length: number) => {
    let off = 0;
    while (off < length) off += writeSync(fd, buf, off, length - off);
  };
  try {
    if (bytes) writeAll(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes.byteLength);
    fill((text) => {
      if (text.length < SMALL_TEXT) {
        const buf = Buffer.from(text, 'utf8');
        return writeAll(buf, buf.length);
      }
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      if (!scratch || scratch.length < text.length * 3) scratch = mappedBuffer(Math.max(text.length * 3, 4 << 20));
      writeAll(scratch, encoder.encodeInto(text, scratch).written);
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

/** writeFileAtomic for bytes (a binary file). */
export function writeBytesAtomic(dir: string, name: string, bytes: Uint8Array): void {
  writeFileAtomic(dir, name, () => {}, bytes);
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
