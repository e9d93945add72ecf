/** The three panes of the workspace, in their on-screen (and F6) order. */
export const PANES = ['queue', 'conversation', 'context'] as const;
export type PaneId = (typeof PANES)[number];

/** What a keyboard command needs to know of a key press (a DOM KeyboardEvent fits). */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Where focus is when the key is pressed: which pane (null: outside them), and whether it is in a text field. */
export interface FocusPlace {
  pane: PaneId | null;
  typing: boolean;
}

/** What to do: move focus to a pane's main control (`reply`: the conversation's reply box, or else the pane). */
export interface PaneCommand {
  pane: PaneId;
  target: 'main' | 'reply';
}

/** Ctrl or Cmd alone (no Alt, no Shift): the modifier of the workspace's own shortcuts. */
export const primaryOnly = (e: KeyPress) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
/** No modifier at all (Shift aside, which only changes the character). */
export const unmodified = (e: KeyPress) => !e.ctrlKey && !e.metaKey && !e.altKey;
