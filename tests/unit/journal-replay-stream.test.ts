/**
 * A journal left by a crash can be as big as the snapshot (hundreds of MB at 50 000 conversations): open replays it
 * commit by commit as it reads, letting the event loop run and reporting progress every few MB, instead of holding
 * the whole file and replaying it in one stretch.
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store/openStore';
import type { StoreOpenProgress } from '../../electron/core/store/openStore';
import { loopTurns } from './loopTurns';
import { storeSandbox } from './storeSandbox';

const { tempDir, open, closeStore } = storeSandbox('kefu-journal-stream-');

const COMMITS = 24;
const PER_COMMIT = 200;
/** ~1.4 KB per message: 24 × 200 of them make a journal of ~6.6 MB (open breathes every 2 MiB of it). */
const message = (n: number) => ({
  id: `m-${n}`,
  conversationId: `c-${n % 97}`,
  author: 'customer' as const,
  authorId: null,
  body: `第 ${n} 条：视频上传失败，一直卡在 99%，换了网络也不行 upload stuck at 99% #${n} `.repeat(12),
  at: n,
  internal: false,
});

describe('replaying a big journal at open', () => {
  it('reports progress through the journal and lets the event loop run meanwhile; every commit is there after', async () => {
    const dir = tempDir();
    // Never compacted: the journal stays, as after a crash.
    const s = await open(dir, 2 ** 40, 0, 2 ** 40);
    for (let c = 0; c < COMMITS; c++) {
      await s.commit(Array.from({ length: PER_COMMIT }, (_, i) => ({ op: 'put' as const, coll: 'messages' as const, rec: message(c * PER_COMMIT + i) })));
    }
    await closeStore(s);

    const turns = loopTurns();
    const seen: (StoreOpenProgress & { turns: number })[] = [];
    const reopened = await openStore({ dir, log: () => {}, onProgress: (p) => seen.push({ ...p, turns: turns.count() }) });
    turns.stop();
    try {
      expect(reopened.all('messages').size).toBe(COMMITS * PER_COMMIT);
      expect(reopened.get('messages', `m-${COMMITS * PER_COMMIT - 1}`)?.body).toBe(message(COMMITS * PER_COMMIT - 1).body);
      expect(seen[0].bytes).toBeGreaterThan(6 * 1024 * 1024);
      // Part-way through the one journal (neither its start nor its end): at least two reports, going forward,
      // with the event loop turning between them.
      const inside = seen.filter((p) => p.step === 'checking' && p.fraction > 0 && p.fraction < 1);
      expect(inside.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < inside.length; i++) {
        expect(inside[i].fraction).toBeGreaterThan(inside[i - 1].fraction);
        expect(inside[i].turns).toBeGreaterThan(inside[i - 1].turns);
      }
      expect(seen.at(-1)!.fraction).toBe(1);
    } finally {
      await reopened.close();
    }
  });
});
