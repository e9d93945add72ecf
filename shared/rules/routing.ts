import type { Agent, Presence } from '../schema/agent';
import type { RouteReason } from '../schema/bot';
import type { Category, Locale } from '../schema/common';
import type { RoutingSettings } from '../schema/settings';

/**
 * Routing a handed-over conversation to the most suitable agent: a pure scoring rule (docs/rules.md "Routing").
 *
 * 1. The customer's dedicated owner (shared/rules/ownership.ts: the owner of the issue this one continues) wins
 *    when available and under capacity. Otherwise the owner stays the owner and someone else covers.
 * 2. Otherwise only agents who can take it are considered: role `agent` (trainees never; leads supervise and
 *    take work by hand), enabled, not away, under capacity, speaking the customer's language, with skill ≥ 1
 *    in the category. VIPs go to VIP-skilled agents when one fits (setting `routing.vipFirst`). Busy agents are
 *    considered only when no available one fits.
 * 3. Score = 25 × skill level + 100 × free share of capacity; highest wins. Ties go to whoever waited longest since
 *    their last assignment (never assigned first), then by id, so equally placed agents take turns.
 */

export type Availability = 'available' | 'busy' | 'away';

/** Availability as routing reads the agent's presence: offline counts as away. */
export function availabilityOf(presence: Presence): Availability {
  return presence === 'online' ? 'available' : presence === 'busy' ? 'busy' : 'away';
}

export interface Candidate extends Pick<Agent, 'id' | 'name' | 'role' | 'disabled' | 'presence' | 'skills' | 'languages' | 'capacity' | 'vipSkill'> {
  /** Active conversations assigned to them now. */
  load: number;
  /** When routing last gave them one (null: never). */
  lastAssignedAt: number | null;
}

export interface RouteRequest {
  category: Category;
  locale: Locale;
  vip: boolean;
  /** The customer's dedicated owner for this issue, if any. */
  ownerId: string | null;
  now: number;
}

export interface RouteDecision {
  agentId: string | null;
  score: number | null;
  reasons: RouteReason[];
  /** The dedicated owner is away (or busy): the conversation is marked "owner away" and returns to them. */
  ownerAway: boolean;
}

export const SKILL_WEIGHT = 25;
export const HEADROOM_WEIGHT = 100;

export const hasRoom = (a: Pick<Candidate, 'load' | 'capacity'>): boolean => a.capacity > 0 && a.load < a.capacity;

/** Whether this agent may be given the conversation at all (the owner rule aside). */
export function canTake(a: Candidate, req: Pick<RouteRequest, 'category' | 'locale'>): boolean {
  return (
    a.role === 'agent' &&
    !a.disabled &&
    availabilityOf(a.presence) !== 'away' &&
    hasRoom(a) &&
    a.languages.includes(req.locale) &&
    (a.skills[req.category] ?? 0) >= 1
  );
}

export function scoreOf(a: Candidate, category: Category): number {
  const skill = a.skills[category] ?? 0;
  const free = a.capacity > 0 ? 1 - a.load / a.capacity : 0;
  return Math.round((SKILL_WEIGHT * skill + HEADROOM_WEIGHT * free) * 10) / 10;
}

/** Better first: score, then longest since last assignment (never first), then id. */
function better(a: { c: Candidate; score: number }, b: { c: Candidate; score: number }): number {
  if (a.score !== b.score) return b.score - a.score;
  const la = a.c.lastAssignedAt ?? -Infinity;
  const lb = b.c.lastAssignedAt ?? -Infinity;
  if (la !== lb) return la - lb;
  return a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0;
}

const loadReason = (a: Candidate): RouteReason => ({ code: 'load', params: { load: a.load, capacity: a.capacity } });

export function route(agents: readonly Candidate[], req: RouteRequest, settings: RoutingSettings): RouteDecision {
  const reasons: RouteReason[] = [];
  let ownerAway = false;
  const owner = req.ownerId ? agents.find((a) => a.id === req.ownerId) : undefined;
  if (owner && !owner.disabled && owner.role !== 'trainee') {
    const availability = availabilityOf(owner.presence);
    if (availability === 'available' && hasRoom(owner)) {
      return { agentId: owner.id, score: scoreOf(owner, req.category), reasons: [{ code: 'dedicated_owner', params: { agentId: owner.id, name: owner.name } }, loadReason(owner)], ownerAway: false };
    }
    if (availability !== 'available') {
      ownerAway = true;
      reasons.push({ code: 'owner_away', params: { agentId: owner.id, name: owner.name } });
    } else reasons.push({ code: 'owner_full', params: { agentId: owner.id, name: owner.name, load: owner.load, capacity: owner.capacity } });
  }

  // A busy owner stays in the pool: when only busy agents fit, the owner is the one to take it.
  let pool = agents.filter((a) => canTake(a, req));
  let vip = false;
  if (req.vip && settings.vipFirst) {
    const skilled = pool.filter((a) => a.vipSkill === true);
    if (skilled.length) {
      pool = skilled;
      vip = true;
    }
  }
  const available = pool.filter((a) => availabilityOf(a.presence) === 'available');
  const busyOnly = available.length === 0 && pool.length > 0;
  if (!busyOnly) pool = available;
  if (pool.length === 0) return { agentId: null, score: null, reasons: [...reasons, { code: 'nobody_available', params: {} }], ownerAway };

  let best = { c: pool[0], score: scoreOf(pool[0], req.category) };
  let tied = false;
  for (let i = 1; i < pool.length; i++) {
    const next = { c: pool[i], score: scoreOf(pool[i], req.category) };
    const cmp = better(next, best);
    if (next.score === best.score) tied = true;
    if (cmp < 0) best = next;
  }
  const w = best.c;
  if (w.id === owner?.id) {
    return { agentId: w.id, score: best.score, reasons: [{ code: 'dedicated_owner', params: { agentId: w.id, name: w.name } }, loadReason(w), { code: 'busy', params: {} }], ownerAway: false };
  }
  if (vip) reasons.push({ code: 'vip_skill', params: {} });
  reasons.push({ code: 'skill', params: { category: req.category, level: w.skills[req.category] ?? 0 } });
  reasons.push({ code: 'language', params: { locale: req.locale } });
  reasons.push(loadReason(w));
  if (busyOnly) reasons.push({ code: 'busy', params: {} });
  if (tied && pool.some((a) => a !== w && scoreOf(a, req.category) === best.score)) {
    reasons.push({ code: 'least_recent', params: { sinceMs: w.lastAssignedAt === null ? -1 : Math.max(0, req.now - w.lastAssignedAt) } });
  }
  return { agentId: w.id, score: best.score, reasons, ownerAway };
}
