import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityOf, canTake, route, scoreOf, type Candidate, type RouteRequest } from '../../shared/rules/routing';
import { CATEGORIES, type Category } from '../../shared/schema';

/** The routing rule (shared/rules/routing.ts), one rule at a time, then properties over random teams. */
const agent = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  name: id,
  role: 'agent',
  disabled: false,
  presence: 'online',
  skills: { payment: 3, account: 3, video_upload: 3, complaint: 3, other: 3 },
  languages: ['zh-CN', 'en'],
  capacity: 10,
  vipSkill: false,
  load: 0,
  lastAssignedAt: null,
  ...over,
});
const req = (over: Partial<RouteRequest> = {}): RouteRequest => ({ category: 'payment', locale: 'zh-CN', vip: false, ownerId: null, now: 1_000_000, ...over });
const S = { vipFirst: true };
const codes = (d: { reasons: { code: string }[] }) => d.reasons.map((r) => r.code);

describe('routing, rule by rule', () => {
  it('the dedicated owner wins when available and under capacity, whatever the others score', () => {
    const d = route([agent('a', { skills: { payment: 5 } }), agent('owner', { skills: { payment: 1 }, load: 9 })], req({ ownerId: 'owner' }), S);
    expect(d).toMatchObject({ agentId: 'owner', ownerAway: false });
    expect(d.reasons[0]).toEqual({ code: 'dedicated_owner', params: { agentId: 'owner', name: 'owner' } });
  });

  it('a busy owner takes it only when nobody available fits', () => {
    expect(route([agent('a'), agent('owner', { presence: 'busy' })], req({ ownerId: 'owner' }), S)).toMatchObject({ agentId: 'a', ownerAway: true });
    const d = route([agent('owner', { presence: 'busy' })], req({ ownerId: 'owner' }), S);
    expect(d).toMatchObject({ agentId: 'owner', ownerAway: false });
    expect(codes(d)).toEqual(['dedicated_owner', 'load', 'busy']);
  });

  it('an away owner stays the owner: someone else covers and the conversation is marked owner-away', () => {
    const d = route([agent('a'), agent('owner', { presence: 'away' })], req({ ownerId: 'owner' }), S);
    expect(d).toMatchObject({ agentId: 'a', ownerAway: true });
    expect(codes(d)[0]).toBe('owner_away');
  });

  it('a full owner: someone else covers, not marked away', () => {
    const d = route([agent('a'), agent('owner', { load: 10 })], req({ ownerId: 'owner' }), S);
    expect(d).toMatchObject({ agentId: 'a', ownerAway: false });
    expect(d.reasons[0]).toMatchObject({ code: 'owner_full', params: { load: 10, capacity: 10 } });
  });

  it('skill for the category: the higher skill wins at equal load', () => {
    const d = route([agent('low', { skills: { payment: 2 } }), agent('high', { skills: { payment: 5 } })], req(), S);
    expect(d.agentId).toBe('high');
    expect(d.reasons).toContainEqual({ code: 'skill', params: { category: 'payment', level: 5 } });
  });

  it('no skill in the category (0 or missing): never chosen', () => {
    expect(route([agent('none', { skills: { account: 5 } })], req(), S)).toMatchObject({ agentId: null });
    expect(codes(route([agent('none', { skills: { account: 5 } })], req(), S))).toEqual(['nobody_available']);
  });

  it('language: an agent who does not speak the customer’s language is not chosen', () => {
    const d = route([agent('zh', { languages: ['zh-CN'], skills: { payment: 5 } }), agent('en', { languages: ['en'] })], req({ locale: 'en' }), S);
    expect(d.agentId).toBe('en');
    expect(d.reasons).toContainEqual({ code: 'language', params: { locale: 'en' } });
  });

  it('load against capacity: headroom outweighs one skill level; a full agent gets nothing', () => {
    expect(route([agent('busy', { skills: { payment: 4 }, load: 9 }), agent('free', { skills: { payment: 3 }, load: 0 })], req(), S).agentId).toBe('free');
    expect(route([agent('full', { load: 10, skills: { payment: 5 } })], req(), S).agentId).toBeNull();
    expect(route([agent('zero', { capacity: 0 })], req(), S).agentId).toBeNull();
    expect(scoreOf(agent('x', { skills: { payment: 3 }, load: 3, capacity: 8 }), 'payment')).toBe(75 + 62.5);
  });

  it('availability: away and offline get nothing; busy only when no available agent fits', () => {
    expect(route([agent('away', { presence: 'away' }), agent('off', { presence: 'offline' })], req(), S).agentId).toBeNull();
    expect(route([agent('busy', { presence: 'busy', skills: { payment: 5 } }), agent('ok', { skills: { payment: 1 } })], req(), S).agentId).toBe('ok');
    const d = route([agent('busy', { presence: 'busy' })], req(), S);
    expect(d.agentId).toBe('busy');
    expect(codes(d)).toContain('busy');
    expect(availabilityOf('busy')).toBe('busy');
  });

  it('trainees never, leads not by the rule, disabled never', () => {
    const team = [agent('t', { role: 'trainee' }), agent('l', { role: 'lead' }), agent('d', { disabled: true })];
    expect(route(team, req(), S).agentId).toBeNull();
  });

  it('VIP customers go to VIP-skilled agents when one fits, otherwise to the best other', () => {
    const team = [agent('plain', { skills: { payment: 5 } }), agent('vip', { skills: { payment: 2 }, vipSkill: true })];
    const d = route(team, req({ vip: true }), S);
    expect(d.agentId).toBe('vip');
    expect(codes(d)).toContain('vip_skill');
    expect(route(team, req({ vip: true }), { vipFirst: false }).agentId).toBe('plain');
    expect(route([team[0], { ...team[1], presence: 'away' as const }], req({ vip: true }), S).agentId).toBe('plain');
  });

  it('fairness: at equal score the one longest since their last assignment wins (never assigned first)', () => {
    const d = route([agent('recent', { lastAssignedAt: 900_000 }), agent('earlier', { lastAssignedAt: 100_000 })], req(), S);
    expect(d.agentId).toBe('earlier');
    expect(d.reasons.at(-1)).toEqual({ code: 'least_recent', params: { sinceMs: 900_000 } });
    expect(route([agent('b', { lastAssignedAt: 5 }), agent('a', { lastAssignedAt: null })], req(), S).agentId).toBe('a');
  });

  it('fairness over time: equal agents take turns (round robin as loads and times move)', () => {
    const team = ['a', 'b', 'c', 'd'].map((id) => agent(id, { capacity: 100 }));
    const counts = new Map<string, number>();
    for (let i = 0; i < 40; i++) {
      const d = route(team, req({ now: i }), S);
      const w = team.find((a) => a.id === d.agentId)!;
      w.load++;
      w.lastAssignedAt = i;
      counts.set(w.id, (counts.get(w.id) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([10, 10, 10, 10]);
  });
});

const arbAgent = (i: number) =>
  fc.record({
    role: fc.constantFrom('agent', 'agent', 'agent', 'trainee', 'lead'),
    disabled: fc.boolean(),
    presence: fc.constantFrom('online', 'busy', 'away', 'offline'),
    skills: fc.dictionary(fc.constantFrom(...CATEGORIES), fc.integer({ min: 0, max: 5 })),
    languages: fc.constantFrom<('zh-CN' | 'en')[]>(['zh-CN'], ['en'], ['zh-CN', 'en']),
    capacity: fc.integer({ min: 0, max: 12 }),
    load: fc.integer({ min: 0, max: 14 }),
    vipSkill: fc.boolean(),
    lastAssignedAt: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  }).map((r) => ({ ...r, id: `a${i}`, name: `a${i}` }) as Candidate);

const arbTeam = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbAgent(i))));
const arbReq = fc.record({
  category: fc.constantFrom<Category>(...CATEGORIES),
  locale: fc.constantFrom<'zh-CN' | 'en'>('zh-CN', 'en'),
  vip: fc.boolean(),
  ownerId: fc.option(fc.constantFrom('a0', 'a1', 'a2'), { nil: null }),
  now: fc.constant(2_000_000),
});

