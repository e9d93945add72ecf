import { PANES, type FocusPlace, type KeyPress, type PaneCommand } from './panes';

/**
 * F6 / Shift+F6: the next / previous pane, wrapping around; from outside the panes (header, banners), F6 goes to the
 * first pane and Shift+F6 to the last. Works while typing (F6 types nothing).
 */
export function cyclePane(e: KeyPress, at: FocusPlace): PaneCommand | null {
  if (e.key !== 'F6' || e.ctrlKey || e.metaKey || e.altKey) return null;
  const step = e.shiftKey ? -1 : 1;
  const here = at.pane === null ? -1 : PANES.indexOf(at.pane);
  const next = here < 0 ? (step > 0 ? 0 : PANES.length - 1) : (here + step + PANES.length) % PANES.length;
  return { pane: PANES[next], target: 'main' };
}
