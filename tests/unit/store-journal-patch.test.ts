/**
 * Conversations the store holds are journaled as patches (journalPatch.ts): only the fields that changed. Whatever
 * the commits did (fields changed, optional fields set and dropped, records deleted and put again, the same record
 * put twice in one commit), reopening the store (journal replay) and compacting it (the streamed fold and the
 * in-memory one) must give back exactly the records that were committed. And a patch that cannot be applied is
 * quarantined, not dropped.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BotState, Conversation } from '../../shared/schema';
import { journalChanges, patchOf } from '../../electron/core/store/journalPatch';
import type { Change, Store } from '../../electron/core/store/types';
import { storeSandbox } from './storeSandbox';
import { testConversation } from './teamRecords';

const { tempDir, open, closeStore } = storeSandbox('kefu-journal-patch-');

/** A whole conversation record (every field, as the schema reads it back). */
const base = (id: string): Conversation => testConversation(id);
const bot = (answers: number): BotState => ({ answers, unhelpful: 0, answeredFaqIds: [], categoryGuess: 'payment', confidence: 0.5, transcriptIds: [`m-${answers}`] });

/** What a step does to one conversation (n picks which of a few). */
type Step =
  | { kind: 'edit'; n: number; status: 'queued' | 'open' | 'pending'; at: number; tag: string | null; subject: string | null }
  | { kind: 'bot'; n: number; answers: number | null }
  | { kind: 'del'; n: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    n: fc.integer({ min: 0, max: 5 }),
    status: fc.constantFrom('queued' as const, 'open' as const, 'pending' as const),
    at: fc.integer({ min: 1, max: 1e12 }),
    tag: fc.option(fc.constantFrom('vip', '退款', 'a"b\\c', '✓')),
    subject: fc.option(fc.string({ maxLength: 20 })),
  }),
  fc.record({ kind: fc.constant('bot' as const), n: fc.integer({ min: 0, max: 5 }), answers: fc.option(fc.integer({ min: 0, max: 9 })) }),
  fc.record({ kind: fc.constant('del' as const), n: fc.integer({ min: 0, max: 5 }) }),
);

/** The change a step makes against the record as it is now (services build whole records the same way). */
function changeOf(s: Step, now: Conversation | undefined): Change {
  const id = `c-${s.n}`;
  if (s.kind === 'del') return { op: 'del', coll: 'conversations', id };
  const c = now ?? base(id);
  if (s.kind === 'bot') return { op: 'put', coll: 'conversations', rec: { ...c, bot: s.answers === null ? undefined : bot(s.answers) } };
  return {
    op: 'put',
    coll: 'conversations',
    rec: { ...c, status: s.status, updatedAt: s.at, lastMessageAt: s.at, tags: s.tag === null ? c.tags : [...c.tags, s.tag].slice(-5), subject: s.subject ?? c.subject },
  };
}

