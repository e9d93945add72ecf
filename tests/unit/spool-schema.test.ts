import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store/openStore';
import { SpoolInEvent, SpoolOutEvent, SCHEMA_VERSION } from '../../shared/schema';
import { iso, line, spoolSandbox } from './spool-helpers';
import { readFileSync } from 'node:fs';

const sb = spoolSandbox('kefu-spool-schema-');
const at = '2026-11-24T09:00:00+08:00';

describe('spool event schema', () => {
  it('accepts each event type, with the time read as epoch ms', () => {
    const events = [
      { id: 'e1', at, type: 'conversation.new', conversationId: 'P1', customer: { id: 'u1', name: '王小明', tier: 'vip', locale: 'zh-CN' }, category: 'payment', body: '付款失败' },
      { id: 'e2', at: '2026-11-24T01:00:00Z', type: 'customer.message', conversationId: 'P1', body: 'hi' },
      { id: 'e3', at, type: 'customer.profile', customerId: 'u1', tier: 'normal' },
      { id: 'e4', at, type: 'customer.rating', conversationId: 'P1', score: 5 },
      { id: 'e5', at, type: 'customer.closed', conversationId: 'P1' },
    ];
    for (const e of events) expect(SpoolInEvent.safeParse(e).success, e.type).toBe(true);
    expect(SpoolInEvent.parse(events[0]).at).toBe(Date.parse(at));
    expect(SpoolInEvent.parse(events[1]).at).toBe(Date.parse(at));
  });

  it('refuses what is not a valid event, naming the field', () => {
    const bad: [unknown, RegExp][] = [
      [{ id: 'e', at, type: 'customer.message', conversationId: 'P1' }, /body/],
      [{ id: 'e', at: '2026-11-24 09:00', type: 'customer.message', conversationId: 'P1', body: 'x' }, /at/], // no zone
      [{ id: '', at, type: 'customer.closed', conversationId: 'P1' }, /id/],
      [{ id: 'e', at, type: 'customer.rating', conversationId: 'P1', score: 6 }, /score/],
      [{ id: 'e', at, type: 'customer.profile', customerId: 'u1' }, /name, tier or locale/],
      [{ id: 'e', at, type: 'customer.closed', conversationId: 'P1', extra: 1 }, /extra/],
      [{ id: 'e', at, type: 'conversation.new', conversationId: 'P1', customer: { id: 'u', name: 'n', tier: 'gold', locale: 'en' }, category: 'payment', body: 'x' }, /tier/],
      [{ id: 'e', at, type: 'bot.reply', conversationId: 'P1' }, /type/],
    ];
    for (const [e, field] of bad) {
      const r = SpoolInEvent.safeParse(e);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')).toMatch(field);
    }
  });

  it('property: any valid event survives a JSON line round trip unchanged', () => {
    const arb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0 && s.trim() === s),
      at: fc.integer({ min: 0, max: 4102444800000 }).map(iso),
      type: fc.constant('customer.message' as const),
      conversationId: fc.constantFrom('P1', 'p-2', '会话-3'),
      body: fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() === s && s.length > 0),
    });
    fc.assert(
      fc.property(arb, (e) => {
        const parsed = SpoolInEvent.parse(JSON.parse(line(e)));
        expect(parsed).toEqual({ ...e, at: Date.parse(e.at) });
      }),
    );
  });

  it('outbound events use the same envelope', () => {
    expect(SpoolOutEvent.safeParse({ id: 'ob-1', at, type: 'agent.reply', conversationId: 'P1', author: 'agent', agentId: 'a-lina', body: '好的' }).success).toBe(true);
    expect(SpoolOutEvent.safeParse({ id: 'ob-2', at, type: 'conversation.status', conversationId: 'P1', from: 'open', to: 'resolved' }).success).toBe(true);
    expect(SpoolOutEvent.safeParse({ id: 'ob-3', at, type: 'rating.request', conversationId: 'P1' }).success).toBe(true);
  });

  it('the example file in docs/ is valid, one event per line, and covers every type', () => {
    const text = readFileSync(new URL('../../docs/spool-example.jsonl', import.meta.url), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const types = new Set(text.trimEnd().split('\n').map((l) => SpoolInEvent.parse(JSON.parse(l)).type));
    expect([...types].sort()).toEqual(['conversation.new', 'customer.closed', 'customer.message', 'customer.profile', 'customer.rating']);
  });
});

describe('existing stores', () => {
  it('a store written before the spool loads with the new collections empty and no problem', async () => {
    const dir = sb.tempDir();
    // A current-version snapshot without the spool collections (what earlier builds wrote).
    const snapshot = {
      version: SCHEMA_VERSION,
      gen: 0,
      collections: {
        customers: [{ id: 'u1', name: '王小明', tier: 'normal', locale: 'zh-CN', createdAt: 1 }],
        settings: [{ id: 'global', slaHours: { normal: 24, vip: 12 }, complaintWorkingDays: 7, atRiskMinutes: 120 }],
      },
    };
    writeFileSync(path.join(dir, 'snapshot-0.json'), JSON.stringify(snapshot));
    const store = await openStore({ dir, log: () => {} });
    try {
      expect(store.problems).toEqual([]);
      for (const c of ['spoolCursors', 'spoolSeen', 'spoolQuarantine', 'spoolLinks', 'outbox'] as const) expect(store.all(c).size).toBe(0);
      expect(store.get('settings', 'global')?.spoolDir).toBeNull();
      expect(store.get('customers', 'u1')?.name).toBe('王小明');
    } finally {
      await store.close();
    }
  });
});
