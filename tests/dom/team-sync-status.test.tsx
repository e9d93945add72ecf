import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamSyncView } from '../../shared/contract/team';
import { TeamSyncStatusView } from '../../renderer/src/app/TeamSyncStatus';
import { renderApp } from './render';

afterEach(() => void i18n.changeLanguage('en'));

const at = Date.parse('2026-11-24T10:32:00+08:00');
const inStep: TeamSyncView = { enabled: true, online: true, waiting: 0, conflicts: [], lastError: null, joining: null };
const conv = (id: string, teamVersion: number) => ({ coll: 'conversations', recordId: id, conversationId: id, at, teamVersion });

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
    renderApp(<TeamSyncStatusView s={{ ...inStep, waiting: 1, conflicts: [conv('c-1', 4), conv('c-2', 2)] }} onOpen={onOpen} />);
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

  it('names a record other than a conversation that gave way (nothing to open), next to the conversations', async () => {
    const user = userEvent.setup();
    renderApp(<TeamSyncStatusView s={{ ...inStep, conflicts: [conv('c-1', 4), { coll: 'cannedReplies', recordId: 'cr-07', conversationId: null, at, teamVersion: 3 }] }} onOpen={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: '2 changes gave way' }));
    const list = screen.getByRole('region', { name: 'Changed on another desktop first: theirs stands' });
    expect(list.textContent).toMatch(/Canned reply cr-07 · /);
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual([expect.stringMatching(/^Conversation c-1 · /)]);
  });

  it('shows the upload of this desktop’s earlier work while it joins the team, with how far it is', () => {
    renderApp(<TeamSyncStatusView s={{ ...inStep, joining: { done: 1_250, total: 5_000 } }} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe("Uploading this desktop's work to the team: 25 %");
    expect(status.getAttribute('title')).toMatch(/^1250 of 5000 records/);
  });

  it('speaks Chinese too', async () => {
    await i18n.changeLanguage('zh-CN');
    renderApp(<TeamSyncStatusView s={{ ...inStep, online: false, waiting: 2, conflicts: [conv('c-9', 3)] }} />);
    expect(screen.getByRole('group', { name: '团队同步' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('团队数据库未连接 · 2 项改动未同步');
    expect(screen.getByRole('button', { name: '1 项改动未生效' })).toBeTruthy();
  });

  it('says the upload in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    renderApp(<TeamSyncStatusView s={{ ...inStep, joining: { done: 1, total: 3 } }} />);
    expect(screen.getByRole('status').textContent).toBe('正在把本机的工作上传到团队：33%');
  });
});
