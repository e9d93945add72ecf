import { PANES, primaryOnly, type KeyPress, type PaneCommand } from './panes';

/** Ctrl/Cmd+1, 2, 3: straight to the queue, the conversation (its reply box when one is open), the customer. */
export function jumpToPane(e: KeyPress): PaneCommand | null {
  if (!primaryOnly(e)) return null;
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code ?? '')?.[1] ?? (/^[1-9]$/.test(e.key) ? e.key : null);
  if (digit === null) return null;
  const pane = PANES[Number(digit) - 1];
  if (!pane) return null;
  return { pane, target: pane === 'conversation' ? 'reply' : 'main' };
}
