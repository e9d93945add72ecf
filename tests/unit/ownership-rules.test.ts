import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../shared/schema';
import { RECENTLY_SOLVED_MS, findLinkTarget, ownerAfterReply, routeToOwner, transferProblem, waitingForOwner } from '../../shared/rules/ownership';
import { canTransition } from '../../shared/rules/transitions';

const NOW = Date.parse('2026-11-24T09:00:00+08:00');
const DAY = 24 * 3600_000;
const conv = (o: Partial<Conversation>): Conversation => ({
  id: 'c-1', customerId: 'cu-1', category: 'payment', status: 'open', tierAtArrival: 'normal', subject: 's',
  createdAt: NOW - DAY, queuedAt: NOW - DAY, dueAt: null, ownerId: 'a-lina', assigneeId: 'a-lina', tags: [],
  contactCount: 1, severity: 'normal', updatedAt: NOW, lastMessageAt: NOW, resolvedAt: null, slaClockStartedAt: null, responseTier: null, resultClockStartedAt: null, resultPausedMs: 0,
  slaPausedAt: null, slaPausedMs: 0, escalatedAt: null, linkedToId: null, ownerAway: false, snoozedUntil: null, ...o,
});

describe('dedicated owner', () => {
  it('the first agent who replies becomes the owner, and stays', () => {
    expect(ownerAfterReply({ ownerId: null }, 'a-james')).toBe('a-james');
    expect(ownerAfterReply({ ownerId: 'a-lina' }, 'a-james')).toBe('a-lina');
  });

  it('links to an unsolved or recently solved issue of the same customer and category', () => {
    const open = conv({ id: 'c-open', status: 'pending' });
    expect(findLinkTarget([open], 'cu-1', 'payment', NOW)?.id).toBe('c-open');
    expect(findLinkTarget([open], 'cu-1', 'account', NOW)).toBeNull();
    expect(findLinkTarget([open], 'cu-2', 'payment', NOW)).toBeNull();
    const justInside = conv({ id: 'c-r', status: 'resolved', resolvedAt: NOW - RECENTLY_SOLVED_MS });
    const tooOld = conv({ id: 'c-old', status: 'closed', resolvedAt: NOW - RECENTLY_SOLVED_MS - 1 });
    expect(findLinkTarget([justInside], 'cu-1', 'payment', NOW)?.id).toBe('c-r');
    expect(findLinkTarget([tooOld], 'cu-1', 'payment', NOW)).toBeNull();
    // the newest candidate wins
    const newer = conv({ id: 'c-new', status: 'resolved', resolvedAt: NOW - DAY, createdAt: NOW - 2 * 3600_000 });
    expect(findLinkTarget([open, newer, tooOld], 'cu-1', 'payment', NOW)?.id).toBe('c-new');
  });

  it('routes to the owner when online, to the team queue marked "owner away" otherwise', () => {
    const prev = conv({});
    expect(routeToOwner(prev, { id: 'a-lina', presence: 'online' })).toEqual({ ownerId: 'a-lina', assigneeId: 'a-lina', ownerAway: false });
    expect(routeToOwner(prev, { id: 'a-lina', presence: 'away' })).toEqual({ ownerId: 'a-lina', assigneeId: null, ownerAway: true });
    expect(routeToOwner(prev, { id: 'a-lina', presence: 'offline' }).ownerAway).toBe(true);
    expect(routeToOwner(conv({ ownerId: null }), undefined)).toEqual({ ownerId: null, assigneeId: null, ownerAway: false });
    expect(routeToOwner(null, undefined).ownerId).toBeNull();
  });

  it('refuses transfers to trainees, to the same owner, and of closed conversations', () => {
    expect(transferProblem(conv({}), { id: 'a-james', role: 'agent' })).toBeNull();
    expect(transferProblem(conv({}), { id: 'a-lina', role: 'agent' })).toBe('same_owner');
    expect(transferProblem(conv({}), { id: 'a-liuyang', role: 'trainee' })).toBe('not_live_agent');
    expect(transferProblem(conv({ status: 'closed' }), { id: 'a-james', role: 'agent' })).toBe('closed');
  });

  it('lists what waited for the owner, solved ones excluded', () => {
    const list = [conv({ id: 'c-a', ownerAway: true }), conv({ id: 'c-b', ownerAway: true, status: 'resolved' }), conv({ id: 'c-c' })];
    expect(waitingForOwner(list, 'a-lina').map((c) => c.id)).toEqual(['c-a']);
    expect(waitingForOwner(list, 'a-james')).toEqual([]);
  });
});

describe('status transitions', () => {
  it('allows the working cycle and reopening, refuses the rest', () => {
    expect(canTransition('open', 'pending')).toBe(true);
    expect(canTransition('pending', 'resolved')).toBe(true);
    expect(canTransition('resolved', 'open')).toBe(true);
    expect(canTransition('closed', 'resolved')).toBe(false);
    expect(canTransition('closed', 'open')).toBe(false);
    expect(canTransition('resolved', 'pending')).toBe(false);
    expect(canTransition('bot', 'open')).toBe(false);
  });
});
