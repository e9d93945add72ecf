import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIO_FILES } from '../../shared/data/training';
import { TrainingScenario } from '../../shared/schema';
import { builtinScenarios, effectiveScenarios } from '../../electron/core/services/training/library';
import { CANNED } from '../../electron/core/seed/phrases';

/** The built-in scenario library (shared/data/training) against its schema and the coverage. */
describe('the built-in training library', () => {
  it('every file passes TrainingScenario, with unique ids', () => {
    for (const raw of BUILTIN_SCENARIO_FILES) {
      const r = TrainingScenario.safeParse(raw);
      expect(r.success, `${(raw as { id: string }).id}: ${r.success ? '' : r.error.message}`).toBe(true);
    }
    const ids = builtinScenarios().map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has at least 12 scenarios in zh and en across account, video upload, payment, complaint, a severe complaint to escalate and an angry VIP', () => {
    const all = builtinScenarios();
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const locale of ['zh-CN', 'en'] as const) {
      const mine = all.filter((s) => s.locale === locale);
      expect(new Set(mine.map((s) => s.category))).toEqual(new Set(['account', 'video_upload', 'payment', 'complaint']));
      expect(mine.some((s) => s.tags.includes('severe_complaint') && s.escalationRequired)).toBe(true);
      expect(mine.some((s) => s.tags.includes('angry_vip') && s.persona.tier === 'vip')).toBe(true);
    }
  });

  it('every node is reachable from the opening and every scenario can end resolved or escalated', () => {
    for (const s of builtinScenarios()) {
      const seen = new Set<string>([s.nodes[0].id]);
      const todo = [s.nodes[0].id];
      while (todo.length) {
        const id = todo.pop();
        const n = s.nodes.find((x) => x.id === id)!;
        for (const b of n.branches) if (!seen.has(b.next)) (seen.add(b.next), todo.push(b.next));
      }
      expect([...seen].sort(), s.id).toEqual(s.nodes.map((n) => n.id).sort());
      expect(s.nodes.some((n) => n.end === (s.escalationRequired ? 'escalated' : 'resolved')), s.id).toBe(true);
    }
  });

  it('expected canned replies name shortcuts of the demo library in the scenario language', () => {
    for (const s of builtinScenarios()) {
      for (const sc of s.expectedCanned) expect(CANNED.some((c) => c.shortcut === sc && c.locale === s.locale), `${s.id} /${sc}`).toBe(true);
    }
  });

  it('the team overlay replaces, hides and adds like the FAQ', () => {
    const [first, second] = builtinScenarios();
    const edited = { ...first, title: 'Edited' };
    const added = { ...second, id: 'team-own', title: 'Ours' };
    const lib = effectiveScenarios([
      { id: first.id, scenario: edited, deleted: false, updatedAt: 1, updatedBy: 'a' },
      { id: second.id, scenario: null, deleted: true, updatedAt: 1, updatedBy: 'a' },
      { id: 'team-own', scenario: added, deleted: false, updatedAt: 1, updatedBy: 'a' },
    ]);
    expect(lib.find((e) => e.scenario.id === first.id)).toMatchObject({ origin: 'edited', scenario: { title: 'Edited' } });
    expect(lib.find((e) => e.scenario.id === second.id)).toBeUndefined();
    expect(lib.find((e) => e.scenario.id === 'team-own')).toMatchObject({ origin: 'added' });
    expect(lib.length).toBe(builtinScenarios().length);
  });
});
