import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamSyncView } from '../../shared/contract/team';
import { TeamSyncStatusView } from '../../renderer/src/app/TeamSyncStatus';
import { renderApp } from './render';

afterEach(() => void i18n.changeLanguage('en'));

const inStep: TeamSyncView = { enabled: true, online: true, waiting: 0, conflicts: [], lastError: null };
const at = Date.parse('2026-11-24T10:32:00+08:00');

describe('team sync indicator', () => {
  it('is absent without team mode and while in step', () => {
    expect(renderApp(<TeamSyncStatusView s={{ ...inStep, enabled: false, online: false, waiting: 3 }} />).container.textContent).toBe('');
    expect(renderApp(<TeamSyncStatusView s={inStep} />).container.textContent).toBe('');
  });

  it('says when the team database is offline and how much is not yet synced, with why in its title', () => {
    renderApp(<TeamSyncStatusView s={{ ...inStep, online: false, waiting: 3, lastError: 'connect ECONNREFUSED 10.0.0.5:5432' }} />);
    const group = screen.getByRole('group', { name: 'Team sync' });
    const status = within(group).getByRole('status');
    expect(status.textContent).toBe('Team database offline · 3 changes not yet synced');
    expect(status.getAttribute('title')).toMatch(/nothing is lost.*Last error: connect ECONNREFUSED/);
  });

  it('lists the changes that gave way to another desktop and opens their conversation', async () => {
    const onOpen = vi.fn();
    const user = userEvent.setup();
    renderApp(<TeamSyncStatusView s={{ ...inStep, waiting: 1, conflicts: [{ conversationId: 'c-1', at, teamVersion: 4 }, { conversationId: 'c-2', at, teamVersion: 2 }] }} onOpen={onOpen} />);
    expect(screen.getByRole('status').textContent).toBe('1 change not yet synced');
    const button = screen.getByRole('button', { name: '2 changes gave way' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('region', { name: 'Changed on another desktop first: theirs stands' });
    const items = within(list).getAllByRole('button');
    expect(items.map((i) => i.textContent)).toEqual([expect.stringMatching(/^Conversation c-2 · /), expect.stringMatching(/^Conversation c-1 · /)]);
    await user.click(items[1]);
    expect(onOpen).toHaveBeenCalledWith('c-1');
    expect(screen.queryByRole('region')).toBeNull(); // closed once a conversation is opened
  });

  it('speaks Chinese too', async () => {
    await i18n.changeLanguage('zh-CN');
    renderApp(<TeamSyncStatusView s={{ ...inStep, online: false, waiting: 2, conflicts: [{ conversationId: 'c-9', at, teamVersion: 3 }] }} />);
    expect(screen.getByRole('group', { name: '团队同步' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('团队数据库未连接 · 2 项改动未同步');
    expect(screen.getByRole('button', { name: '1 项改动未生效' })).toBeTruthy();
  });
});
