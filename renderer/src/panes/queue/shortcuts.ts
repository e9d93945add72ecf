/** Every queue keyboard shortcut, listed once: the key handler and the cheat sheet both read this. */
export const SHORTCUTS = [
  { keys: ['j', '↓'], action: 'next' },
  { keys: ['k', '↑'], action: 'previous' },
  { keys: ['Home'], action: 'first' },
  { keys: ['End'], action: 'last' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['/'], action: 'search' },
  { keys: ['?'], action: 'help' },
  { keys: ['Esc'], action: 'close' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

/**
 * The workspace's shortcuts outside the queue list, for the cheat sheet: panes (app/keyboard), the reply box, search,
 * lock. `r` works from the queue; the others from anywhere (Ctrl/Cmd+Enter and `/` canned in the reply box).
 */
export const WORKSPACE_SHORTCUTS = [
  { keys: ['F6'], action: 'nextPane' },
  { keys: ['Shift+F6'], action: 'previousPane' },
  { keys: ['Ctrl/⌘+1'], action: 'queuePane' },
  { keys: ['Ctrl/⌘+2'], action: 'conversationPane' },
  { keys: ['Ctrl/⌘+3'], action: 'contextPane' },
  { keys: ['r'], action: 'reply' },
  { keys: ['Ctrl/⌘+Enter'], action: 'send' },
  { keys: ['/'], action: 'canned' },
  { keys: ['Ctrl/⌘+K'], action: 'globalSearch' },
  { keys: ['Ctrl/⌘+L'], action: 'lock' },
] as const;

export type WorkspaceShortcutAction = (typeof WORKSPACE_SHORTCUTS)[number]['action'];

/** The list movement for a key in the queue list (null: not a movement key). */
export function moveFor(key: string, index: number, total: number): number | null {
  if (total === 0) return null;
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return Math.min(total - 1, index + 1);
    case 'ArrowUp':
    case 'k':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
    default:
      return null;
  }
}

/** True when the key press belongs to a text field (shortcuts must not steal typing). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}
