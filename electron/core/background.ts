import type { Log } from './log';

/**
 * Work a service starts without a caller to answer (a start-up check, a listener's follow-up, a timer): its changes
 * are visible at once (the store applies a commit when it is called), and a failure is logged instead of becoming
 * an unhandled rejection that would stop the process.
 */
export function inBackground(log: Log, what: string, work: Promise<unknown>): void {
  work.catch((e: unknown) => log('error', `${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
}
