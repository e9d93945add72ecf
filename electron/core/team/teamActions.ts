import type pg from 'pg';
import { z } from 'zod';
import { Conversation, EpochMs, Id, Message, recordSchemas, type CollectionName } from '../../../shared/schema';
import { SHARED_RECORDS } from './sharedCollections';

/**
 * What an agent did on a desktop, as it is sent to the team database: kept in the desktop's outbox first
 * (teamOutbox.ts), so the agent keeps working while the database is away, and applied exactly once by its id.
 */
export const TeamAction = z.discriminatedUnion('kind', [
  /** Take a conversation, as the agent saw it (at `expectedVersion`). */
  z.object({ id: Id, kind: z.literal('assign'), conversationId: Id, agentId: Id, expectedVersion: z.number().int().positive(), at: EpochMs }),
  /**
   * A desktop's version of a whole conversation (team sync, teamSync.ts): written if the team's copy is still at
   * `expectedVersion` (null: the desktop made it, so the team must not have it yet).
   */
  z.object({
    id: Id,
    kind: z.literal('publish'),
    conversation: Conversation,
    expectedVersion: z.number().int().positive().nullable(),
    /** This desktop's previous publish of the conversation was still waiting: it expects the version that one makes. */
    follows: z.boolean().default(false),
    at: EpochMs,
  }),
  /** Another shared record (sharedCollections.ts), written by compare-and-set on its version like a conversation. */
  z.object({
    id: Id,
    kind: z.literal('publishRecord'),
    coll: z.string().refine((c) => SHARED_RECORDS.has(c as CollectionName), 'not a shared collection'),
    record: z.object({ id: Id }).passthrough(),
    expectedVersion: z.number().int().positive().nullable(),
    follows: z.boolean().default(false),
    at: EpochMs,
  }),
  /** A shared record deleted on a desktop (compare-and-set like a write; kept as a tombstone). */
  z.object({
    id: Id,
    kind: z.literal('deleteRecord'),
    coll: z.string().refine((c) => SHARED_RECORDS.has(c as CollectionName), 'not a shared collection'),
    recordId: Id,
    expectedVersion: z.number().int().positive().nullable(),
    follows: z.boolean().default(false),
    at: EpochMs,
  }),
  /** A message written on a desktop (any author); kept once by its id. */
  z.object({ id: Id, kind: z.literal('message'), message: Message, at: EpochMs }),
  /** A reply the agent sent. */
  z
    .object({ id: Id, kind: z.literal('reply'), conversationId: Id, agentId: Id, message: Message, at: EpochMs })
    .refine((a) => a.message.conversationId === a.conversationId, { message: 'the message belongs to another conversation', path: ['message', 'conversationId'] }),
]);
export type TeamAction = z.infer<typeof TeamAction>;

/**
 * How an action came out, shown to the agent when it is not plain `applied`:
 * - `taken`: someone else took the conversation first (it stays theirs; the agent's take did not happen);
 * - `reassigned`: the reply went to the customer, but the conversation had been given to someone else meanwhile;
 * - `missing`: the conversation is not in the team database (nothing was written).
 * - `conflict`: see above (the desktop takes the team's copy and tells the agent).
 */
export const TeamOutcome = z.discriminatedUnion('status', [
  /** Done; `version`: the conversation's version it made (publish). */
  z.object({ status: z.literal('applied'), version: z.number().int().positive().optional() }),
  /** A publish found the team's copy changed since the desktop read it: the team's copy (at `version`) stands. */
  z.object({ status: z.literal('conflict'), version: z.number().int().positive() }),
  z.object({ status: z.literal('taken'), assigneeId: Id.nullable() }),
  z.object({ status: z.literal('reassigned'), assigneeId: Id.nullable() }),
  z.object({ status: z.literal('missing') }),
]);
export type TeamOutcome = z.infer<typeof TeamOutcome>;

/** How one action came out; `duplicate`: it had been applied before (a replay), nothing was done again. */
export interface AppliedAction {
  outcome: TeamOutcome;
  duplicate: boolean;
}

/**
 * Applies an action in ONE transaction together with its id in `team_actions`: replayed after a crash, a lost
 * acknowledgement or a reconnect, the second attempt finds the id and returns the first outcome without doing
 * anything again (`duplicate`). Conflicts are resolved by rule (see TeamOutcome), never by overwriting.
 */
export async function applyTeamAction(pool: pg.Pool, desktopId: string, input: TeamAction): Promise<AppliedAction> {
  return (await applyTeamActions(pool, desktopId, [input]))[0];
}

