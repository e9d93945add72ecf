import { randomBytes } from 'node:crypto';

/**
 * Sessions the core issues. The id is 32 random bytes (base64url), never chosen by a client; a transport holds it
 * for its window (Electron) or page (web mode). Sessions live in memory only: after a restart nobody is signed in,
 * so a restarted app never shows one person's work under another's name.
 */
export interface Session {
  id: string;
  agentId: string;
  createdAt: number;
  lastSeenAt: number;
  locked: boolean;
}

/** A session unused for this long is gone (the profile signs in again). */
export const SESSION_IDLE_EXPIRY_MS = 12 * 3600_000;
/** And none lives longer than this, however busy. */
export const SESSION_MAX_AGE_MS = 7 * 24 * 3600_000;
/** More sessions than this and the least recently used go first (a bounded map, whatever a client does). */
export const MAX_SESSIONS = 1000;

export class SessionTable {
  private readonly sessions = new Map<string, Session>();

  issue(agentId: string, now: number): Session {
    this.prune(now);
    while (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
    const s: Session = { id: randomBytes(32).toString('base64url'), agentId, createdAt: now, lastSeenAt: now, locked: false };
    this.sessions.set(s.id, s);
    return s;
  }

  /** The live session for this id, touched; undefined when unknown or expired (an expired one is dropped). */
  get(id: string | null | undefined, now: number): Session | undefined {
    if (!id) return undefined;
    const s = this.sessions.get(id);
    if (!s) return undefined;
    if (this.expired(s, now)) {
      this.sessions.delete(id);
      return undefined;
    }
    s.lastSeenAt = now;
    // Map order doubles as recency order for eviction.
    this.sessions.delete(id);
    this.sessions.set(id, s);
    return s;
  }

  end(id: string): boolean {
    return this.sessions.delete(id);
  }

  /** Ends every session of a profile (disabled, or its secret was reset). */
  endAllOf(agentId: string): number {
    let n = 0;
    for (const [id, s] of this.sessions) if (s.agentId === agentId && this.sessions.delete(id)) n++;
    return n;
  }

  get size(): number {
    return this.sessions.size;
  }

  prune(now: number): void {
    for (const [id, s] of this.sessions) if (this.expired(s, now)) this.sessions.delete(id);
  }

  private expired(s: Session, now: number): boolean {
    return now - s.lastSeenAt > SESSION_IDLE_EXPIRY_MS || now - s.createdAt > SESSION_MAX_AGE_MS;
  }
}
