import { cyclePane } from './cyclePane';
import { jumpToPane } from './jumpToPane';
import type { FocusPlace, KeyPress, PaneCommand } from './panes';
import { replyKey } from './replyKey';

/**
 * The workspace's pane keys, decided from the key press and where focus is (null: not ours, let it through).
 * Ctrl/Cmd+K, Ctrl/Cmd+L and Ctrl/Cmd+Enter, and the queue's j/k/arrows/Enter/?, are not claimed here.
 */
export function workspaceCommand(e: KeyPress, at: FocusPlace): PaneCommand | null {
  return cyclePane(e, at) ?? jumpToPane(e) ?? replyKey(e, at);
}
