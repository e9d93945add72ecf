import pg from 'pg';
import { z } from 'zod';
import type { CollectionName } from '../../../shared/schema';
import { TEAM_CHANGES_CHANNEL } from './migrations';
import { SHARED_RECORDS } from './sharedCollections';
import type { TeamDbConfig } from './teamDb';

/** One row changed somewhere in the team (the payload the database's trigger sends; checked like any input). */
export const TeamChange = z.object({
  coll: z.enum(['conversations', 'messages', ...SHARED_RECORDS] as [CollectionName, ...CollectionName[]]),
  id: z.string().min(1),
  version: z.number().int().nonnegative(),
});
export type TeamChange = z.infer<typeof TeamChange>;

export type ListenState = 'listening' | 'reconnecting' | 'closed';

/**
 * Follows every change the team makes, through PostgreSQL's LISTEN/NOTIFY on a connection of its own: a
 * notification arrives when the writing transaction commits (none for one rolled back or killed). When the
 * connection drops (the server restarted, the network went) it reconnects with a growing pause and says so
 * (`onState`); the caller then re-reads what it shows, since notifications sent meanwhile are gone.
 */
export function listenTeamChanges(
  config: Pick<TeamDbConfig, 'url' | 'tls'>,
  onChange: (c: TeamChange) => void,
  opts: { onState?: (s: ListenState) => void; onBadPayload?: (payload: string) => void; retryMs?: number } = {},
) {
  let client: pg.Client | null = null;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let markReady: () => void;
  const ready = new Promise<void>((r) => (markReady = r));

  const retry = () => {
    if (closed || timer) return;
    opts.onState?.('reconnecting');
    const wait = Math.min(10_000, (opts.retryMs ?? 250) * 2 ** Math.min(failures++, 6));
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, wait);
  };

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: config.url, ssl: !config.tls || config.tls === 'off' ? undefined : { rejectUnauthorized: config.tls === 'verify' }, connectionTimeoutMillis: 3_000 });
    c.on('error', () => {
      if (client === c) client = null;
      c.end().catch(() => {});
      retry();
    });
    c.on('end', () => {
      if (client === c) client = null;
      retry();
    });
    c.on('notification', (n) => {
      if (n.channel !== TEAM_CHANGES_CHANNEL || !n.payload) return;
      let json: unknown;
      try {
        json = JSON.parse(n.payload);
      } catch {
        json = null;
      }
      const r = TeamChange.safeParse(json);
      if (r.success) onChange(r.data);
      else opts.onBadPayload?.(n.payload);
    });
    try {
      await c.connect();
      await c.query(`listen ${TEAM_CHANGES_CHANNEL}`);
    } catch {
      c.end().catch(() => {});
      return retry();
    }
    if (closed) return void c.end().catch(() => {});
    client = c;
    failures = 0;
    opts.onState?.('listening');
    markReady();
  }

  void connect();
  return {
    /** Resolves once the first LISTEN is in place (changes committed after it are delivered). */
    ready,
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      opts.onState?.('closed');
      await c?.end().catch(() => {});
    },
  };
}
