import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store/openStore';
import type { Change, Store } from '../../electron/core/store/types';

/**
 * Trusted commits (CommitOptions.trusted, the spool import's batches): the frame of each change is checked, the
 * record schemas are not (in the app); a record that is wrong all the same is quarantined by the next open, never
 * lost; under test the schemas are checked anyway, so a core bug fails here first.
 */
const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'kefu-trusted-'));
  dirs.push(d);
  return d;
};
async function open(dir: string, validateTrusted?: boolean) {
  const s = await openStore({ dir, log: () => {}, validateTrusted });
  stores.push(s);
  return s;
}
async function reopen(s: Store, dir: string, validateTrusted?: boolean) {
  stores.splice(stores.indexOf(s), 1);
  await s.close();
  return open(dir, validateTrusted);
}
const customer = (id: string, over: object = {}) => ({ id, name: `客户 ${id}`, tier: 'normal' as const, locale: 'zh-CN' as const, createdAt: 1_700_000_000_000, ...over });
const put = (rec: object) => ({ op: 'put', coll: 'customers', rec }) as Change;

describe('store: trusted commits', () => {
  it('are durable like any commit and keep the records as given', async () => {
    const dir = tempDir();
    const s = await open(dir, false);
    const rec = customer('u1');
    s.commit([put(rec), put(customer('u2'))], { trusted: true });
    expect(s.get('customers', 'u1')).toBe(rec); // not re-parsed into a copy
    const s2 = await reopen(s, dir, false);
    expect(s2.get('customers', 'u1')).toEqual(rec);
    expect(s2.all('customers').size).toBe(2);
    expect(s2.problems).toEqual([]);
  });

  it('still refuse a bad frame (unknown collection, missing id, unknown op) and then write nothing', async () => {
    const dir = tempDir();
    const s = await open(dir, false);
    s.commit([put(customer('u0'))]);
    const journal = readFileSync(path.join(dir, 'journal-0.ndjson'));
    const bad: [Change[], RegExp][] = [
      [[put(customer('u1')), { op: 'put', coll: 'nope', rec: { id: 'x' } } as unknown as Change], /#1 nope\/x: unknown collection/],
      [[put({ name: 'no id' })], /#0 customers\/\?: id/],
      [[put({ ...customer('u1'), id: 'x'.repeat(129) })], /1–128/],
      [[{ op: 'del', coll: 'customers', id: '' } as Change], /del needs a string id/],
      [[{ op: 'upsert', coll: 'customers', rec: customer('u1') } as unknown as Change], /unknown op/],
      [[{ op: 'put', coll: 'customers', rec: null } as unknown as Change], /record object/],
    ];
    for (const [changes, error] of bad) {
      await expect(s.commit(changes, { trusted: true })).rejects.toThrow(/nothing was written/);
      await expect(s.commit(changes, { trusted: true })).rejects.toThrow(error);
    }
    expect(s.get('customers', 'u1')).toBeUndefined();
    expect(readFileSync(path.join(dir, 'journal-0.ndjson'))).toEqual(journal);
  });

  it('in the app, a record that breaks its schema goes in; the next open quarantines it and keeps the rest', async () => {
    const dir = tempDir();
    const s = await open(dir, false);
    s.commit([put(customer('u1')), put(customer('u2', { tier: 'platinum' }))], { trusted: true });
    expect(s.get('customers', 'u2')).toMatchObject({ tier: 'platinum' });
    const s2 = await reopen(s, dir, false);
    expect(s2.get('customers', 'u1')).toEqual(customer('u1'));
    expect(s2.get('customers', 'u2')).toBeUndefined();
    expect(s2.problems).toMatchObject([{ kind: 'invalid_record', source: 'customers/u2' }]);
  });

  it('an untrusted commit is always validated, and under test so is a trusted one', async () => {
    const dir = tempDir();
    const app = await open(dir, false);
    await expect(app.commit([put(customer('u2', { tier: 'platinum' }))])).rejects.toThrow(/customers\/u2.*tier/s);
    const s = await reopen(app, dir); // default: on under vitest
    await expect(s.commit([put(customer('u2', { tier: 'platinum' }))], { trusted: true })).rejects.toThrow(/customers\/u2.*tier/s);
    expect(s.get('customers', 'u2')).toBeUndefined();
  });
});
