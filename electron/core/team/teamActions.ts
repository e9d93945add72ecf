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
    /** The chunk's messages, written together after its other actions (see insertMessages). */
    const messages: { at: number; action: Extract<TeamAction, { kind: 'message' }> }[] = [];
    /**
     * Record writes waiting to go together (see writeMany), at most one per record: a second write of a record, or
     * an action of another kind (a reply or a take reads and changes a conversation), sends them first, so each
     * record's changes still happen in the chunk's order.
     */
    const writes: { at: number; action: RecordWrite }[] = [];
    const writing = new Set<string>();
    const sendWrites = async () => {
      if (writes.length === 0) return;
      const outcomes = await writeMany(client, writes.map((w) => w.action));
      writes.forEach((w, i) => {
        out[w.at] = { outcome: outcomes[i], duplicate: false };
        made.push({ id: w.action.id, outcome: outcomes[i] });
      });
      writes.length = 0;
      writing.clear();
    };
    for (const action of actions) {
      if (!fresh.has(action.id)) {
        const outcome = before.get(action.id);
        if (!outcome) throw new Error(`team action ${action.id} is neither new nor recorded`);
        out.push({ outcome, duplicate: true });
        continue;
      }
      if (action.kind === 'message') {
        messages.push({ at: out.length, action });
        out.push({ outcome: { status: 'missing' }, duplicate: false }); // set below
        continue;
      }
      if (action.kind === 'publish' || action.kind === 'publishRecord') {
        const key = action.kind === 'publish' ? `conversations\u0000${action.conversation.id}` : `${action.coll}\u0000${action.record.id}`;
        if (writing.has(key)) await sendWrites();
        writing.add(key);
        writes.push({ at: out.length, action });
        out.push({ outcome: { status: 'missing' }, duplicate: false }); // set by sendWrites
        continue;
      }
      await sendWrites();
      const outcome = await perform(client, action);
      made.push({ id: action.id, outcome });
      out.push({ outcome, duplicate: false });
    }
    await sendWrites();
    if (messages.length > 0) {
      const outcomes = await insertMessages(client, messages.map((m) => m.action));
      messages.forEach((m, i) => {
        out[m.at] = { outcome: outcomes[i], duplicate: false };
        made.push({ id: m.action.id, outcome: outcomes[i] });
      });
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
  if (action.kind === 'publish' || action.kind === 'publishRecord') return (await writeMany(client, [action]))[0];
  if (action.kind === 'deleteRecord') return deleteRecord(client, action);
  if (action.kind === 'message') return (await insertMessages(client, [action]))[0];
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
 * Messages, each kept once by its id if its conversation is in the team: ONE statement for all of them (a big
 * import's backlog is mostly messages; one statement each was most of a chunk's round trips). The conversations'
 * rows are not locked (nothing here depends on their state; the foreign key holds each while inserting). A chunk
 * writes its messages after its other actions: a message needs only its conversation to exist, and the team never
 * deletes one, so a message whose conversation the same chunk publishes is kept wherever it stood in the chunk.
 */
async function insertMessages(client: pg.PoolClient, actions: readonly Extract<TeamAction, { kind: 'message' }>[]): Promise<TeamOutcome[]> {
  const ms = actions.map((a) => Message.parse(a.message));
  const r = await client.query<{ id: string }>(
    `insert into team_messages (id, conversation_id, at, record)
     select m.id, m.conversation_id, m.at, m.record from unnest($1::text[], $2::text[], $3::bigint[], $4::jsonb[]) as m(id, conversation_id, at, record)
     where exists (select 1 from team_conversations c where c.id = m.conversation_id)
     on conflict (id) do nothing returning id`,
    [ms.map((m) => m.id), ms.map((m) => m.conversationId), ms.map((m) => m.at), ms.map((m) => JSON.stringify(m))],
  );
  const written = new Set(r.rows.map((row) => row.id));
  // Nothing written for the rest: the team has them already (applied), or not their conversation (missing).
  const unsure = [...new Set(ms.filter((m) => !written.has(m.id)).map((m) => m.conversationId))];
  const there = new Set<string>();
  if (unsure.length > 0) {
    const q = await client.query<{ id: string }>('select id from team_conversations where id = any($1)', [unsure]);
    for (const row of q.rows) there.add(row.id);
  }
  return ms.map((m): TeamOutcome => (written.has(m.id) || there.has(m.conversationId) ? { status: 'applied' } : { status: 'missing' }));
}

type RecordWrite = Extract<TeamAction, { kind: 'publish' | 'publishRecord' }>;

/**
 * Compare-and-set of whole rows on their versions, at most one write per row: the conversations and the other
 * records each in one insert (those the desktop made: the team must not have them yet) and one update (only where a
 * row is still at its expected version; PostgreSQL re-checks that on the newest row after waiting for another
 * writer's lock). So a chunk of a big import's backlog costs a few statements instead of one per record. A row the
 * statements did not write is then read under its lock to say why: `missing` (a version was expected, the team has
 * none) or `conflict` (another desktop's change stands, at the version returned).
 */
async function writeMany(client: pg.PoolClient, actions: readonly RecordWrite[]): Promise<TeamOutcome[]> {
  const rows = actions.map((a) => {
    if (a.kind === 'publish') {
      const c = Conversation.parse(a.conversation);
      return { coll: 'conversations', id: c.id, expected: a.expectedVersion, conversation: c, json: JSON.stringify(c) };
    }
    const record = recordSchemas[a.coll as CollectionName].parse(a.record) as { id: string };
    return { coll: a.coll, id: record.id, expected: a.expectedVersion, conversation: null, json: JSON.stringify(record) };
  });
  const key = (coll: string, id: string) => `${coll}\u0000${id}`;
  const written = new Set<string>();
  const convs = rows.filter((r) => r.conversation !== null);
  const recs = rows.filter((r) => r.conversation === null);
  const convCols = (rs: typeof rows) => [rs.map((r) => r.id), rs.map((r) => r.conversation!.status), rs.map((r) => r.conversation!.assigneeId), rs.map((r) => r.conversation!.queuedAt), rs.map((r) => r.json)];
  const newConvs = convs.filter((r) => r.expected === null);
  if (newConvs.length > 0) {
    const r = await client.query<{ id: string }>(
      `insert into team_conversations (id, version, status, assignee_id, queued_at, record)
       select u.id, 1, u.status, u.assignee_id, u.queued_at, u.record from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::jsonb[]) as u(id, status, assignee_id, queued_at, record)
       on conflict (id) do nothing returning id`,
      convCols(newConvs),
    );
    for (const row of r.rows) written.add(key('conversations', row.id));
  }
  const changedConvs = convs.filter((r) => r.expected !== null);
  if (changedConvs.length > 0) {
    const r = await client.query<{ id: string }>(
      `update team_conversations t set version = t.version + 1, status = u.status, assignee_id = u.assignee_id, queued_at = u.queued_at, record = u.record
       from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::jsonb[], $6::bigint[]) as u(id, status, assignee_id, queued_at, record, expected)
       where t.id = u.id and t.version = u.expected returning t.id`,
      [...convCols(changedConvs), changedConvs.map((r) => r.expected)],
    );
    for (const row of r.rows) written.add(key('conversations', row.id));
  }
  const newRecs = recs.filter((r) => r.expected === null);
  if (newRecs.length > 0) {
    const r = await client.query<{ coll: string; id: string }>(
      `insert into team_records (coll, id, version, record)
       select u.coll, u.id, 1, u.record from unnest($1::text[], $2::text[], $3::jsonb[]) as u(coll, id, record)
       on conflict (coll, id) do nothing returning coll, id`,
      [newRecs.map((r) => r.coll), newRecs.map((r) => r.id), newRecs.map((r) => r.json)],
    );
    for (const row of r.rows) written.add(key(row.coll, row.id));
  }
  const changedRecs = recs.filter((r) => r.expected !== null);
  if (changedRecs.length > 0) {
    const r = await client.query<{ coll: string; id: string }>(
      `update team_records t set version = t.version + 1, record = u.record, deleted = false
       from unnest($1::text[], $2::text[], $3::jsonb[], $4::bigint[]) as u(coll, id, record, expected)
       where t.coll = u.coll and t.id = u.id and t.version = u.expected returning t.coll, t.id`,
      [changedRecs.map((r) => r.coll), changedRecs.map((r) => r.id), changedRecs.map((r) => r.json), changedRecs.map((r) => r.expected)],
    );
    for (const row of r.rows) written.add(key(row.coll, row.id));
  }
  const outcomes: TeamOutcome[] = [];
  for (const r of rows) {
    if (written.has(key(r.coll, r.id))) {
      outcomes.push({ status: 'applied', version: r.expected === null ? 1 : r.expected + 1 });
      continue;
    }
    // Not written: say why, reading the row under its lock (what stands cannot change before this commits).
    const row =
      r.conversation !== null
        ? await client.query<{ version: string }>('select version from team_conversations where id = $1 for update', [r.id])
        : await client.query<{ version: string }>('select version from team_records where coll = $1 and id = $2 for update', [r.coll, r.id]);
    outcomes.push(row.rows[0] ? { status: 'conflict', version: Number(row.rows[0].version) } : { status: 'missing' });
  }
  return outcomes;
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
