import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from '../../shared/rules/jsonDepth';
import { parseCannedFile } from '../../shared/rules/cannedExchange';
import { coreSandbox } from './coreSandbox';

const depthOf = (v: unknown): number => (Array.isArray(v) ? 1 + Math.max(0, ...v.map(depthOf)) : v && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);

describe('nesting depth, in one pass', () => {
  it('property: agrees with the parsed value, brackets inside strings ignored', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (v, limit) => {
        const text = JSON.stringify(v);
        expect(jsonDepthExceeds(text, limit).exceeded).toBe(depthOf(v) > limit);
      }),
    );
    expect(jsonDepthExceeds('["[[[[", "{{{{\\"[["]', 1).exceeded).toBe(false);
  });

  it('a canned file nested a million levels deep is refused by name, not by a stack overflow', async () => {
    const r = parseCannedFile('['.repeat(1_000_000));
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'too_deep', params: { max: 64 } }] });
    const { open, call } = sandbox;
    const { core } = await open();
    const answer = await call(core, 'canned.import', { text: `[${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}]` });
    expect(answer).toMatchObject({ committed: false, problems: [{ code: 'too_deep' }] });
  });
});
const sandbox = coreSandbox('kefu-depth-');