/** The ops in the newest journal (the one folded last stays beside the snapshot as its fallback). */
const journalOps = (dir: string): string[] => {
  const gen = (f: string) => Number(/journal-(\d+)/.exec(f)![1]);
  const newest = readdirSync(dir)
    .filter((f) => f.startsWith('journal-'))
    .sort((a, b) => gen(a) - gen(b))
    .at(-1)!;
  return readFileSync(path.join(dir, newest), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{"seq"'))
    .flatMap((l) => (JSON.parse(l) as { changes: { op: string }[] }).changes.map((c) => c.op));
};

const conversations = (s: Store) => [...s.all('conversations').values()];
/** Records compared as JSON would read them back (an undefined field is no field). */
const plain = (recs: unknown[]) => JSON.parse(JSON.stringify(recs)) as unknown[];

describe('conversations journaled as patches', () => {
  it('a patch holds the fields that changed; kept references, undefined and dropped fields are handled; a big change stays a put', () => {
    const c = base('c-1');
    const b = bot(1);
    const withBot = { ...c, bot: b };
    expect(patchOf('conversations', withBot, { ...withBot, status: 'open', updatedAt: 5 })).toEqual({ op: 'patch', coll: 'conversations', id: 'c-1', set: { status: 'open', updatedAt: 5 } });
    expect(patchOf('conversations', withBot, { ...withBot, bot: undefined })).toEqual({ op: 'patch', coll: 'conversations', id: 'c-1', set: {}, unset: ['bot'] });
    const { bot: _dropped, ...without } = withBot;
    expect(patchOf('conversations', withBot, without)).toEqual({ op: 'patch', coll: 'conversations', id: 'c-1', set: {}, unset: ['bot'] });
    // A new nested object with the same content is written again (compared by reference, never deeply).
    expect(patchOf('conversations', withBot, { ...withBot, bot: { ...b } })?.set).toEqual({ bot: b });
    const rewritten = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, k === 'id' ? v : typeof v === 'number' ? v + 1 : typeof v === 'string' ? `${v}!` : v]));
    expect(patchOf('conversations', c, rewritten)).toBeNull();
  });

  it('the journal gets patches for held records, puts for new ones, and a second put in one commit patches the first', () => {
    const held = { conversations: new Map([['c-1', base('c-1')]]) };
    const a = { ...base('c-1'), status: 'open' as const };
    const b = { ...a, updatedAt: 9 };
    const out = journalChanges(
      [
        { op: 'put', coll: 'conversations', rec: a },
        { op: 'put', coll: 'conversations', rec: b },
        { op: 'put', coll: 'conversations', rec: base('c-2') },
        { op: 'del', coll: 'conversations', id: 'c-2' },
        { op: 'put', coll: 'conversations', rec: { ...base('c-2'), subject: 'again' } },
        { op: 'put', coll: 'customers', rec: { id: 'u-1' } },
      ] as Change[],
      held,
    );
    expect(out.map((c) => c.op)).toEqual(['patch', 'patch', 'put', 'del', 'put', 'put']);
    expect(out[1]).toEqual({ op: 'patch', coll: 'conversations', id: 'c-1', set: { updatedAt: 9 } });
  });

  it('property: reopened and compacted, the store holds exactly what was committed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 11 }), async (commits, compactAfter) => {
        const dir = tempDir();
        let s = await open(dir);
        await s.commit([0, 1, 2].map((n) => ({ op: 'put', coll: 'conversations', rec: base(`c-${n}`) }) as Change));
        for (const [i, steps] of commits.entries()) {
          // Each step sees the record as the commit so far left it (two steps on one record: two puts in one commit).
          const now = new Map(s.all('conversations'));
          const changes = steps.map((st) => {
            const ch = changeOf(st, now.get(`c-${st.n}`));
            if (ch.op === 'del') now.delete(ch.id);
            else now.set(ch.rec.id, ch.rec as Conversation);
            return ch;
          });
          await s.commit(changes);
          if (i === compactAfter) await s.compact();
        }
        const committed = plain(conversations(s));
        await closeStore(s);
        s = await open(dir);
        expect(s.problems).toEqual([]);
        expect(plain(conversations(s))).toEqual(committed);
        await s.compact();
        await closeStore(s);
        s = await open(dir);
        expect(plain(conversations(s))).toEqual(committed);
        await closeStore(s);
      }),
      // Each run starts two compaction workers: few runs, each with many commits.
      { numRuns: 15 },
    );
  }, 180_000);

  it('writes far fewer bytes for a changed conversation, and compaction folds the patches into the snapshot', async () => {
    const dir = tempDir();
    const s = await open(dir);
    const c = { ...base('c-1'), bot: bot(3) };
    await s.commit([{ op: 'put', coll: 'conversations', rec: c }]);
    for (let i = 2; i < 12; i++) await s.commit([{ op: 'put', coll: 'conversations', rec: { ...s.get('conversations', 'c-1')!, updatedAt: i, lastMessageAt: i } }]);
    expect(journalOps(dir)).toEqual(['put', ...Array(10).fill('patch')]);
    await s.compact(); // streamed fold: the patches meet the record in the journal's put
    await s.commit([{ op: 'put', coll: 'conversations', rec: { ...s.get('conversations', 'c-1')!, status: 'open', bot: undefined } }]);
    expect(journalOps(dir)).toEqual(['patch']);
    await s.compact(); // streamed fold: the patch meets the record in the snapshot
    await closeStore(s);
    const again = await open(dir);
    expect(plain(conversations(again))).toEqual(plain([{ ...c, updatedAt: 11, lastMessageAt: 11, status: 'open', bot: undefined }]));
    expect('bot' in again.get('conversations', 'c-1')!).toBe(false);
  });

  it('a patch whose record is not there (it was quarantined) is quarantined too, with a problem; the rest replays', async () => {
    const dir = tempDir();
    const s = await open(dir);
    await s.commit([{ op: 'put', coll: 'conversations', rec: base('c-1') }]);
    await s.compact();
    await s.commit([{ op: 'put', coll: 'conversations', rec: { ...base('c-1'), status: 'open' } }, { op: 'put', coll: 'conversations', rec: base('c-2') }]);
    await closeStore(s);
    expect(journalOps(dir)).toEqual(['patch', 'put']);
    // The snapshot's record fails its schema (its checksum recomputed, so only the schema catches it).
    const snap = readdirSync(dir).find((f) => /^snapshot-\d+\.json$/.test(f))!;
    const text = readFileSync(path.join(dir, snap), 'utf8');
    writeFileSync(path.join(dir, snap), text.replace('"category":"payment"', '"category":"nonsense"'));
    const again = await open(dir);
    expect([...again.all('conversations').keys()]).toEqual(['c-2']);
    const sources = again.newProblems.map((p) => `${p.kind} ${p.source}`);
    expect(sources.some((p) => p.startsWith('invalid_record') && p.includes('conversations'))).toBe(true);
    expect(again.newProblems.some((p) => /not in the store/.test(p.message))).toBe(true);
  });
});
