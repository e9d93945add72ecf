import path from 'node:path';
import { topic } from '../../../shared/contract';
import type { TeamSyncView } from '../../../shared/contract/team';
import type { Conversation } from '../../../shared/schema';
import { SHARED_RECORDS } from './sharedCollections';
import type { Log } from '../log';
import type { ChangeFeed } from '../feed';
import type { Change, Store } from '../store/types';
import { applyTeamActions, type AppliedAction, type TeamAction, type TeamOutcome } from './teamActions';
import { listenTeamChanges, type ListenState, type TeamChange } from './teamChanges';
import { openTeamDb, TeamDbConfig, type TeamDb } from './teamDb';
import { joinedTeamId, markJoined, planSize, planUpload, teamIdOf, uploadMessages, uploadRecords } from './teamJoin';
import { TeamOutbox } from './teamOutbox';
import { readTeamChanges, type Wanted } from './teamPull';
import { key, keyOfAction, recordOf, TeamVersions } from './teamVersions';

export interface TeamSyncDeps {
  store: Store;
  dataDir: string;
  log: Log;
  feed: ChangeFeed;
  now: () => number;
  newId: (prefix: string) => string;
  /** Names this desktop in the team database's record of applied actions. */
  desktopId: string;
  /** Actions per transaction when a backlog waits (default SEND_CHUNK). */
  sendChunk?: number;
}

export interface TeamSyncStatus {
  /** Connected and listening to the team's changes. */
  online: boolean;
  /** This desktop's actions not yet in the team database ("not yet synced"). */
  waiting: number;
  /** Changes of this desktop that lost to another desktop's, newest last (shown to the agent). */
  conflicts: { coll: string; recordId: string; conversationId: string | null; at: number; outcome: TeamOutcome }[];
  lastError: string | null;
  /** Joining a team: what this desktop held before is being uploaded (rows done of total), else null. */
  joining: { done: number; total: number } | null;
}

/**
 * Actions sent per database transaction when a backlog waits (a big import, a return after an outage): one commit
 * for a few hundred instead of one each. Small enough that one chunk's transaction holds its row locks briefly.
 */
const SEND_CHUNK = 200;

/** The header lists at most this many changes that gave way (the newest; every one is in the log). */
const MAX_CONFLICTS_SHOWN = 100;

/**
 * Team sync of conversations, messages and the other shared records (team mode, docs/team-mode.md;
 * sharedCollections.ts). The local store stays what every service reads; this keeps it and the team database in step:
 * - out: each local commit's shared records become actions in the desktop's outbox (fsynced with the
 *   agent's acknowledgement, so nothing is lost while the database is away) and are sent in order. A record is
 *   written only if the team's copy is still the version this desktop last saw (compare-and-set): when another
 *   desktop changed it first, theirs stands, this desktop takes it and the agent is told (`conflicts`).
 * - in: every change the team commits is announced (LISTEN/NOTIFY); the row is read and committed locally, so the
 *   queue, search and routing see it as if it were made here. At start (and after a reconnect) everything newer
 *   than what this desktop knows is read.
 * Records from the team are committed while `fromTeam` is set, so they are not sent back.
 */
