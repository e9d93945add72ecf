/**
 * problems.json: the store problems a lead has not dismissed yet, so a problem found on one start is still shown
 * on every later start (the damaged data is gone from the live store by then, only its quarantine copy is left).
 *
 *   {"version":1,"problems":[{"id":"sp-…","source":"snapshot","kind":"corrupt_file","message":"…","quarantinedTo":"…","at":…}]}
 *
 * Written whole, atomically (temp file, fsync, rename, fsync of the folder): it is small, and rewritten only when
 * an open finds something new or a lead dismisses one. Kept beside the store files rather than in a collection:
 * it is about the files, must be readable when the collections are not, and is never part of a backup.
 */
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './durableFiles';
import type { StoreProblem } from './types';

export const PROBLEMS_FILE = 'problems.json';

const ProblemRecord = z.object({
  id: z.string().min(1),
  source: z.string(),
  message: z.string(),
  kind: z.enum(['corrupt_file', 'invalid_record', 'torn_journal_line']),
  quarantinedTo: z.string(),
  at: z.number(),
});
const ProblemsFile = z.object({ version: z.literal(1), problems: z.array(ProblemRecord) });

export const newProblemId = (): string => `sp-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;

export type ProblemsRead = { ok: true; problems: StoreProblem[] } | { ok: false; error: string };

export function readProblems(dir: string): ProblemsRead {
  const file = path.join(dir, PROBLEMS_FILE);
  if (!existsSync(file)) return { ok: true, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${(e as Error).message}` };
  }
  const r = ProblemsFile.safeParse(raw);
  if (!r.success) return { ok: false, error: `not a problems file: ${z.prettifyError(r.error).replace(/\n\s*/g, ' ')}` };
  return { ok: true, problems: r.data.problems };
}

export function writeProblems(dir: string, problems: readonly StoreProblem[]): void {
  writeFileAtomic(dir, PROBLEMS_FILE, (write) => write(JSON.stringify({ version: 1, problems }, null, 1)));
}
