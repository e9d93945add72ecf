import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { QueueRowItem } from '../../shared/contract/queue';
import { QueueRow } from '../../renderer/src/panes/queue/QueueRow';
import { renderApp } from './render';

/** The row's last line names who has the conversation now: the routed (or re-routed) agent before the owner. */
const row = (over: Partial<QueueRowItem>): QueueRowItem => ({
  id: 'c-1',
  subject: '付款失败',
  customerId: 'u-1',
  customerName: '王芳',
  tier: 'normal',
  category: 'payment',
  status: 'queued',
  severity: 'normal',
  dueAt: null,
  ownerId: null,
  ownerName: null,
  lastMessageAt: 0,
  pausedAt: null,
  clockStartedAt: null,
  clock: null,
  pausedMs: 0,
  escalated: false,
  calendarFallback: false,
  ownerAway: false,
  assigneeName: null,
  ...over,
});

describe('a queue row’s handler', () => {
  it.each([
    [{ assigneeName: '张伟' }, '张伟'],
    [{ ownerId: 'a-lina', ownerName: '林娜' }, '林娜'],
    [{ ownerId: 'a-lina', ownerName: '林娜', assigneeName: '张伟' }, '张伟'],
    [{}, 'Unassigned'],
  ] as [Partial<QueueRowItem>, string][])('%o shows %s', (over, shown) => {
    renderApp(<QueueRow item={row(over)} atRiskMinutes={60} why="" />);
    expect(screen.getByText(shown)).toBeTruthy();
    if (shown !== 'Unassigned') expect(screen.queryByText('Unassigned')).toBeNull();
  });
});
