import { describe, expect, it } from 'vitest';
import { cyclePane } from '../../renderer/src/app/keyboard/cyclePane';
import { jumpToPane } from '../../renderer/src/app/keyboard/jumpToPane';
import type { FocusPlace, KeyPress, PaneId } from '../../renderer/src/app/keyboard/panes';
import { replyKey } from '../../renderer/src/app/keyboard/replyKey';
import { workspaceCommand } from '../../renderer/src/app/keyboard/workspaceCommand';
import { SHORTCUTS, WORKSPACE_SHORTCUTS } from '../../renderer/src/panes/queue/shortcuts';

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
const at = (pane: PaneId | null, typing = false): FocusPlace => ({ pane, typing });

describe('F6 / Shift+F6 cycle the panes', () => {
  it('goes queue → conversation → context → queue', () => {
    expect(cyclePane(key('F6'), at('queue'))).toEqual({ pane: 'conversation', target: 'main' });
    expect(cyclePane(key('F6'), at('conversation'))).toEqual({ pane: 'context', target: 'main' });
    expect(cyclePane(key('F6'), at('context'))).toEqual({ pane: 'queue', target: 'main' });
  });
  it('goes backwards with Shift, wrapping around', () => {
    expect(cyclePane(key('F6', { shiftKey: true }), at('queue'))?.pane).toBe('context');
    expect(cyclePane(key('F6', { shiftKey: true }), at('context'))?.pane).toBe('conversation');
    expect(cyclePane(key('F6', { shiftKey: true }), at('conversation'))?.pane).toBe('queue');
  });
  it('from outside the panes: F6 to the first, Shift+F6 to the last', () => {
    expect(cyclePane(key('F6'), at(null))?.pane).toBe('queue');
    expect(cyclePane(key('F6', { shiftKey: true }), at(null))?.pane).toBe('context');
  });
  it('works while typing (F6 types nothing), but not with Ctrl/Cmd/Alt', () => {
    expect(cyclePane(key('F6'), at('conversation', true))?.pane).toBe('context');
    for (const m of ['ctrlKey', 'metaKey', 'altKey'] as const) expect(cyclePane(key('F6', { [m]: true }), at('queue'))).toBeNull();
    expect(cyclePane(key('F5'), at('queue'))).toBeNull();
  });
});

describe('Ctrl/Cmd+1/2/3 jump to a pane', () => {
  it('maps 1, 2, 3 to queue, the reply box, context, with Ctrl or Cmd', () => {
    for (const mod of ['ctrlKey', 'metaKey'] as const) {
      expect(jumpToPane(key('1', { [mod]: true }))).toEqual({ pane: 'queue', target: 'main' });
      expect(jumpToPane(key('2', { [mod]: true }))).toEqual({ pane: 'conversation', target: 'reply' });
      expect(jumpToPane(key('3', { [mod]: true }))).toEqual({ pane: 'context', target: 'main' });
    }
  });
  it('reads the physical key when the layout gives another character', () => {
    expect(jumpToPane(key('&', { code: 'Digit1', ctrlKey: true }))?.pane).toBe('queue');
    expect(jumpToPane(key('3', { code: 'Numpad3', ctrlKey: true }))?.pane).toBe('context');
  });
  it('ignores other digits, plain digits, and Shift/Alt combinations', () => {
    expect(jumpToPane(key('4', { ctrlKey: true }))).toBeNull();
    expect(jumpToPane(key('1'))).toBeNull();
    expect(jumpToPane(key('1', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(jumpToPane(key('1', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

describe('`r` from the queue', () => {
  it('goes to the reply box from the queue', () => {
    expect(replyKey(key('r'), at('queue'))).toEqual({ pane: 'conversation', target: 'reply' });
  });
  it('never while typing in a text field, elsewhere, or with a modifier', () => {
    expect(replyKey(key('r'), at('queue', true))).toBeNull();
    expect(replyKey(key('r'), at('conversation'))).toBeNull();
    expect(replyKey(key('r'), at('context'))).toBeNull();
    expect(replyKey(key('r'), at(null))).toBeNull();
    expect(replyKey(key('r', { ctrlKey: true }), at('queue'))).toBeNull(); // Ctrl+R: reload, not ours
    expect(replyKey(key('R', { shiftKey: true }), at('queue'))).toBeNull();
  });
});

describe('workspaceCommand leaves the other shortcuts alone', () => {
  it('does not claim Ctrl/Cmd+K, Ctrl/Cmd+L, Ctrl/Cmd+Enter, or the queue keys', () => {
    for (const mod of ['ctrlKey', 'metaKey'] as const) {
      for (const k of ['k', 'K', 'l', 'L', 'Enter']) expect(workspaceCommand(key(k, { [mod]: true }), at('queue')), `${mod}+${k}`).toBeNull();
      expect(workspaceCommand(key('Enter', { [mod]: true }), at('conversation', true))).toBeNull();
    }
    for (const k of ['j', 'k', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'Enter', '?', '/', 'Escape']) expect(workspaceCommand(key(k), at('queue')), k).toBeNull();
  });
  it('combines the three commands', () => {
    expect(workspaceCommand(key('F6'), at('queue'))?.pane).toBe('conversation');
    expect(workspaceCommand(key('2', { ctrlKey: true }), at('context', true))).toEqual({ pane: 'conversation', target: 'reply' });
    expect(workspaceCommand(key('r'), at('queue'))).toEqual({ pane: 'conversation', target: 'reply' });
    expect(workspaceCommand(key('r'), at('conversation', true))).toBeNull();
  });
});

describe('the cheat sheet lists every shortcut', () => {
  it('has F6, Shift+F6, Ctrl/⌘+1..3, r, and the existing global ones', () => {
    const keys = [...SHORTCUTS, ...WORKSPACE_SHORTCUTS].flatMap((s) => s.keys as readonly string[]);
    for (const k of ['F6', 'Shift+F6', 'Ctrl/⌘+1', 'Ctrl/⌘+2', 'Ctrl/⌘+3', 'r', 'Ctrl/⌘+Enter', 'Ctrl/⌘+K', 'Ctrl/⌘+L', 'j', '?']) expect(keys).toContain(k);
  });
});
