import { useEffect } from 'react';
import { isTyping } from '../../panes/queue/shortcuts';
import { focusPane, paneOf } from './focusPane';
import { workspaceCommand } from './workspaceCommand';

/**
 * The workspace's pane keys (F6 / Shift+F6, Ctrl/Cmd+1/2/3, `r` in the queue), and the queue taking focus when the
 * workspace first shows with nothing else focused: from a fresh page, Enter opens the first conversation and `r`
 * puts the cursor in its reply box.
 */
export function useWorkspaceKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const active = document.activeElement;
      // An open dialog (search, cheat sheet, settings) keeps its keys.
      if (active?.closest('[role="dialog"]')) return;
      const cmd = workspaceCommand(e, { pane: paneOf(active), typing: isTyping(e.target) });
      if (!cmd) return;
      e.preventDefault();
      focusPane(cmd);
    };
    window.addEventListener('keydown', onKey);
    if (!document.activeElement || document.activeElement === document.body) focusPane({ pane: 'queue', target: 'main' });
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
