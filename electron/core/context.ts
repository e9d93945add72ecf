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
  /** Team-wide rule numbers (SLA hours, working days). */
  settings(): Settings;
  /** A fresh unique id with a readable prefix ("m-", "au-"). */
  newId(prefix: string): string;
}

/** Who is calling: resolved by the core from the transport's session id, never taken from the payload. */
export interface Actor {
  sessionId: string;
  agent: Agent;
}

export type Handler<N extends CallName> = (input: ParsedInput<N>, actor: Actor) => Output<N> | Promise<Output<N>>;
export type Handlers = { [N in CallName]: Handler<N> };
export type HandlerSlice<N extends CallName> = { [K in N]: Handler<K> };
