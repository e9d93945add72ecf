/**
 * Store problems stay listed on every start until a lead dismisses them (problems.dismiss, audited); an agent may not.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreSandbox } from './coreSandbox';

const { open, call } = coreSandbox('kefu-problems-');

/** Flips one byte inside a message body of the newest snapshot: still valid JSON, wrong checksum. */
function damageOneMessage(dataDir: string): string {
  const snap = readdirSync(dataDir).filter((f) => /^snapshot-\d+\.json$/.test(f)).sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0])).pop()!;
  const file = path.join(dataDir, snap);
  const text = readFileSync(file, 'utf8');
  const m = /\{"id":"(m-[^"]+)","conversationId":"[^"]+","author":"[^"]+","authorId":(?:null|"[^"]*"),"body":"([a-zA-Z])/.exec(text)!;
  expect(m, 'a message body to damage').not.toBeNull();
  const at = m.index + m[0].length - 1;
  writeFileSync(file, text.slice(0, at) + (m[2] === 'x' ? 'y' : 'x') + text.slice(at + 1));
  return m[1];
}

describe('store problems', () => {
  it('a problem found on one start is listed after a clean restart, until a lead dismisses it (audited)', async () => {
    const first = await open();
    const dataDir = first.dataDir;
    await first.core.close();
    const damagedId = damageOneMessage(dataDir);

    // Start 2 finds the damage: the message is quarantined, the problem listed.
    const { core: c2 } = await open(dataDir);
    expect(c2.store.get('messages', damagedId)).toBeUndefined();
    const s2 = await call(c2, 'session.get', {});
    expect(s2.problems).toHaveLength(1);
    const problem = s2.problems[0];
    expect(problem).toMatchObject({ kind: 'invalid_record', source: `messages/${damagedId}` });
    expect(problem.id).toMatch(/^sp-/);
    await c2.close();

    // Start 3 is clean (the compaction rewrote the snapshot), and the problem is still listed, before sign-in too.
    const { core: c3 } = await open(dataDir);
    expect(c3.store.newProblems).toEqual([]);
    expect((await call(c3, 'session.get', {})).problems.map((p: { id: string }) => p.id)).toEqual([problem.id]);
    const status = await c3.raw.call('session.status', {}, null);
    expect(status.ok && (status.value as { problems: unknown[] }).problems).toHaveLength(1);

    // An agent may not dismiss it; a lead may.
    const denied = await c3.call('problems.dismiss', { id: problem.id }, 's1');
    expect(denied.ok).toBe(false);
    expect(!denied.ok && denied.error.kind).toBe('forbidden');
    expect(c3.store.problems).toHaveLength(1);

    await call(c3, 'session.signIn', { agentId: 'a-zhaomin' }, 'lead');
    const missing = await c3.call('problems.dismiss', { id: 'sp-nope' }, 'lead');
    expect(!missing.ok && missing.error.kind).toBe('not_found');
    const r = await call(c3, 'problems.dismiss', { id: problem.id }, 'lead');
    expect(r).toMatchObject({ dismissed: { id: problem.id }, remaining: 0 });
    expect((await call(c3, 'session.get', {})).problems).toEqual([]);
    const audit = [...c3.store.all('audit').values()].filter((a) => a.action === 'problems.dismiss');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: 'a-zhaomin', targetId: problem.id });
    // The quarantined data itself stays: dismissing only takes it off the list.
    expect(readFileSync(problem.quarantinedTo, 'utf8')).toContain(damagedId);
    await c3.close();

    // Gone for good after a restart.
    const { core: c4 } = await open(dataDir);
    expect((await call(c4, 'session.get', {})).problems).toEqual([]);
    expect(c4.store.problems).toEqual([]);
  });
});