describe('routing properties', () => {
  it('never assigns to an away or full agent, never to a trainee; the owner only when available with room', () => {
    fc.assert(
      fc.property(arbTeam, arbReq, fc.boolean(), (team, r, vipFirst) => {
        const d = route(team, r, { vipFirst });
        if (d.agentId === null) return;
        const a = team.find((x) => x.id === d.agentId)!;
        expect(a.role).not.toBe('trainee');
        expect(availabilityOf(a.presence)).not.toBe('away');
        expect(a.load).toBeLessThan(a.capacity);
        // The owner skips skill and language (they know the customer), never availability or room.
        const ownerPath = a.id === r.ownerId && a.role !== 'trainee' && !a.disabled && availabilityOf(a.presence) === 'available';
        expect(canTake(a, r) || ownerPath).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('someone is chosen whenever anyone can take it; nobody only with the reason said', () => {
    fc.assert(
      fc.property(arbTeam, arbReq, (team, r) => {
        const d = route(team, r, S);
        const anyone = team.some((a) => canTake(a, r));
        if (anyone) expect(d.agentId).not.toBeNull();
        if (d.agentId === null) expect(codes(d)).toContain('nobody_available');
      }),
      { numRuns: 500 },
    );
  });

  it('the winner has the best score among the available agents who can take it (the owner rule aside)', () => {
    fc.assert(
      fc.property(arbTeam, arbReq, (team, r0) => {
        const r = { ...r0, ownerId: null, vip: false };
        const d = route(team, r, S);
        const pool = team.filter((a) => canTake(a, r) && availabilityOf(a.presence) === 'available');
        if (pool.length === 0) return;
        const best = Math.max(...pool.map((a) => scoreOf(a, r.category)));
        expect(d.score).toBe(best);
      }),
      { numRuns: 500 },
    );
  });
});
