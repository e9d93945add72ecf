import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { manualClock } from '../../electron/core/clock';
import { silentLog } from '../../electron/core/log';
import type { Output, Result } from '../../shared/contract';
import { parseCannedFile } from '../../shared/rules/cannedExchange';
import { withNamedSessions } from './coreSandbox';

const NOW = Date.parse('2026-11-24T09:00:00+08:00');
let core: Core;
let dir: string;
const AGENT = 's-agent';
const LEAD = 's-lead';
const OTHER = 's-other';

async function call<T>(name: string, input: unknown, session = AGENT): Promise<T> {
  const r = (await core.call(name, input, session)) as Result<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.kind} ${r.error.message}`);
  return r.value;
}
const draft = (p: Record<string, unknown> = {}) => ({ title: '测试', body: '您好{{customer.name}}', category: null, locale: 'zh-CN', shortcut: '', scope: 'personal', ...p });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-canned-'));
  core = withNamedSessions(await createCore({ dataDir: dir, clock: manualClock(NOW), log: silentLog }));
  const agents = [...core.store.all('agents').values()];
  await call('session.signIn', { agentId: 'a-lina' }, AGENT);
  await call('session.signIn', { agentId: agents.find((a) => a.role === 'lead')!.id }, LEAD);
  await call('session.signIn', { agentId: 'a-zhangwei' }, OTHER);
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('canned reply scopes and permissions', () => {
  it('lists team and everyone replies for all, personal ones only for their author', async () => {
    const mine = await call<Output<'canned.list'>>('canned.list', {});
    const other = await call<Output<'canned.list'>>('canned.list', {}, OTHER);
    expect(mine.length).toBeGreaterThanOrEqual(24);
    expect(mine.some((r) => r.scope === 'personal')).toBe(true);
    expect(other.some((r) => r.scope === 'personal')).toBe(false);
    expect(mine.find((r) => r.shortcut === 'tuikuan')).toMatchObject({ initials: 'tksqysl', canManage: false });
  });

  it('lets an agent create, edit and delete a personal reply, and nobody else touch it', async () => {
    const created = await call<Output<'canned.save'>>('canned.save', draft({ shortcut: 'mine1' }));
    expect(created).toMatchObject({ scope: 'personal', ownerId: 'a-lina', usageCount: 0, canManage: true });
    await call('canned.save', { ...draft({ shortcut: 'mine1', title: '改过' }), id: created.id });
    expect(core.store.get('cannedReplies', created.id)!.title).toBe('改过');
    expect(await core.call('canned.save', { ...draft(), id: created.id }, OTHER)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await core.call('canned.delete', { id: created.id }, LEAD)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    await call('canned.delete', { id: created.id });
    expect(core.store.get('cannedReplies', created.id)).toBeUndefined();
  });

  it('refuses team and everyone replies to agents, in the core, and lets leads manage them (audited)', async () => {
    expect(await core.call('canned.save', draft({ scope: 'team' }), AGENT)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const team = (await call<Output<'canned.list'>>('canned.list', {})).find((r) => r.scope === 'team')!;
    expect(await core.call('canned.delete', { id: team.id }, AGENT)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    // An agent cannot promote their own reply to the team either.
    const own = await call<Output<'canned.save'>>('canned.save', draft());
    expect(await core.call('canned.save', { ...draft({ scope: 'everyone' }), id: own.id }, AGENT)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

    const made = await call<Output<'canned.save'>>('canned.save', draft({ scope: 'everyone', shortcut: 'new1' }), LEAD);
    expect(made).toMatchObject({ ownerId: null, canManage: true });
    expect((await call<Output<'canned.list'>>('canned.list', {})).find((r) => r.id === made.id)).toMatchObject({ canManage: false });
    await call('canned.delete', { id: team.id }, LEAD);
    const audit = [...core.store.all('audit').values()].map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['canned.create', 'canned.delete']));
  });

  it('keeps shortcuts unique within a scope and counts uses', async () => {
    expect(await core.call('canned.save', draft({ scope: 'team', shortcut: 'tuikuan' }), LEAD)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    // The same shortcut as a personal reply is fine (it is the agent's own shortcut).
    await call('canned.save', draft({ shortcut: 'tuikuan' }));
    const r = (await call<Output<'canned.list'>>('canned.list', {})).find((x) => x.shortcut === 'nihao')!;
    expect(await call('canned.use', { id: r.id })).toEqual({ id: r.id, usageCount: r.usageCount + 1 });
  });
});

describe('canned reply import and export', () => {
  it('exports what the caller sees and imports it back, updating by shortcut', async () => {
    const exported = await call<Output<'canned.export'>>('canned.export', {}, LEAD);
    expect(exported.fileName).toBe('kefu-canned-replies-2026-11-24.json');
    const parsed = parseCannedFile(exported.text);
    expect(parsed.ok && parsed.items.length).toBe((await call<Output<'canned.list'>>('canned.list', {}, LEAD)).length);
    const before = core.store.all('cannedReplies').size;
    const result = await call<Output<'canned.import'>>('canned.import', { text: exported.text }, LEAD);
    expect(result).toMatchObject({ committed: true, added: 0, problems: [] });
    expect(result.updated).toBeGreaterThan(20);
    expect(core.store.all('cannedReplies').size).toBe(before);
  });

  it('rejects a bad file with line-level problems and imports nothing of it', async () => {
    const text = [
      '[',
      '  { "title": "好的", "body": "收到", "locale": "zh-CN", "shortcut": "ok1" },',
      '  {',
      '    "title": "",',
      '    "body": "x",',
      '    "locale": "fr",',
      '    "shortcut": "ok2"',
      '  },',
      '  { "title": "团队", "body": "x", "locale": "en", "scope": "team" },',
      '  { "title": "Dup", "body": "x", "locale": "en", "shortcut": "ok1", "colour": "red" }',
      ']',
    ].join('\n');
    const before = core.store.all('cannedReplies').size;
    const r = await call<Output<'canned.import'>>('canned.import', { text });
    expect(r.committed).toBe(false);
    expect(r.problems.map((p) => [p.line, p.item, p.field, p.code])).toEqual([
      [4, 2, 'title', 'invalid_field'],
      [6, 2, 'locale', 'invalid_field'],
      [10, 4, 'colour', 'unknown_field'],
    ]);
    expect(r.problems[0].cause).toMatchObject({ path: ['title'], code: 'too_small', origin: 'string', minimum: 1 });
    expect(core.store.all('cannedReplies').size).toBe(before);

    // Fixed shape, but an agent may not import team replies, and a shortcut twice is refused: still nothing stored.
    const second = '[\n{ "title": "a", "body": "b", "locale": "en", "shortcut": "s1" },\n{ "title": "团队", "body": "x", "locale": "en", "scope": "team" },\n{ "title": "c", "body": "d", "locale": "en", "shortcut": "s1" }\n]';
    const r2 = await call<Output<'canned.import'>>('canned.import', { text: second });
    expect(r2.problems.map((p) => [p.line, p.field, p.code, p.params])).toEqual([
      [3, 'scope', 'lead_only', undefined],
      [4, 'shortcut', 'shortcut_twice', { shortcut: 's1', first: 1 }],
    ]);
    expect(core.store.all('cannedReplies').size).toBe(before);
  });

  it('names the line of a JSON syntax error', async () => {
    const r = await call<Output<'canned.import'>>('canned.import', { text: '[\n  { "title": "a",\n    "body": }\n]' });
    expect(r).toMatchObject({ committed: false, problems: [{ line: 3, item: null, code: 'not_json' }] });
  });
});