/**
 * Applies several actions, in order, in ONE transaction (the outbox sends a backlog this way: one commit for up to a
 * few hundred actions instead of one each, which is what a big import on a team desktop needs). Each action is
 * claimed by its id like applyTeamAction, so a replayed chunk applies only what it had not applied before. All or
 * nothing: if anything fails the transaction rolls back and nothing of the chunk is written or recorded.
 */
export async function applyTeamActions(pool: pg.Pool, desktopId: string, inputs: readonly TeamAction[]): Promise<AppliedAction[]> {
  if (inputs.length === 0) return [];
  const actions = inputs.map((a) => TeamAction.parse(a));
  const client = await pool.connect();
  // A held client has no pool listener: without one, a connection the server drops would crash the process
  // (the actions then fail and wait in the outbox for the next replay).
  let broken = false;
  const onError = () => (broken = true);
  client.on('error', onError);
  try {
    await client.query('begin');
    const ids = actions.map((a) => a.id);
    const claimed = await client.query<{ id: string }>(
      `insert into team_actions (id, desktop_id, kind, outcome)
       select id, $2, kind, '{}'::jsonb from unnest($1::text[], $3::text[]) as a(id, kind)
       on conflict (id) do nothing returning id`,
      [ids, desktopId, actions.map((a) => a.kind)],
    );
    const fresh = new Set(claimed.rows.map((r) => r.id));
    const before = new Map<string, TeamOutcome>();
    if (fresh.size < actions.length) {
      const r = await client.query<{ id: string; outcome: unknown }>('select id, outcome from team_actions where id = any($1)', [ids.filter((id) => !fresh.has(id))]);
      for (const row of r.rows) before.set(row.id, TeamOutcome.parse(row.outcome));
    }
    const out: AppliedAction[] = [];
    const made: { id: string; outcome: TeamOutcome }[] = [];
    for (const action of actions) {
      if (!fresh.has(action.id)) {
        const outcome = before.get(action.id);
        if (!outcome) throw new Error(`team action ${action.id} is neither new nor recorded`);
        out.push({ outcome, duplicate: true });
        continue;
      }
      const outcome = await perform(client, action);
      made.push({ id: action.id, outcome });
      out.push({ outcome, duplicate: false });
    }
    if (made.length > 0) {
      await client.query('update team_actions t set outcome = u.outcome from unnest($1::text[], $2::jsonb[]) as u(id, outcome) where t.id = u.id', [
        made.map((m) => m.id),
        made.map((m) => JSON.stringify(m.outcome)),
      ]);
    }
    await client.query('commit');
    return out;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.off('error', onError);
    client.release(broken); // a broken connection is closed, not handed out again
  }
}

async function perform(client: pg.PoolClient, action: TeamAction): Promise<TeamOutcome> {
  if (action.kind === 'publishRecord') return publishRecord(client, action);
  if (action.kind === 'deleteRecord') return deleteRecord(client, action);
  if (action.kind === 'publish') return publish(client, action);
  if (action.kind === 'message') return insertMessage(client, action);
  // The row is locked for the rest of the transaction: what is decided below cannot change under it.
  const row = await client.query<{ record: unknown; version: string }>('select record, version from team_conversations where id = $1 for update', [action.conversationId]);
  if (!row.rows[0]) return { status: 'missing' };
  const current = Conversation.parse(row.rows[0].record);
  const version = Number(row.rows[0].version);
  if (action.kind === 'assign') {
    // Taken meanwhile by someone else (or changed since the agent saw it while unassigned): theirs stays.
    if (current.assigneeId !== null && current.assigneeId !== action.agentId) return { status: 'taken', assigneeId: current.assigneeId };
    if (version !== action.expectedVersion && current.assigneeId !== action.agentId) return { status: 'taken', assigneeId: current.assigneeId };
    const next: Conversation = { ...current, assigneeId: action.agentId, updatedAt: Math.max(current.updatedAt, action.at) };
    await client.query('update team_conversations set version = version + 1, assignee_id = $2, record = $3 where id = $1', [current.id, action.agentId, JSON.stringify(next)]);
    return { status: 'applied' };
  }
  // A reply is the customer's to receive whatever happened meanwhile; the agent is told if the conversation moved.
  const message = Message.parse(action.message);
  await client.query('insert into team_messages (id, conversation_id, at, record) values ($1, $2, $3, $4) on conflict (id) do nothing', [message.id, current.id, message.at, JSON.stringify(message)]);
  const next: Conversation = { ...current, lastMessageAt: Math.max(current.lastMessageAt, message.at), updatedAt: Math.max(current.updatedAt, action.at) };
  await client.query('update team_conversations set version = version + 1, record = $2 where id = $1', [current.id, JSON.stringify(next)]);
  return current.assigneeId === action.agentId ? { status: 'applied' } : { status: 'reassigned', assigneeId: current.assigneeId };
}

