import path from 'node:path';
import type pg from 'pg';
import { z } from 'zod';
import type { CollectionName } from '../../../shared/schema';
import { readFileOrNull, writeFileAtomic } from '../atomicFile';
import type { Store } from '../store/types';
import { SHARED_RECORDS } from './sharedCollections';

/**
 * A desktop joining a team brings what it held before (docs/team-mode.md, "Joining a team"): its conversations,
 * messages and shared records that the team's database does not have yet are uploaded once per team database, in
 * chunks. Rows the team already has are left as they are (the team's copy stands; the desktop has read it by then),
 * so desktops that start from the same demo data, or join twice, add nothing twice.
 */

const FILE = 'team-joined.json';
const Joined = z.object({ teamId: z.string().min(1), at: z.number() });

/** Rows per insert statement (one round trip and one transaction each). */
export const UPLOAD_ROWS = 500;

/** The team database's own id (migration 3), so a desktop pointed at another team's database joins that one too. */
export async function teamIdOf(pool: pg.Pool): Promise<string> {
  const r = await pool.query<{ value: string }>("select value from team_meta where key = 'team_id'");
  if (!r.rows[0]) throw new Error('the team database has no team id (team_meta)');
  return r.rows[0].value;
}

/** The team this data folder has joined (uploaded to), or null. An unreadable note means "not yet": joining again adds nothing twice. */
export function joinedTeamId(dataDir: string): string | null {
  const text = readFileOrNull(path.join(dataDir, FILE));
  if (text === null) return null;
  try {
    return Joined.parse(JSON.parse(text)).teamId;
  } catch {
    return null;
  }
}

export function markJoined(dataDir: string, teamId: string, at: number): void {
  writeFileAtomic(path.join(dataDir, FILE), `${JSON.stringify({ teamId, at })}\n`);
}

export interface UploadPlan {
  /** Shared records (by collection) and conversations the team did not have when this desktop read it. */
  records: { coll: CollectionName; ids: string[] }[];
  conversations: string[];
  /** Every local message (the team keeps each once by its id; only those of conversations it has are written). */
  messages: number;
}

/** What to upload: records and conversations `teamHas` says the team lacks, except those `skip` names (sent by the outbox). */
export function planUpload(store: Store, teamHas: (coll: string, id: string) => boolean, skip: (coll: string, id: string) => boolean): UploadPlan {
  const records: UploadPlan['records'] = [];
  for (const coll of SHARED_RECORDS) {
    const ids = [...store.all(coll).keys()].filter((id) => !teamHas(coll, id) && !skip(coll, id));
    if (ids.length > 0) records.push({ coll, ids });
  }
  const conversations = [...store.all('conversations').keys()].filter((id) => !teamHas('conversations', id) && !skip('conversations', id));
  return { records, conversations, messages: store.all('messages').size };
}

export const planSize = (p: UploadPlan) => p.records.reduce((n, r) => n + r.ids.length, 0) + p.conversations.length + p.messages;

/**
 * Uploads the plan's records and conversations (records first: conversations name customers). Each row is written
 * only if the team still has none of that id (`on conflict do nothing`); `onUploaded` hears every one written (at
 * version 1), `onProgress` the rows done so far.
 */
export async function uploadRecords(pool: pg.Pool, store: Store, plan: UploadPlan, on: { uploaded(coll: string, id: string): void; progress(rows: number): void; stopped(): boolean }): Promise<number> {
  let rows = 0;
  let written = 0;
  for (const { coll, ids } of plan.records) {
    for (let i = 0; i < ids.length && !on.stopped(); i += UPLOAD_ROWS) {
      const recs = ids.slice(i, i + UPLOAD_ROWS).map((id) => store.get(coll, id)).filter((r) => r !== undefined);
      const r = await pool.query<{ id: string }>(
        `insert into team_records (coll, id, version, record)
         select $1, r ->> 'id', 1, r from jsonb_array_elements($2::jsonb) as r
         on conflict (coll, id) do nothing returning id`,
        [coll, JSON.stringify(recs)],
      );
      for (const row of r.rows) on.uploaded(coll, row.id);
      written += r.rows.length;
      on.progress((rows += Math.min(UPLOAD_ROWS, ids.length - i)));
    }
  }
  for (let i = 0; i < plan.conversations.length && !on.stopped(); i += UPLOAD_ROWS) {
    const ids = plan.conversations.slice(i, i + UPLOAD_ROWS);
    const recs = ids.map((id) => store.get('conversations', id)).filter((c) => c !== undefined);
    const r = await pool.query<{ id: string }>(
      `insert into team_conversations (id, version, status, assignee_id, queued_at, record)
       select r ->> 'id', 1, r ->> 'status', r ->> 'assigneeId', (r ->> 'queuedAt')::bigint, r from jsonb_array_elements($1::jsonb) as r
       on conflict (id) do nothing returning id`,
      [JSON.stringify(recs)],
    );
    for (const row of r.rows) on.uploaded('conversations', row.id);
    written += r.rows.length;
    on.progress((rows += ids.length));
  }
  return written;
}

/**
 * Uploads every local message of a conversation the team has (after the records and the outbox, so a conversation
 * this desktop made is there by then), each once by its id. Returns the messages written.
 */
export async function uploadMessages(pool: pg.Pool, store: Store, on: { progress(rows: number): void; stopped(): boolean }): Promise<number> {
  let written = 0;
  let rows = 0;
  let chunk: unknown[] = [];
  const flush = async () => {
    const r = await pool.query(
      `insert into team_messages (id, conversation_id, at, record)
       select r ->> 'id', r ->> 'conversationId', (r ->> 'at')::bigint, r from jsonb_array_elements($1::jsonb) as r
       where exists (select 1 from team_conversations c where c.id = r ->> 'conversationId')
       on conflict (id) do nothing`,
      [JSON.stringify(chunk)],
    );
    written += r.rowCount ?? 0;
    on.progress((rows += chunk.length));
    chunk = [];
  };
  for (const m of store.all('messages').values()) {
    if (on.stopped()) return written;
    chunk.push(m);
    if (chunk.length >= UPLOAD_ROWS) await flush();
  }
  if (chunk.length > 0) await flush();
  return written;
}
