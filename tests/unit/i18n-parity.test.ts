import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// zh-CN and en are both first-class: every string exists in both, with the same interpolation variables.
const dir = 'renderer/src/i18n/locales';
const load = (locale: string, file: string) => JSON.parse(readFileSync(`${dir}/${locale}/${file}`, 'utf8')) as Record<string, unknown>;

function flatten(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof obj === 'string') out.set(prefix, obj);
  else if (obj && typeof obj === 'object') for (const [k, v] of Object.entries(obj)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  return out;
}
// Plural forms differ by language (zh has only "other"): compare keys without the _one/_other suffix.
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const vars = (s: string) => [...s.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const files = readdirSync(`${dir}/en`).sort();

  it('have the same files in both languages', () => {
    expect(readdirSync(`${dir}/zh-CN`).sort()).toEqual(files);
  });

  for (const file of files) {
    it(`${file}: the same keys and variables in zh-CN and en, and no empty string`, () => {
      const en = flatten(load('en', file));
      const zh = flatten(load('zh-CN', file));
      expect([...new Set([...zh.keys()].map(base))].sort()).toEqual([...new Set([...en.keys()].map(base))].sort());
      for (const [key, text] of [...en, ...zh]) expect(text.trim(), key).not.toBe('');
      const byBase = (m: Map<string, string>) => new Map([...m].map(([k, v]) => [base(k), vars(v)]));
      const enVars = byBase(en);
      for (const [key, v] of byBase(zh)) expect(v, `${file} ${key}`).toEqual(enVars.get(key));
    });
  }
});