/**
 * A message, kept once by its id, if its conversation is in the team. One statement when it is written; the
 * conversation's row is not locked (nothing here depends on its state; the foreign key holds it while inserting).
 */
async function insertMessage(client: pg.PoolClient, action: Extract<TeamAction, { kind: 'message' }>): Promise<TeamOutcome> {
  const m = Message.parse(action.message);
  const r = await client.query(
    'insert into team_messages (id, conversation_id, at, record) select $1, $2, $3, $4 where exists (select 1 from team_conversations where id = $2) on conflict (id) do nothing',
    [m.id, m.conversationId, m.at, JSON.stringify(m)],
  );
  if (r.rowCount === 1) return { status: 'applied' };
  // Nothing written: the team has it already (applied), or not its conversation (missing).
  const there = await client.query('select 1 from team_conversations where id = $1', [m.conversationId]);
  return there.rowCount ? { status: 'applied' } : { status: 'missing' };
}

/**
 * Compare-and-set of a whole row on its version, in one statement when it is written: an insert for a record the
 * desktop made (`expected` null: the team must not have it yet), else an update only at the expected version
 * (PostgreSQL re-checks the condition on the newest row after waiting for another writer's lock). When nothing was
 * written, the row is read under its lock to say why: `missing` (a version was expected, the team has none) or
 * `conflict` (another desktop's change stands, at the version returned).
 */
async function compareAndSet(
  client: pg.PoolClient,
  expected: number | null,
  write: { insert: [string, unknown[]]; update: [string, unknown[]] },
  current: [string, unknown[]],
): Promise<TeamOutcome> {
  const r = expected === null ? await client.query(...write.insert) : await client.query(...write.update);
  if (r.rowCount === 1) return { status: 'applied', version: expected === null ? 1 : expected + 1 };
  const row = await client.query<{ version: string }>(...current);
  if (!row.rows[0]) return { status: 'missing' };
  return { status: 'conflict', version: Number(row.rows[0].version) };
}

/** A desktop's version of a whole conversation, by compare-and-set. */
async function publish(client: pg.PoolClient, action: Extract<TeamAction, { kind: 'publish' }>): Promise<TeamOutcome> {
  const c = Conversation.parse(action.conversation);
  const cols = [c.id, c.status, c.assigneeId, c.queuedAt, JSON.stringify(c)];
  return compareAndSet(
    client,
    action.expectedVersion,
    {
      insert: ['insert into team_conversations (id, version, status, assignee_id, queued_at, record) values ($1, 1, $2, $3, $4, $5) on conflict (id) do nothing', cols],
      update: ['update team_conversations set version = version + 1, status = $2, assignee_id = $3, queued_at = $4, record = $5 where id = $1 and version = $6', [...cols, action.expectedVersion]],
    },
    ['select version from team_conversations where id = $1 for update', [c.id]],
  );
}

/** Another shared record, by compare-and-set on its version, the record checked by its collection's schema. */
async function publishRecord(client: pg.PoolClient, action: Extract<TeamAction, { kind: 'publishRecord' }>): Promise<TeamOutcome> {
  const coll = action.coll as CollectionName;
  const record = recordSchemas[coll].parse(action.record) as { id: string };
  const json = JSON.stringify(record);
  return compareAndSet(
    client,
    action.expectedVersion,
    {
      insert: ['insert into team_records (coll, id, version, record) values ($1, $2, 1, $3) on conflict (coll, id) do nothing', [coll, record.id, json]],
      update: ['update team_records set version = version + 1, record = $3, deleted = false where coll = $1 and id = $2 and version = $4', [coll, record.id, json, action.expectedVersion]],
    },
    ['select version from team_records where coll = $1 and id = $2 for update', [coll, record.id]],
  );
}

/** Deletes a shared record for the whole team (a tombstone, by compare-and-set; one the team never had: nothing to do). */
async function deleteRecord(client: pg.PoolClient, action: Extract<TeamAction, { kind: 'deleteRecord' }>): Promise<TeamOutcome> {
  const row = await client.query<{ version: string }>('select version from team_records where coll = $1 and id = $2 for update', [action.coll, action.recordId]);
  if (!row.rows[0]) return { status: 'applied' };
  const current = Number(row.rows[0].version);
  if (action.expectedVersion !== current) return { status: 'conflict', version: current };
  await client.query('update team_records set version = version + 1, deleted = true where coll = $1 and id = $2', [action.coll, action.recordId]);
  return { status: 'applied', version: current + 1 };
}
