import type pg from 'pg';
import { Conversation, Message } from '../../../shared/schema';

/** A record as the team database holds it, with the version a compare-and-set names. */
export interface Versioned<T> {
  record: T;
  version: number;
}

export type CasResult = { ok: true; version: number } | { ok: false; current: Versioned<Conversation> | null };

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** A row read back is checked by the same schema as the local store's records (a bad row is said, not used). */
function conversationOf(row: { record: unknown; version: string | number }): Versioned<Conversation> {
  const r = Conversation.safeParse(row.record);
  if (!r.success) throw new Error(`team database: conversation ${(row.record as { id?: unknown })?.id ?? '?'} fails its schema: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { record: r.data, version: Number(row.version) };
}

const columns = (c: Conversation) => [c.id, c.status, c.assigneeId, c.queuedAt, JSON.stringify(c)];

/**
 * The team's conversations in PostgreSQL. Writes that decide who works a conversation are atomic across desktops:
 * `update` is a compare-and-set on the row's version (two desktops changing one version: one wins, the other is
 * told and sees the winner's record, so no update is lost), and `takeNext` claims the oldest waiting conversation
 * with `FOR UPDATE SKIP LOCKED` (desktops taking work at the same moment each get a different one, never the same).
 */
export function createTeamConversations(db: Queryable) {
  return {
    /** Writes the whole record (a new conversation reaching the team); returns its version. */
    async put(c: Conversation): Promise<number> {
      const r = await db.query<{ version: string }>(
        `insert into team_conversations (id, version, status, assignee_id, queued_at, record) values ($1, 1, $2, $3, $4, $5)
         on conflict (id) do update set version = team_conversations.version + 1, status = excluded.status,
           assignee_id = excluded.assignee_id, queued_at = excluded.queued_at, record = excluded.record
         returning version`,
        columns(Conversation.parse(c)),
      );
      return Number(r.rows[0].version);
    },

    async get(id: string): Promise<Versioned<Conversation> | null> {
      const r = await db.query('select record, version from team_conversations where id = $1', [id]);
      return r.rows[0] ? conversationOf(r.rows[0]) : null;
    },

    /** Replaces the record if it is still at `expectedVersion`; else says what it is now. */
    async update(next: Conversation, expectedVersion: number): Promise<CasResult> {
      const c = Conversation.parse(next);
      const r = await db.query<{ version: string }>(
        `update team_conversations set version = version + 1, status = $2, assignee_id = $3, queued_at = $4, record = $5
         where id = $1 and version = $6 returning version`,
        [...columns(c), expectedVersion],
      );
      if (r.rows[0]) return { ok: true, version: Number(r.rows[0].version) };
      return { ok: false, current: await this.get(c.id) };
    },

    /** Takes the oldest conversation waiting unassigned in the team queue for `agentId`, or null when none waits. */
    async takeNext(agentId: string, now: number): Promise<Versioned<Conversation> | null> {
      const r = await db.query(
        `with next as (
           select id from team_conversations where status = 'queued' and assignee_id is null
           order by queued_at, id limit 1 for update skip locked)
         update team_conversations t set version = t.version + 1, assignee_id = $1,
           record = t.record || jsonb_build_object('assigneeId', $1::text, 'updatedAt', $2::bigint)
         from next where t.id = next.id
         returning t.record, t.version`,
        [agentId, now],
      );
      return r.rows[0] ? conversationOf(r.rows[0]) : null;
    },

    /** Adds a message once (its id is the key: a replayed one changes nothing); true if it was new. */
    async addMessage(m: Message): Promise<boolean> {
      const msg = Message.parse(m);
      const r = await db.query('insert into team_messages (id, conversation_id, at, record) values ($1, $2, $3, $4) on conflict (id) do nothing', [msg.id, msg.conversationId, msg.at, JSON.stringify(msg)]);
      return r.rowCount === 1;
    },

    async messagesOf(conversationId: string): Promise<Message[]> {
      const r = await db.query<{ record: unknown }>('select record from team_messages where conversation_id = $1 order by at, id', [conversationId]);
      return r.rows.map((row) => Message.parse(row.record));
    },
  };
}
export type TeamConversations = ReturnType<typeof createTeamConversations>;
