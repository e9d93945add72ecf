import { unmodified, type FocusPlace, type KeyPress, type PaneCommand } from './panes';

/** `r` in the queue (not in a text field): the cursor goes to the open conversation's reply box. */
export function replyKey(e: KeyPress, at: FocusPlace): PaneCommand | null {
  if (e.key !== 'r' || !unmodified(e) || e.shiftKey) return null;
  if (at.typing || at.pane !== 'queue') return null;
  return { pane: 'conversation', target: 'reply' };
}
