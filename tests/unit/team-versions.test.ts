/**
 * Team sync's version bookkeeping (electron/core/team/teamVersions.ts), without a database: which version each write
 * is sent on, how a follower follows, and when the agent is told of a conflict.
 */
import { describe, expect, it } from 'vitest';
import type { TeamAction } from '../../electron/core/team/teamActions';
import { TeamVersions } from '../../electron/core/team/teamVersions';
import type { Change } from '../../electron/core/store/types';
import { testConversation } from './teamRecords';

let n = 0;
const newId = (p: string) => `${p}${++n}`;
const put = (id: string, tags: string[] = []): Change => ({ op: 'put', coll: 'conversations', rec: testConversation(id, { tags }) });
const sent = (p: ReturnType<TeamVersions['prepare']>) => (('outcome' in p ? p : { expectedVersion: (p as { expectedVersion: number | null }).expectedVersion }));

describe('team versions', () => {
  it('a record read from the team is written on that version; a second change while the first waits follows it', () => {
    const v = new TeamVersions([]);
    expect(v.newer('conversations', 'c-1', 4)).toBe(true);
    expect(v.newer('conversations', 'c-1', 4)).toBe(false); // not newer twice
    const [first] = v.actionsOf([put('c-1', ['a'])], newId, 1);
    const [second] = v.actionsOf([put('c-1', ['b'])], newId, 2);
    expect(first).toMatchObject({ kind: 'publish', expectedVersion: 4, follows: false });
    expect(second).toMatchObject({ kind: 'publish', expectedVersion: null, follows: true });
    expect(v.settled(first, { status: 'applied', version: 5 })).toBe(false);
    expect(sent(v.prepare(second))).toEqual({ expectedVersion: 5 }); // on the version its predecessor made
  });

  it('when a change gives way to another desktop’s, its waiting followers give way too, and the agent is told once', () => {
    const v = new TeamVersions([]);
    v.newer('conversations', 'c-2', 2);
    const [first] = v.actionsOf([put('c-2', ['a'])], newId, 1);
    const [second] = v.actionsOf([put('c-2', ['b'])], newId, 2);
    expect(v.settled(first, { status: 'conflict', version: 3 })).toBe(true);
    const given = v.prepare(second);
    // (Not sent: it reports the version this desktop knows; the team's copy is read, which notes the newer one.)
    expect(given).toEqual({ outcome: { status: 'conflict', version: 2 }, duplicate: false });
    expect(v.settled(second, (given as { outcome: { status: 'conflict'; version: number } }).outcome)).toBe(false);
    // Nothing waits any more: the next change is a plain one on the team's version.
    expect(v.newer('conversations', 'c-2', 3)).toBe(true); // the team's copy, read after the conflict
    const [third] = v.actionsOf([put('c-2', ['c'])], newId, 3);
    expect(third).toMatchObject({ expectedVersion: 3, follows: false });
  });

  it('a change queued before the join uploaded its record is sent on the version the upload made', () => {
    const v = new TeamVersions([]);
    const [made] = v.actionsOf([put('c-3')], newId, 1); // the team's version was not known yet
    expect(made).toMatchObject({ expectedVersion: null, follows: false });
    v.uploadedOnJoin('conversations', 'c-3');
    expect(v.knows('conversations', 'c-3')).toBe(true);
    expect(sent(v.prepare(made))).toEqual({ expectedVersion: 1 });
    // A record the join did not upload: a new record, sent as one (the team must not have it).
    const [fresh] = v.actionsOf([put('c-4')], newId, 2);
    expect(sent(v.prepare(fresh))).toEqual({ expectedVersion: null });
  });

  it('the outbox read back at start says which records have writes waiting (a later change follows them)', () => {
    const waiting: TeamAction = { id: 'ta-w', kind: 'publish', conversation: testConversation('c-5'), expectedVersion: 2, follows: false, at: 1 };
    const v = new TeamVersions([waiting]);
    expect(v.isWaiting('conversations', 'c-5')).toBe(true);
    expect(v.actionsOf([put('c-5')], newId, 2)[0]).toMatchObject({ follows: true });
    // Messages and records not shared are not record writes; a deletion of a shared record is.
    const other = v.actionsOf([{ op: 'put', coll: 'drafts', rec: { id: 'd', agentId: 'a', conversationId: 'c-5', body: 'x', updatedAt: 1 } } as Change, { op: 'del', coll: 'cannedReplies', id: 'cr-1' }], newId, 3);
    expect(other.map((a) => a.kind)).toEqual(['deleteRecord']);
  });
});
