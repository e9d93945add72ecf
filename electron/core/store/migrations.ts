/**
 * Schema migrations, run on raw data before records are validated.
 *
 * A migration takes the raw store of version `from` and returns the raw store of version `to`. It must
 * tolerate anything (missing collections, non-object records): validation runs afterwards and quarantines
 * what is still wrong, so a migration never has to throw. The same functions migrate journal lines, which
 * are wrapped as a tiny store of their own (see migrateChanges).
 *
 * To change the schema: bump SCHEMA_VERSION in shared/schema/index.ts and append a step here.
 */
import { DEFAULT_SETTINGS, SCHEMA_VERSION, Settings, type Conversation } from '../../../shared/schema';
import { withComputedDue } from '../../../shared/rules/sla';
import type { RawChange } from './journal';

export interface RawStore {
  version: number;
  collections: Record<string, unknown[]>;
}

export interface Migration {
  from: number;
  to: number;
  migrate(raw: RawStore): RawStore;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Version 1 had `vip: boolean` on customers and `tier` on conversations. */
function v1ToV2(raw: RawStore): RawStore {
  const collections = { ...raw.collections };
  if (collections.customers) {
    collections.customers = collections.customers.map((c) => {
      if (!isObj(c) || 'tier' in c) return c;
      const { vip, ...rest } = c;
      return { ...rest, tier: vip === true ? 'vip' : 'normal' };
    });
  }
  if (collections.conversations) {
    collections.conversations = collections.conversations.map((c) => {
      if (!isObj(c) || 'tierAtArrival' in c || !('tier' in c)) return c;
      const { tier, ...rest } = c;
      return { ...rest, tierAtArrival: tier };
    });
  }
  return { version: 2, collections };
}

const ACTIVE = new Set(['queued', 'open', 'pending']);

/**
 * Version 2 had one SLA clock: a complaint's result clock or the response clock restarted by each customer
 * message. Version 3 keeps both (docs/rules.md): the response owed since the oldest unanswered customer message
 * (read from the thread when the messages are at hand; a journal line alone keeps its start), on the tier of
 * the time, and the result clock from the hand-over. Due times are recomputed with the stored settings.
 */
function v2ToV3(raw: RawStore): RawStore {
  const collections = { ...raw.collections };
  const convs = collections.conversations;
  if (!convs) return { version: 3, collections };
  const settingsRec = (collections.settings ?? []).find((s) => isObj(s) && s.id === 'global');
  const parsedSettings = Settings.safeParse(settingsRec);
  const settings = parsedSettings.success ? parsedSettings.data : DEFAULT_SETTINGS;
  // The public thread of each conversation, oldest first: who spoke when.
  const threads = new Map<string, { author: string; at: number }[]>();
  for (const m of collections.messages ?? []) {
    if (!isObj(m) || m.internal === true || typeof m.conversationId !== 'string' || typeof m.at !== 'number') continue;
    if (m.author !== 'customer' && m.author !== 'agent') continue;
    const t = threads.get(m.conversationId) ?? [];
    t.push({ author: m.author, at: m.at });
    threads.set(m.conversationId, t);
  }
  collections.conversations = convs.map((c) => {
    if (!isObj(c) || 'resultClockStartedAt' in c) return c;
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    const active = ACTIVE.has(String(c.status));
    const queuedAt = num(c.queuedAt);
    const oldStart = num(c.slaClockStartedAt);
    const complaint = c.category === 'complaint';
    let owedSince = complaint ? null : oldStart;
    const thread = threads.get(String(c.id));
    if (active && thread) {
      owedSince = null;
      for (const m of thread.sort((a, b) => a.at - b.at)) {
        if (m.author === 'agent') owedSince = null;
        else owedSince ??= Math.max(m.at, queuedAt ?? m.at);
      }
    }
    const next = {
      ...c,
      slaClockStartedAt: active ? owedSince : null,
      responseTier: active && owedSince !== null ? c.tierAtArrival : null,
      resultClockStartedAt: active ? (complaint ? (oldStart ?? queuedAt) : (queuedAt ?? oldStart)) : null,
      resultPausedMs: active && complaint ? (num(c.slaPausedMs) ?? 0) : 0,
      slaPausedMs: active && owedSince !== null && !complaint ? (num(c.slaPausedMs) ?? 0) : 0,
    };
    // Recompute the due time only for a record that is otherwise well formed; validation quarantines the rest.
    try {
      return withComputedDue(next as unknown as Conversation, settings);
    } catch {
      return next;
    }
  });
  return { version: 3, collections };
}

/**
 * Version 3 had `scenarios` (a title and steps of expected words) and `attempts` (answers and a score): a placeholder
 * the demo seed filled with copies of its own scenarios and nothing ever read or wrote (no version had a screen or a
 * call for them; the seed left `attempts` empty). Version 4 has real training (docs/rules.md "Training"): the
 * built-in library in shared/data/training, the team's own scenarios in `trainingScenarios`, practices in
 * `trainingAttempts`, and `trainingAssignments`. The placeholders are dropped rather than converted: their steps
 * carry neither branches nor time budgets nor a rubric to grade with, and the library replaces them.
 */
const DROPPED_IN_V4 = ['scenarios', 'attempts'];
function v3ToV4(raw: RawStore): RawStore {
  const collections = { ...raw.collections };
  for (const c of DROPPED_IN_V4) delete collections[c];
  return { version: 4, collections };
}

/**
 * Version 4 kept the bot's transcript as lines (`{ messageId, author, body, at }`) on `bot.transcript` and
 * `handOver.transcript`, each a copy of a message record that every put of the conversation serialised again (a
 * fifth of a spool import's journal bytes). Version 5 keeps only the ids, `transcriptIds`; the messages collection
 * holds the text. A line without a string messageId names no message and is dropped; a transcript that is not an
 * array is left as it is, for validation to quarantine as it would have in version 4.
 */
function transcriptToIds(part: unknown): unknown {
  if (!isObj(part) || !Array.isArray(part.transcript)) return part;
  const { transcript, ...rest } = part;
  const transcriptIds = (transcript as unknown[]).flatMap((l) => (isObj(l) && typeof l.messageId === 'string' ? [l.messageId] : []));
  return { ...rest, transcriptIds };
}
function v4ToV5(raw: RawStore): RawStore {
  const collections = { ...raw.collections };
  if (collections.conversations) {
    collections.conversations = collections.conversations.map((c) => {
      if (!isObj(c)) return c;
      // Only the parts a record has: an absent `bot` or `handOver` stays absent (not a key holding undefined).
      const next = { ...c };
      if ('bot' in c) next.bot = transcriptToIds(c.bot);
      if ('handOver' in c) next.handOver = transcriptToIds(c.handOver);
      return next;
    });
  }
  return { version: 5, collections };
}

/** Ordered; each `from` is the previous `to`. */
export const MIGRATIONS: readonly Migration[] = [
  { from: 1, to: 2, migrate: v1ToV2 },
  { from: 2, to: 3, migrate: v2ToV3 },
  { from: 3, to: 4, migrate: v3ToV4 },
  { from: 4, to: 5, migrate: v4ToV5 },
];

/**
 * Brings raw data up to SCHEMA_VERSION. Throws only when the data is newer than this app (a downgrade):
 * guessing there could destroy data the newer version wrote.
 */
export function migrateStore(raw: RawStore): { data: RawStore; steps: string[] } {
  if (raw.version > SCHEMA_VERSION) {
    throw new Error(
      `the data folder was written by a newer Kefu Desk (schema version ${raw.version}); this version reads up to ${SCHEMA_VERSION}`,
    );
  }
  let data = raw;
  const steps: string[] = [];
  while (data.version < SCHEMA_VERSION) {
    const m = MIGRATIONS.find((x) => x.from === data.version);
    if (!m) throw new Error(`no migration from schema version ${data.version}`);
    data = m.migrate(data);
    if (data.version !== m.to) throw new Error(`migration ${m.from}→${m.to} returned version ${data.version}`);
    steps.push(`${m.from}→${m.to}`);
  }
  return { data, steps };
}

/**
 * Migrates the put records of one journal line written in an older version. A change to a collection a migration
 * dropped is dropped with it (it would otherwise be quarantined as an unknown collection).
 */
export function migrateChanges(version: number, changes: unknown[]): unknown[] {
  if (version === SCHEMA_VERSION) return changes;
  const out: unknown[] = [];
  for (const ch of changes) {
    if (!isObj(ch) || typeof ch.coll !== 'string' || (ch.op !== 'put' && ch.op !== 'del')) {
      out.push(ch);
      continue;
    }
    const c = ch as unknown as RawChange;
    const { data } = migrateStore({ version, collections: { [c.coll]: c.op === 'put' ? [c.rec] : [] } });
    if (!(c.coll in data.collections)) continue;
    out.push(c.op === 'put' ? { ...c, rec: data.collections[c.coll]?.[0] } : c);
  }
  return out;
}
