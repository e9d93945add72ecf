import { PANES, type PaneCommand, type PaneId } from './panes';

/** The id of the queue's listbox (the skip link's target too). */
export const QUEUE_LIST_ID = 'queue-list';
/** The id of the open conversation's reply box (one conversation is open at a time). */
export const REPLY_BOX_ID = 'reply-box';

/** A pane's element: the workspace's `<Panel id=…>` (react-resizable-panels marks it `data-panel-id`). */
export function paneElement(pane: PaneId, doc: Document = document): HTMLElement | null {
  return doc.querySelector<HTMLElement>(`[data-panel-id="${pane}"]`);
}

/** The pane holding an element, if any. */
export function paneOf(el: Element | null, doc: Document = document): PaneId | null {
  if (!el) return null;
  for (const p of PANES) if (paneElement(p, doc)?.contains(el)) return p;
  return null;
}

const focusable = (el: HTMLElement | null): el is HTMLElement => !!el && !(el as HTMLTextAreaElement).disabled && el.isConnected;

/**
 * Moves focus as a command says: the queue's listbox, the reply box (or the conversation pane when none is open or it
 * is disabled), the customer pane. The panes themselves take focus (tabIndex -1), so focus always lands somewhere.
 */
export function focusPane(cmd: PaneCommand, doc: Document = document): boolean {
  const pane = paneElement(cmd.pane, doc);
  let target: HTMLElement | null = null;
  if (cmd.pane === 'queue') target = doc.getElementById(QUEUE_LIST_ID);
  else if (cmd.pane === 'conversation') {
    const reply = doc.getElementById(REPLY_BOX_ID);
    if (focusable(reply) && pane?.contains(reply)) target = reply;
  }
  const el = focusable(target) ? target : pane;
  if (!el) return false;
  el.focus();
  return doc.activeElement === el;
}
