/**
 * The store validates records with zod's compiled schemas (compiledSchemas.ts): faster, and it must never answer
 * differently from the runtime parser. Every demo record, and damaged copies of them (a field dropped, set to
 * another type, an unknown key, a nested value broken), must give the same success, the same output and the same
 * issues both ways.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../electron/core/seed/demoData';
import { messageSchema, recordSchemaOf } from '../../electron/core/store/compiledSchemas';
import { checkRecord } from '../../electron/core/store/validate';
import { COLLECTIONS, Message, recordSchemas, type CollectionName } from '../../shared/schema';

const demo = generateDemoData({ seed: 7, now: Date.parse('2026-11-24T09:00:00+08:00'), conversations: 60 });
const samples = COLLECTIONS.flatMap((c) => (demo[c] as unknown[]).slice(0, 40).map((rec) => [c, rec] as [CollectionName, unknown]));

type Outcome = { success: boolean; data?: unknown; issues?: unknown };
const outcome = (r: { success: boolean; data?: unknown; error?: { issues: unknown } }): Outcome =>
  r.success ? { success: true, data: r.data } : { success: false, issues: r.error!.issues };

/** A copy of `rec` with one thing changed at `path` (a field of the record, or of an object inside it). */
function damaged(rec: unknown, pick: number, change: 'drop' | 'number' | 'string' | 'null' | 'array' | 'extra'): unknown {
  const copy = structuredClone(rec) as Record<string, unknown>;
  const objects: Record<string, unknown>[] = [copy];
  for (const v of Object.values(copy)) if (v && typeof v === 'object' && !Array.isArray(v)) objects.push(v as Record<string, unknown>);
  const target = objects[pick % objects.length];
  const keys = Object.keys(target);
  if (change === 'extra') {
    target.unexpected = 1;
    return copy;
  }
  if (keys.length === 0) return copy;
  const key = keys[pick % keys.length];
  if (change === 'drop') delete target[key];
  else target[key] = { number: -1.5, string: '', null: null, array: [1, 'x'] }[change];
  return copy;
}

describe('compiled record schemas', () => {
  it('the demo store has records of most collections to compare', () => {
    expect(new Set(samples.map(([c]) => c)).size).toBeGreaterThanOrEqual(10);
  });

  it('property: compiled and runtime parsers agree on every record and every damaged copy', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.nat(),
        fc.constantFrom('drop', 'number', 'string', 'null', 'array', 'extra', 'none'),
        ([coll, rec], pick, change) => {
          const input = change === 'none' ? rec : damaged(rec, pick, change);
          const runtime = outcome(recordSchemas[coll].safeParse(structuredClone(input)));
          expect(outcome(recordSchemaOf(coll).safeParse(structuredClone(input)))).toEqual(runtime);
          // What the store keeps or reports goes through the compiled schema.
          const checked = checkRecord(coll, structuredClone(input));
          expect(checked.ok).toBe(runtime.success);
          if (checked.ok) expect(checked.value).toEqual(runtime.data);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('messages read from disk: the compiled message schema agrees too', () => {
    for (const m of demo.messages.slice(0, 50)) {
      for (const input of [m, { ...m, body: '' }, { ...m, at: -1 }, { ...m, author: 'robot' }, { ...m, internal: undefined }, { id: m.id }]) {
        expect(outcome(messageSchema().safeParse(input))).toEqual(outcome(Message.safeParse(input)));
      }
    }
  });
});
