/**
 * Quarantine: where unreadable data goes instead of being dropped. Everything written here is fsynced
 * before the store goes on, because the original may be deleted by the next compaction.
 *
 *   quarantine/<ts>-snapshot-3.json                 a whole snapshot that did not parse (moved, bytes intact), or a
 *                                                   copy of one holding records that failed their checksum
 *   quarantine/records-<ts>.ndjson                  {coll, error, raw, source} per record that failed its schema
 *   quarantine/<ts>-journal-4-line-17.bin           the exact bytes of a torn journal line
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './durableFiles';
import type { BadRecord } from './validate';

// Colons are not allowed in Windows file names.
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

export class Quarantine {
  readonly dir: string;

  constructor(storeDir: string) {
    this.dir = path.join(storeDir, 'quarantine');
  }

  private ensure(): void {
    if (!existsSync(this.dir)) {
      mkdirSync(this.dir, { recursive: true });
      fsyncDir(path.dirname(this.dir));
    }
  }

  /** A name that does not exist yet (two problems in the same millisecond must not overwrite each other). */
  private freshName(name: string): string {
    let p = path.join(this.dir, name);
    for (let i = 1; existsSync(p); i++) p = path.join(this.dir, `${i}-${name}`);
    return p;
  }

  /** Moves a whole file into quarantine (a rename: the bytes stay exactly as they were). */
  moveFile(file: string): string {
    this.ensure();
    const to = this.freshName(`${stamp()}-${path.basename(file)}`);
    renameSync(file, to);
    fsyncDir(this.dir);
    fsyncDir(path.dirname(file));
    return to;
  }

  /** Copies a file into quarantine byte for byte (the original stays until a compaction replaces it). */
  copyFile(file: string): string {
    this.ensure();
    const to = this.freshName(`${stamp()}-${path.basename(file)}`);
    copyFileSync(file, to);
    const fd = openSync(to, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    fsyncDir(this.dir);
    return to;
  }

  saveBytes(name: string, bytes: Buffer | string): string {
    this.ensure();
    const to = this.freshName(`${stamp()}-${name}`);
    writeDurably(to, bytes);
    fsyncDir(this.dir);
    return to;
  }

  /** Writes all bad records of one open into one NDJSON file. */
  saveRecords(records: (BadRecord & { source: string })[]): string {
    this.ensure();
    const to = this.freshName(`records-${stamp()}.ndjson`);
    writeDurably(
      to,
      records.map((r) => JSON.stringify({ coll: r.coll, error: r.error, raw: r.raw, source: r.source }) + '\n').join(''),
    );
    fsyncDir(this.dir);
    return to;
  }
}

function writeDurably(file: string, data: Buffer | string): void {
  const fd = openSync(file, 'wx');
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
