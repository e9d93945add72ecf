import { route, type Candidate } from '../../shared/rules/routing';
import { CATEGORIES, type Category } from '../../shared/schema';

/**
 * `npm run bench -- routing`: 10 000 hand-overs across 200 agents through the pure routing rule, as the core runs
 * it (building the candidate list with each agent's load, then scoring). Agents come in 10 profiles of 20 identical
 * agents, so "equally skilled" groups exist; conversations are resolved as time goes on (capacity frees up).
 * Prints p50/p95/p99 per decision and the load spread (max/min assigned within each equal group).
 */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export default async function () {
  const rand = rng(11);
  const profiles = Array.from({ length: 10 }, (_, p) => ({
    skills: Object.fromEntries(CATEGORIES.map((c) => [c, Math.floor(rand() * 6)])) as Partial<Record<Category, number>>,
    languages: p % 3 === 0 ? (['en'] as const) : p % 3 === 1 ? (['zh-CN'] as const) : (['zh-CN', 'en'] as const),
    capacity: 10 + p * 2,
    vipSkill: p % 4 === 0,
  }));
  const agents: (Candidate & { group: number })[] = [];
  for (let i = 0; i < 200; i++) {
    const p = profiles[i % 10];
    agents.push({ id: `a-${i}`, name: `Agent ${i}`, role: 'agent', disabled: false, presence: 'online', skills: { ...p.skills }, languages: [...p.languages], capacity: p.capacity, vipSkill: p.vipSkill, load: 0, lastAssignedAt: null, group: i % 10 });
  }
  const loads = new Map<string, number>();
  const assigned = new Map<string, number>();
  const open: { agentId: string; until: number }[] = [];
  const times: number[] = [];
  let waiting = 0;
  let now = 0;
  for (let n = 0; n < 10_000; n++) {
    now += 2_000 + Math.floor(rand() * 4_000);
    // Work finishes: conversations resolved after 10–40 minutes free their agent's capacity.
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i].until > now) continue;
      loads.set(open[i].agentId, (loads.get(open[i].agentId) ?? 0) - 1);
      open.splice(i, 1);
    }
    const req = { category: CATEGORIES[Math.floor(rand() * 5)], locale: rand() < 0.6 ? ('zh-CN' as const) : ('en' as const), vip: rand() < 0.1, ownerId: rand() < 0.2 ? `a-${Math.floor(rand() * 200)}` : null, now };
    const t = performance.now();
    for (const a of agents) a.load = loads.get(a.id) ?? 0; // what the core's candidate list costs
    const d = route(agents, req, { vipFirst: true });
    times.push(performance.now() - t);
    if (!d.agentId) {
      waiting++;
      continue;
    }
    loads.set(d.agentId, (loads.get(d.agentId) ?? 0) + 1);
    assigned.set(d.agentId, (assigned.get(d.agentId) ?? 0) + 1);
    agents.find((a) => a.id === d.agentId)!.lastAssignedAt = now;
    open.push({ agentId: d.agentId, until: now + (10 + rand() * 30) * 60_000 });
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))].toFixed(4);
  console.log(`10 000 hand-overs, 200 agents: per decision p50 ${q(0.5)} ms, p95 ${q(0.95)} ms (goal ≤ 1 ms), p99 ${q(0.99)} ms; ${waiting} waited (nobody suitable)`);
  console.log('load spread among equally skilled agents (assigned over the run, per group of 20 identical profiles):');
  for (let g = 0; g < 10; g++) {
    const counts = agents.filter((a) => a.group === g).map((a) => assigned.get(a.id) ?? 0);
    const p = profiles[g];
    console.log(`  group ${g} (${p.languages.join('+')}, capacity ${p.capacity}${p.vipSkill ? ', VIP' : ''}): min ${Math.min(...counts)}, max ${Math.max(...counts)}, total ${counts.reduce((a, b) => a + b, 0)}`);
  }
}
