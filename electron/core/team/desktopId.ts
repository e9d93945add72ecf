import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomicFile';

const FILE = 'team-desktop-id';

/**
 * This desktop's name in the team database (which desktop applied which action): made once per data folder and
 * kept there, so a restart is the same desktop and its replayed actions are recognised as its own.
 */
export function desktopIdOf(dataDir: string): string {
  const file = path.join(dataDir, FILE);
  try {
    const id = readFileSync(file, 'utf8').trim();
    if (/^desk-[0-9a-f-]{36}$/.test(id)) return id;
  } catch {
    // none yet
  }
  const id = `desk-${randomUUID()}`;
  writeFileAtomic(file, `${id}\n`);
  return id;
}
