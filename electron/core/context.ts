import type { CallName, Output, ParsedInput } from '../../shared/contract';
import type { Agent, Settings } from '../../shared/schema';
import type { Clock } from './clock';
import type { ChangeFeed } from './feed';
import type { Log } from './log';
import type { Store } from './store/types';
import type { Ticker } from './ticker';

/** What every service gets: the store, time, the change feed, and a log. Nothing of Electron or React. */
export interface CoreContext {
  store: Store;
  clock: Clock;
  feed: ChangeFeed;
  log: Log;
  /** Time-driven work (SLA thresholds, reminders) subscribes here. */
  ticker: Ticker;
  /**
   * Real elapsed time for security timeouts (session expiry, sign-in backoff). Not `clock`: a demo's manual
   * business clock can jump days ahead, which must neither expire sessions nor lift a backoff.
   */
  realNow(): number;
  /** Team-wide rule numbers (SLA hours, working days). */
  settings(): Settings;
  /** A fresh unique id with a readable prefix ("m-", "au-"). */
  newId(prefix: string): string;
  /** Resolves when start-up work that can wait may begin: after the user's first queue page (firstPageGate.ts). */
  afterFirstPage: Promise<void>;
}

/** Who is calling: resolved by the core from the transport's session id, never taken from the payload. */
export interface Actor {
  sessionId: string;
  agent: Agent;
}

/**
 * What a handler knows of the call itself: the session id the transport sent (null: none) and a way to hand the
 * transport a session the core just issued (sign-in) or ended (sign-out, null). Only the session service uses it.
 */
export interface CallContext {
  sessionId: string | null;
  issue(sessionId: string | null): void;
}

/**
 * A handler. For the calls that need no session (the sign-in screen's), `actor` is absent at run time; those
 * handlers read the session from `call` instead.
 */
export type Handler<N extends CallName> = (input: ParsedInput<N>, actor: Actor, call: CallContext) => Output<N> | Promise<Output<N>>;
export type Handlers = { [N in CallName]: Handler<N> };
export type HandlerSlice<N extends CallName> = { [K in N]: Handler<K> };
