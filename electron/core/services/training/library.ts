import { BUILTIN_SCENARIO_FILES } from '../../../../shared/data/training';
import { TrainingScenario, type TrainingScenarioRecord } from '../../../../shared/schema';

/**
 * The scenario library: the built-in files (shared/data/training), checked against TrainingScenario on first read
 * (a broken file fails loudly at once and in the unit tests), overlaid with the team's records like the FAQ: a
 * record with a built-in id replaces it (or hides it when deleted), any other id adds a scenario.
 */
let builtin: TrainingScenario[] | null = null;

export function builtinScenarios(): TrainingScenario[] {
  if (!builtin) {
    const ids = new Set<string>();
    builtin = BUILTIN_SCENARIO_FILES.map((raw, i) => {
      const r = TrainingScenario.safeParse(raw);
      if (!r.success) throw new Error(`shared/data/training: scenario #${i + 1} is invalid: ${r.error.message}`);
      if (ids.has(r.data.id)) throw new Error(`shared/data/training: duplicate id ${r.data.id}`);
      ids.add(r.data.id);
      return r.data;
    });
  }
  return builtin;
}

export type ScenarioOrigin = 'builtin' | 'edited' | 'added';

export interface LibraryEntry {
  scenario: TrainingScenario;
  origin: ScenarioOrigin;
}

export function effectiveScenarios(records: Iterable<TrainingScenarioRecord>): LibraryEntry[] {
  const byId = new Map<string, LibraryEntry>();
  for (const s of builtinScenarios()) byId.set(s.id, { scenario: s, origin: 'builtin' });
  for (const r of records) {
    if (r.deleted || !r.scenario) {
      byId.delete(r.id);
      continue;
    }
    const before = byId.get(r.id);
    byId.set(r.id, { scenario: r.scenario, origin: before && before.origin !== 'added' ? 'edited' : isBuiltin(r.id) ? 'edited' : 'added' });
  }
  return [...byId.values()].sort((a, b) => a.scenario.locale.localeCompare(b.scenario.locale) || a.scenario.title.localeCompare(b.scenario.title));
}

export const isBuiltin = (id: string): boolean => builtinScenarios().some((s) => s.id === id);