export async function startTeamSync(deps: TeamSyncDeps, config: TeamDbConfig) {
  const { store, log } = deps;
  const { retryMs } = TeamDbConfig.parse(config);
  const outbox = new TeamOutbox(path.join(deps.dataDir, 'team-outbox.jsonl'));
  if (outbox.badLines.length > 0) log('error', `team: ${outbox.badLines.length} outbox line(s) did not read back; set aside in team-outbox.jsonl.bad`);
  const versions = new TeamVersions(outbox.pending());
  const status: TeamSyncStatus = { online: false, waiting: outbox.waiting, conflicts: [], lastError: null, joining: null };
  let db: TeamDb | null = null;
  /** The connected team database's id (teamJoin.ts), and the upload of what this desktop held before, while it runs. */
  let teamId: string | null = null;
  let joining: Promise<void> | null = null;
  /** Sending waits while the join uploads records and conversations (an outbox write of one must follow the upload's). */
  let holdSends = false;
  let fromTeam = false;
  let stopped = false;

  const unsubscribe = store.onCommit((changes) => {
    if (fromTeam || stopped) return;
    const actions = versions.actionsOf(changes, deps.newId, deps.now());
    // In the same fsync as each other, right after the store's own: acknowledged once, nothing lost.
    outbox.enqueueAll(actions);
    if (actions.length > 0) deps.feed.publish([topic.team]);
    status.waiting = outbox.waiting;
    schedule();
  });

  /** Commits records read from the team into the local store (not sent back). */
  async function commitFromTeam(changes: Change[]): Promise<void> {
    if (changes.length === 0) return;
    fromTeam = true;
    try {
      await store.commit(changes);
    } finally {
      fromTeam = false;
    }
    // Every view a shared record can change refreshes (they are rare, and each topic is one refetch at most).
    deps.feed.publish([topic.queue, topic.settings, topic.profiles, topic.canned, topic.reminders, topic.complaints, topic.training, ...changes.filter((c) => c.coll === 'conversations' && c.op === 'put').map((c) => topic.conversation((c.rec as Conversation).id))]);
  }

  /**
   * Reads what the team has that this desktop does not (or has older) and commits it here: everything, or the
   * announced rows (a message's conversation comes with it when this desktop does not have it yet). One read at a
   * time, in the order asked, so an older copy never lands after a newer one.
   */
  let reads: Promise<void> = Promise.resolve();
  function pull(ids?: Wanted): Promise<void> {
    reads = reads.then(() => pullNow(ids)).catch((e) => log('warn', `team: could not read the team's changes: ${e instanceof Error ? e.message : String(e)}`));
    return reads;
  }
  async function pullNow(ids?: Wanted): Promise<void> {
    if (!db || stopped) return;
    await commitFromTeam(await readTeamChanges(db.pool, store, versions, ids));
  }

  // Sends the outbox in order; one run at a time, again if more arrived meanwhile.
  let sending: Promise<void> | null = null;
  let again = false;
  function schedule(): void {
    if (sending) {
      again = true;
      return;
    }
    sending = (async () => {
      do {
        again = false;
        await send();
      } while (again && !stopped);
    })().finally(() => (sending = null));
  }
  async function send(): Promise<void> {
    if (!db || stopped || holdSends) return;
    const pool = db.pool;
    const r = await outbox.replay(
      async (chunk) => {
        // Each follower is sent on the version its predecessor made, or gives way as that one did; the predecessor
        // is settled by then (cutBefore keeps one record's changes in separate chunks).
        const given: (AppliedAction | null)[] = [];
        const toSend: TeamAction[] = [];
        for (const a of chunk) {
          const p = versions.prepare(a);
          if ('outcome' in p) given.push(p);
          else {
            toSend.push(p);
            given.push(null);
          }
        }
        const done = await applyTeamActions(pool, deps.desktopId, toSend);
        let j = 0;
        const out = given.map((g) => g ?? done[j++]);
        chunk.forEach((a, i) => settle(a, out[i].outcome));
        return out;
      },
      {
        max: deps.sendChunk ?? SEND_CHUNK,
        cutBefore: (next, chunk) => {
          const k = keyOfAction(next);
          return k !== null && chunk.some((a) => keyOfAction(a) === k);
        },
      },
    );
    status.waiting = r.waiting;
    status.lastError = r.error;
    if (r.settled.length > 0 || r.error) deps.feed.publish([topic.team]);
    if (r.error) log('warn', `team: ${r.waiting} action(s) wait to be synced: ${r.error}`);
  }
  function settle(action: TeamAction, outcome: TeamOutcome): void {
    const record = recordOf(action);
    if (!versions.settled(action, outcome) || !record || outcome.status !== 'conflict') return;
    // Another desktop changed it first: theirs stands; take it here and tell the agent.
    const { coll, id } = record;
    status.conflicts.push({ coll, recordId: id, conversationId: coll === 'conversations' ? id : null, at: deps.now(), outcome });
    if (status.conflicts.length > MAX_CONFLICTS_SHOWN) status.conflicts.shift();
    log('warn', `team: ${coll} ${id} was changed on another desktop first (team version ${outcome.version}); this desktop's change gave way`);
    void pull(coll === 'conversations' ? { conversations: [id], messages: [], records: [] } : { conversations: [], messages: [], records: [{ coll, id }] });
  }

  // In: announced changes are batched per tick and read together.
  let incoming: TeamChange[] = [];
  let reading = false;
  const onChange = (c: TeamChange) => {
    incoming.push(c);
    if (reading) return;
    reading = true;
    setImmediate(() => {
      const batch = incoming;
      incoming = [];
      reading = false;
      const conversations = [...new Set(batch.filter((c) => c.coll === 'conversations' && versions.isNewer(c.coll, c.id, c.version)).map((c) => c.id))];
      const messages = [...new Set(batch.filter((c) => c.coll === 'messages' && !store.get('messages', c.id)).map((c) => c.id))];
      const seen = new Set<string>();
      const records = batch.filter((c) => SHARED_RECORDS.has(c.coll) && versions.isNewer(c.coll, c.id, c.version) && !seen.has(key(c.coll, c.id)) && (seen.add(key(c.coll, c.id)), true)).map((c) => ({ coll: c.coll, id: c.id }));
      if (conversations.length + messages.length + records.length > 0) void pull({ conversations, messages, records });
    });
  };
  const onState = (s: ListenState) => {
    status.online = s === 'listening';
    deps.feed.publish([topic.team]);
    // Back after a cut: what was announced meanwhile is gone, so read everything newer; send what waited.
    // The first time on this team's database, the join does both, with the upload of what this desktop held.
    if (s === 'listening') {
      if (teamId && joinedTeamId(deps.dataDir) !== teamId) {
        if (!joining) joining = join(teamId).finally(() => (joining = null));
      } else {
        void pull();
        schedule();
      }
    }
  };

  /**
   * Joining a team database for the first time (teamJoin.ts): read the team's records, upload the shared records
   * and conversations it lacks, send the outbox, then upload the messages. Noted as done only when all of it was;
   * interrupted (the database went away, the app closed), it runs again on the next connection, adding nothing twice.
   */
  async function join(id: string): Promise<void> {
    let lastShown = 0;
    const show = (done: number, total: number) => {
      status.joining = { done, total };
      if (Date.now() - lastShown < 300 && done < total) return;
      lastShown = Date.now();
      deps.feed.publish([topic.team]);
    };
    try {
      holdSends = true;
      await pull();
      const plan = planUpload(store, (coll, rid) => versions.knows(coll, rid), (coll, rid) => versions.isWaiting(coll, rid));
      const total = planSize(plan);
      show(0, total);
      const pool = db!.pool;
      const written = await uploadRecords(pool, store, plan, {
        uploaded: (coll, rid) => versions.uploadedOnJoin(coll, rid),
        progress: (rows) => show(rows, total),
        stopped: () => stopped,
      });
      holdSends = false;
      schedule();
      while (sending) await sending; // the outbox's new conversations are in the team before the messages go
      const before = total - plan.messages;
      const messages = await uploadMessages(pool, store, { progress: (rows) => show(before + rows, total), stopped: () => stopped });
      if (stopped) return;
      markJoined(deps.dataDir, id, deps.now());
      log('info', `team: joined team database ${id}: uploaded ${written} records and conversations and ${messages} messages this desktop held that the team did not have`);
    } catch (e) {
      status.lastError = e instanceof Error ? e.message : String(e);
      log('warn', `team: could not upload this desktop's earlier work to the team yet (${status.lastError}); trying again on the next connection`);
    } finally {
      holdSends = false;
      status.joining = null;
      deps.feed.publish([topic.team]);
      schedule();
    }
  }

  // Connect (and keep trying: the desktop works from its own store meanwhile).
  let retry: ReturnType<typeof setTimeout> | null = null;
  let listener: ReturnType<typeof listenTeamChanges> | null = null;
  const connect = async (): Promise<void> => {
    try {
      db = await openTeamDb(config);
    } catch (e) {
      status.lastError = e instanceof Error ? e.message : String(e);
      log('warn', `team: database not reachable (${status.lastError}); working on this desktop's store, retrying`);
      if (!stopped) retry = setTimeout(() => void connect(), retryMs);
      return;
    }
    if (stopped) return void db.close();
    try {
      teamId = await teamIdOf(db.pool);
    } catch (e) {
      log('warn', `team: could not read the team database's id (${e instanceof Error ? e.message : String(e)}); this desktop's earlier work is not uploaded until it can`);
    }
    listener = listenTeamChanges(config, onChange, { onState });
    await listener.ready;
  };
  await connect();

  return {
    status: (): TeamSyncStatus => ({ ...status, waiting: outbox.waiting, conflicts: [...status.conflicts], joining: status.joining && { ...status.joining } }),
    /** Resolves when everything this desktop did so far was sent (or could not be: see status), the join's upload included. */
    async flush(): Promise<void> {
      while (joining) await joining;
      while (sending) await sending;
      schedule();
      while (sending) await sending;
    },
    /** Reads the team's announced changes now (tests; the listener does it on its own). */
    pull: () => pull(),
    async stop(): Promise<void> {
      stopped = true;
      unsubscribe();
      if (retry) clearTimeout(retry);
      while (joining) await joining;
      while (sending) await sending.catch(() => {});
      await listener?.close();
      await db?.close();
    },
  };
}
export type TeamSync = Awaited<ReturnType<typeof startTeamSync>>;

/** `team.status`: the sync's state for the header (team mode off: `enabled` false). */
export function teamView(team: TeamSync | null): TeamSyncView {
  if (!team) return { enabled: false, online: false, waiting: 0, conflicts: [], lastError: null, joining: null };
  const s = team.status();
  return {
    enabled: true,
    online: s.online,
    waiting: s.waiting,
    conflicts: s.conflicts.map((c) => ({ coll: c.coll, recordId: c.recordId, conversationId: c.conversationId, at: c.at, teamVersion: c.outcome.status === 'conflict' ? c.outcome.version : 1 })),
    lastError: s.lastError,
    joining: s.joining,
  };
}
