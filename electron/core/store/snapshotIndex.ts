/**
 * A snapshot's index, snapshot-<gen>.index.json beside it: where each collection's lines are in the file. With it the
 * open jumps over the messages (90 % of a large store's bytes) and reads them after the first page is up
 * (lazyMessages.ts). It is only a hint: written after its snapshot, checked against the file it describes (size,
 * the collection line found at the offset it names, the closing line where it says), and any doubt means the
 * snapshot is read from start to end as without it. A missing or damaged index never loses data, nor is it
 * quarantined: the next compaction writes a new one.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './durableFiles';
import type { SectionExtent } from './snapshotLayout';

export const snapshotIndexName = (gen: number) => `snapshot-${gen}.index.json`;

const Extent = z.tuple([z.number().int().min(0), z.number().int().min(0), z.number().int().min(0)]).refine(([s, e]) => s < e, 'a section ends after it starts');

export const SnapshotIndex = z
  .object({
    gen: z.number().int().min(0),
    /** The snapshot file's size: an index for another file of that name is ignored. */
    bytes: z.number().int().min(0),
    sections: z.record(z.string(), Extent),
  })
  .strict();
export type SnapshotIndex = z.infer<typeof SnapshotIndex>;

export function writeSnapshotIndex(dir: string, gen: number, bytes: number, sections: Record<string, SectionExtent>): void {
  const index: SnapshotIndex = { gen, bytes, sections };
  writeFileAtomic(dir, snapshotIndexName(gen), (write) => write(JSON.stringify(index)));
}

/** The index of `file` (snapshot-<gen>.json in `dir`), or null when there is none or it does not fit the file. */
export function readSnapshotIndex(file: string, gen: number): SnapshotIndex | null {
  try {
    const r = SnapshotIndex.safeParse(JSON.parse(readFileSync(path.join(path.dirname(file), snapshotIndexName(gen)), 'utf8')));
    if (!r.success || r.data.gen !== gen || r.data.bytes !== statSync(file).size) return null;
    return r.data;
  } catch {
    return null;
  }
}
