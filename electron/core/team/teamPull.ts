import type pg from 'pg';
import { Conversation, Message, recordSchemas, type CollectionName } from '../../../shared/schema';
import type { Change, Store } from '../store/types';
import { SHARED_RECORDS } from './sharedCollections';
import type { TeamVersions } from './teamVersions';

/** What to read from the team: these conversations, messages and other shared records. */
export interface Wanted {
  conversations: string[];
  messages: string[];
  records: { coll: CollectionName; id: string }[];
}

/** A `team_records` row as read back (the record is checked by its collection's schema before use). */
type RecordRow = { coll: string; id: string; record: unknown; version: string; deleted: boolean };

/**
 * The changes that bring this desktop's store up to the team's: everything, or the announced rows (a message's
 * conversation comes with it when this desktop does not have it yet). Only what is newer than the version this
 * desktop is based on (noted in `versions` as it is read); every row checked by the local store's schemas.
 */
export async function readTeamChanges(pool: pg.Pool, store: Store, versions: TeamVersions, ids?: Wanted): Promise<Change[]> {
  const msgRows = ids
    ? await pool.query<{ record: unknown }>('select record from team_messages where id = any($1)', [ids.messages])
    : await pool.query<{ record: unknown }>('select record from team_messages');
  const messages = msgRows.rows.map((row) => Message.parse(row.record)).filter((m) => !store.get('messages', m.id));
  const wanted = ids ? [...new Set([...ids.conversations, ...messages.filter((m) => !store.get('conversations', m.conversationId)).map((m) => m.conversationId)])] : null;
  const convRows = wanted
    ? await pool.query<{ record: unknown; version: string }>('select record, version from team_conversations where id = any($1)', [wanted])
    : await pool.query<{ record: unknown; version: string }>('select record, version from team_conversations');
  const changes: Change[] = [];
  const arriving = new Set<string>();
  for (const row of convRows.rows) {
    const rec = Conversation.parse(row.record);
    // (Its own write on the way: the local copy is newer; a conflict reads the team's copy when it is settled.)
    if (versions.writeInFlight('conversations', rec.id) || !versions.newer('conversations', rec.id, Number(row.version))) continue;
    arriving.add(rec.id);
    changes.push({ op: 'put', coll: 'conversations', rec });
  }
  for (const m of messages) if (arriving.has(m.conversationId) || store.get('conversations', m.conversationId)) changes.push({ op: 'put', coll: 'messages', rec: m });
  // The other shared records: all of them, or the announced ones.
  const recRows = ids
    ? ids.records.length === 0
      ? { rows: [] }
      : await pool.query<RecordRow>('select coll, id, record, version, deleted from team_records where (coll, id) in (select * from unnest($1::text[], $2::text[]))', [ids.records.map((r) => r.coll), ids.records.map((r) => r.id)])
    : await pool.query<RecordRow>('select coll, id, record, version, deleted from team_records');
  for (const row of recRows.rows) {
    const coll = row.coll as CollectionName;
    if (!SHARED_RECORDS.has(coll) || versions.writeInFlight(coll, row.id) || !versions.newer(coll, row.id, Number(row.version))) continue;
    if (row.deleted) {
      if (store.get(coll, row.id)) changes.push({ op: 'del', coll, id: row.id } as Change);
    } else changes.push({ op: 'put', coll, rec: recordSchemas[coll].parse(row.record) } as Change);
  }
  return changes;
}
