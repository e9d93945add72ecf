/**
 * The user's first queue page before the start-up work that can wait.
 *
 * Once a large store is open, the core has seconds of work to do in the background: the snapshot's messages read
 * from disk (lazyMessages.ts), the search index built from them, the performance facts derived, the SLA start-up
 * check over every active conversation, and the compaction an open with journals asks for (a thread of its own, but
 * there are two cores). All of it competed with the sign-in and the first page the user is waiting for: measured at
 * 50 000 conversations × 20 messages, the sign-in and the first page took ~380 ms after the open, of which the
 * scrypt hash is ~90 ms and the page ~20 ms; the rest was background work.
 *
 * So that work waits behind this gate, which opens:
 *   - when the first `queue.page` has been answered (the workspace is on screen);
 *   - at once, for a call that needs what waits behind it (a search, a conversation's history...: any call not in
 *     `FOREGROUND_CALLS`);
 *   - after `capMs` at the latest (a window that never asks for a page, a core with no window).
 * Hosts with a window turn it on (CoreOptions.firstPageFirst); without it the gate is open from the start.
 */
import type { CallName } from '../../shared/contract';
import type { Call } from './dispatcher';
import { CALLS_WITHOUT_MESSAGES } from './messagesGate';

/** The cap: a window shows its first page well within this, even on a slow machine. */
export const FIRST_PAGE_CAP_MS = 3000;

export interface FirstPageGate {
  /** Resolves when the gate opens. */
  readonly opened: Promise<void>;
  readonly isOpen: boolean;
  /** Starts the cap's timer (the core is open and answering calls). */
  arm(): void;
  open(): void;
}

export function createFirstPageGate(capMs: number | null): FirstPageGate {
  let resolve!: () => void;
  const opened = new Promise<void>((r) => (resolve = r));
  let isOpen = false;
  let timer: NodeJS.Timeout | null = null;
  const open = () => {
    if (isOpen) return;
    isOpen = true;
    if (timer) clearTimeout(timer);
    timer = null;
    resolve();
  };
  if (capMs === null) open();
  return {
    opened,
    get isOpen() {
      return isOpen;
    },
    arm() {
      if (isOpen || timer || capMs === null) return;
      timer = setTimeout(open, capMs);
      timer.unref();
    },
    open,
  };
}

/** Calls answered without anything the gate holds back: they neither wait for it nor open it. */
const FOREGROUND_CALLS: ReadonlySet<CallName> = CALLS_WITHOUT_MESSAGES;

/** `call`, opening `gate` after the first queue page is answered, or before any call that needs what it holds. */
export function openGateOnFirstPage(call: Call, gate: FirstPageGate): Call {
  return async (name, input, sessionId, sink) => {
    if (gate.isOpen) return call(name, input, sessionId, sink);
    if (!FOREGROUND_CALLS.has(name as CallName)) gate.open();
    const result = await call(name, input, sessionId, sink);
    // In the next macrotask: the page's answer goes out first (an opening gate starts synchronous work).
    if (name === 'queue.page' && result.ok) setImmediate(gate.open);
    return result;
  };
}
