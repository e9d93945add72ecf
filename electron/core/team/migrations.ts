/**
 * Team mode's PostgreSQL schema, as versioned SQL applied in order at start (migrate.ts). Append a step; never edit
 * one that has shipped: a desktop that already ran it would not run it again.
 *
 * Tables keep each record whole as JSONB (validated on the way back by the same zod schemas as the local store)
 * plus the columns that locking and the queue's order need. Every change of a row notifies `kefu_team_changes`
 * (delivered when its transaction commits, never for one rolled back), which is how other desktops learn of it.
 */
export interface TeamMigration {
  version: number;
  name: string;
  sql: string;
}

export const TEAM_CHANGES_CHANNEL = 'kefu_team_changes';

export const TEAM_MIGRATIONS: readonly TeamMigration[] = [
  {
    version: 1,
    name: 'conversations, messages and applied desktop actions',
    sql: `
      create table team_conversations (
        id text primary key,
        -- bumped by every write: compare-and-set on it means no update is ever lost
        version bigint not null,
        status text not null,
        assignee_id text,
        queued_at bigint,
        record jsonb not null
      );
      -- the team queue: waiting and unassigned, oldest first (what "take the next one" walks)
      create index team_conversations_waiting on team_conversations (queued_at, id) where status = 'queued' and assignee_id is null;

      create table team_messages (
        id text primary key,
        conversation_id text not null references team_conversations (id),
        at bigint not null,
        record jsonb not null
      );
      create index team_messages_by_conversation on team_messages (conversation_id, at);

      -- a desktop's queued action (its id) is applied once, however often it is replayed
      create table team_actions (
        id text primary key,
        desktop_id text not null,
        kind text not null,
        outcome jsonb not null,
        applied_at timestamptz not null default now()
      );

      create function team_notify_change() returns trigger language plpgsql as $$
      begin
        perform pg_notify('${TEAM_CHANGES_CHANNEL}', json_build_object('coll', tg_argv[0], 'id', new.id, 'version', coalesce((to_jsonb(new) ->> 'version')::bigint, 0))::text);
        return new;
      end $$;
      create trigger team_conversations_changed after insert or update on team_conversations
        for each row execute function team_notify_change('conversations');
      create trigger team_messages_changed after insert or update on team_messages
        for each row execute function team_notify_change('messages');
    `,
  },
  {
    version: 2,
    name: 'the other shared records (customers, profiles and credentials, canned replies, reminders, ratings, complaints, ...)',
    sql: `
      -- one table for every other shared collection: the record whole, its version for compare-and-set
      create table team_records (
        coll text not null,
        id text not null,
        version bigint not null,
        record jsonb not null,
        -- a record deleted on some desktop stays as a tombstone, so every other desktop deletes it too
        deleted boolean not null default false,
        primary key (coll, id)
      );
      create function team_notify_record() returns trigger language plpgsql as $$
      begin
        perform pg_notify('${TEAM_CHANGES_CHANNEL}', json_build_object('coll', new.coll, 'id', new.id, 'version', new.version)::text);
        return new;
      end $$;
      create trigger team_records_changed after insert or update on team_records
        for each row execute function team_notify_record();
    `,
  },
  {
    version: 3,
    name: "the team database's identity (a desktop uploads what it held before joining once per team database)",
    sql: `
      create table team_meta (
        key text primary key,
        value text not null
      );
      insert into team_meta (key, value) values ('team_id', gen_random_uuid()::text);
    `,
  },
];
