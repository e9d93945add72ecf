import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIO_FILES } from '../../shared/data/training';
import {
  CATEGORIES,
  COLLECTIONS,
  DEFAULT_SETTINGS,
  Status,
  recordSchemas,
  type CollectionName,
} from '../../shared/schema';
import {
  DEMO_CONVERSATIONS,
  DEMO_DEFAULT_AGENT_ID,
  DEMO_SEED,
  generateDemoData,
  type DemoData,
} from '../../electron/core/seed/demoData';

const NOW = Date.UTC(2026, 10, 24, 6, 30, 0); // 2026-11-24 14:30 Beijing time
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const demo = generateDemoData({ seed: DEMO_SEED, now: NOW, conversations: DEMO_CONVERSATIONS });

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
}

describe('generateDemoData', () => {
  it('is deterministic', () => {
    const again = generateDemoData({ seed: DEMO_SEED, now: NOW, conversations: DEMO_CONVERSATIONS });
    expect(again).toEqual(demo);
    const other = generateDemoData({ seed: DEMO_SEED + 1, now: NOW, conversations: DEMO_CONVERSATIONS });
    expect(other.messages).not.toEqual(demo.messages);
  });

  it('produces records that all pass their schema', () => {
    for (const coll of COLLECTIONS) {
      const schema = recordSchemas[coll];
      for (const rec of demo[coll] as unknown[]) {
        const res = schema.safeParse(rec);
        if (!res.success) throw new Error(`${coll}: ${JSON.stringify(rec)}\n${res.error.message}`);
        // Parsing must not add defaults: the generator fills every field.
        expect(res.data).toEqual(rec);
      }
    }
  });

  it('has unique ids in every collection', () => {
    for (const coll of COLLECTIONS) {
      const ids = (demo[coll] as { id: string }[]).map((r) => r.id);
      expect(new Set(ids).size, coll).toBe(ids.length);
    }
    expect(demo.customers[0].id).toBe('cu-0001');
    expect(demo.conversations[0].id).toBe('c-00001');
    expect(demo.messages[0].id).toBe('m-0000001');
    expect(demo.cannedReplies[0].id).toBe('cr-01');
  });

  it('has the expected counts and variety', () => {
    expect(demo.conversations.length).toBe(DEMO_CONVERSATIONS);
    expect(demo.conversations.length).toBeGreaterThanOrEqual(300);
    const byCategory = countBy(demo.conversations, (c) => c.category);
    for (const cat of CATEGORIES) expect(byCategory.get(cat) ?? 0, cat).toBeGreaterThan(0);
    const byStatus = countBy(demo.conversations, (c) => c.status);
    for (const st of Status.options) expect(byStatus.get(st) ?? 0, st).toBeGreaterThan(0);
    expect(byStatus.get('queued')!).toBeGreaterThan(byStatus.get('bot')!);

    // Customers: about conversations / 2.5, both tiers and locales, repeat customers.
    expect(demo.customers.length).toBe(Math.round(DEMO_CONVERSATIONS / 2.5));
    const tiers = countBy(demo.customers, (c) => c.tier);
    expect(tiers.get('vip')!).toBeGreaterThan(0);
    expect(tiers.get('normal')!).toBeGreaterThan(tiers.get('vip')!);
    const locales = countBy(demo.customers, (c) => c.locale);
    expect(locales.get('zh-CN')!).toBeGreaterThan(locales.get('en')!);
    expect(locales.get('en')!).toBeGreaterThan(0);
    const perCustomer = countBy(demo.conversations, (c) => c.customerId);
    const repeaters = [...perCustomer.values()].filter((n) => n >= 3).length;
    expect(repeaters).toBeGreaterThanOrEqual(3);

    // A VIP complainant with several conversations, and at least one severe complaint.
    const severe = demo.conversations.filter((c) => c.severity === 'severe');
    expect(severe.length).toBeGreaterThanOrEqual(1);
    for (const c of severe) expect(c.category).toBe('complaint');
    const vipIds = new Set(demo.customers.filter((c) => c.tier === 'vip').map((c) => c.id));
    const vipComplainant = [...perCustomer.entries()].find(
      ([id, n]) => n >= 3 && vipIds.has(id) && demo.conversations.some((c) => c.customerId === id && c.category === 'complaint'),
    );
    expect(vipComplainant).toBeDefined();

    // Follow-ups: a customer with several conversations in one category keeps the owner.
    const followUps = demo.conversations.filter((c) => c.tags.includes('follow-up'));
    expect(followUps.length).toBeGreaterThan(0);
    expect(demo.conversations.some((c) => c.contactCount > 1)).toBe(true);

    // Agents.
    expect(demo.agents.length).toBeGreaterThanOrEqual(6);
    expect(demo.agents.some((a) => a.role === 'trainee')).toBe(true);
    expect(demo.agents.some((a) => a.role === 'lead')).toBe(true);
    expect(demo.agents.some((a) => a.presence === 'away')).toBe(true);
    expect(demo.agents[0].id).toBe(DEMO_DEFAULT_AGENT_ID);
    expect(demo.agents[0].role).toBe('agent');
    expect(demo.agents[0].languages).toEqual(expect.arrayContaining(['zh-CN', 'en']));
    for (const a of demo.agents) {
      expect(a.capacity).toBeGreaterThanOrEqual(5);
      expect(a.capacity).toBeLessThanOrEqual(30);
    }

    // Canned replies.
    expect(demo.cannedReplies.length).toBeGreaterThanOrEqual(20);
    const cannedLocales = new Set(demo.cannedReplies.map((c) => c.locale));
    expect(cannedLocales).toEqual(new Set(['zh-CN', 'en']));
    expect(new Set(demo.cannedReplies.map((c) => c.scope))).toEqual(new Set(['personal', 'team', 'everyone']));
    for (const c of demo.cannedReplies) {
      if (c.scope === 'personal') expect(c.ownerId).toBe(DEMO_DEFAULT_AGENT_ID);
      else expect(c.ownerId).toBeNull();
    }
    const shortcuts = demo.cannedReplies.map((c) => c.shortcut);
    expect(shortcuts).toEqual(expect.arrayContaining(['refund', 'upload99', 'tuikuan']));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    const bodies = demo.cannedReplies.map((c) => c.body).join('\n');
    for (const v of ['{{customer.name}}', '{{customer.first_name}}', '{{agent.name}}', '{{conversation.id}}', '{{conversation.due}}']) {
      expect(bodies).toContain(v);
    }

    // Others.
    expect(demo.ratings.length).toBeGreaterThan(0);
    expect(demo.reminders.length).toBeGreaterThanOrEqual(2);
    for (const r of demo.reminders) {
      expect(r.agentId).toBe(DEMO_DEFAULT_AGENT_ID);
      expect(r.status).toBe('scheduled');
      expect(r.dueAt).toBeGreaterThan(NOW);
    }
    // Training: the scenarios are the built-in library; the trainee has assignments, one of them overdue.
    expect(demo.trainingAssignments.length).toBeGreaterThanOrEqual(2);
    expect(demo.trainingAssignments.some((a) => a.dueAt < NOW)).toBe(true);
    expect(demo.settings).toEqual([DEFAULT_SETTINGS]);
    for (const coll of ['preferences', 'drafts', 'trainingAttempts', 'trainingScenarios', 'audit'] as CollectionName[]) expect(demo[coll]).toEqual([]);
  });

  it('contains phrases the search tests rely on, in both languages', () => {
    const text = demo.messages.map((m) => m.body).join('\n') + demo.conversations.map((c) => c.subject).join('\n');
    expect(text).toContain('我的视频上传失败了');
    expect(text).toContain('退款申请');
    expect(text).toContain('refund request');
    const names = demo.customers.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['王小明', '李娜', '欧阳娜娜', 'Emily Carter']));
    // Customer messages are in the customer's language.
    const customerById = new Map(demo.customers.map((c) => [c.id, c]));
    const han = /[\u4e00-\u9fff]/;
    for (const m of demo.messages) {
      if (m.author !== 'customer') continue;
      const locale = customerById.get(m.authorId!)!.locale;
      expect(han.test(m.body), m.body).toBe(locale === 'zh-CN');
    }
  });

  it('keeps referential integrity', () => {
    const customers = new Set(demo.customers.map((c) => c.id));
    const agents = new Set(demo.agents.map((a) => a.id));
    const conversations = new Map(demo.conversations.map((c) => [c.id, c]));
    const scenarios = new Set(BUILTIN_SCENARIO_FILES.map((s) => (s as { id: string }).id));
    for (const c of demo.conversations) {
      expect(customers.has(c.customerId)).toBe(true);
      if (c.ownerId !== null) expect(agents.has(c.ownerId)).toBe(true);
      if (c.assigneeId !== null) expect(agents.has(c.assigneeId)).toBe(true);
    }
    for (const m of demo.messages) {
      const conv = conversations.get(m.conversationId);
      expect(conv, m.id).toBeDefined();
      if (m.author === 'customer') expect(m.authorId).toBe(conv!.customerId);
      else if (m.author === 'agent') expect(agents.has(m.authorId!)).toBe(true);
      else expect(m.authorId).toBeNull();
      if (m.internal) expect(m.author).toBe('agent');
    }
    for (const r of demo.ratings) {
      const conv = conversations.get(r.conversationId)!;
      expect(conv).toBeDefined();
      expect(agents.has(r.agentId)).toBe(true);
      expect(r.customerId).toBe(conv.customerId);
      expect(['resolved', 'closed']).toContain(conv.status);
      expect(r.at).toBeGreaterThanOrEqual(conv.resolvedAt!);
      expect(r.at).toBeLessThanOrEqual(NOW);
    }
    for (const r of demo.reminders) {
      expect(conversations.has(r.conversationId)).toBe(true);
      expect(agents.has(r.agentId)).toBe(true);
    }
    for (const c of demo.cannedReplies) if (c.ownerId !== null) expect(agents.has(c.ownerId)).toBe(true);
    for (const a of demo.trainingAssignments) {
      expect(scenarios.has(a.scenarioId), a.scenarioId).toBe(true);
      expect(demo.agents.find((x) => x.id === a.agentId)?.role).toBe('trainee');
    }
  });

  it('keeps conversation fields consistent with the rules', () => {
    const customers = new Map(demo.customers.map((c) => [c.id, c]));
    const agents = new Map(demo.agents.map((a) => [a.id, a]));
    const byId = new Map(demo.conversations.map((c) => [c.id, c]));
    for (const c of demo.conversations) {
      expect(c.createdAt).toBeGreaterThanOrEqual(NOW - 14 * DAY);
      expect(c.createdAt).toBeLessThanOrEqual(NOW);
      expect(customers.get(c.customerId)!.createdAt).toBeLessThanOrEqual(c.createdAt);
      expect(c.updatedAt).toBeLessThanOrEqual(NOW);
      expect(c.updatedAt).toBeGreaterThanOrEqual(c.lastMessageAt);
      if (c.status === 'bot') {
        expect(c.queuedAt).toBeNull();
      } else {
        expect(c.queuedAt).not.toBeNull();
        expect(c.queuedAt! - c.createdAt).toBeGreaterThan(0);
        expect(c.queuedAt! - c.createdAt).toBeLessThanOrEqual(10 * 60_000);
      }
      if (c.status === 'bot' || c.status === 'resolved' || c.status === 'closed') {
        expect(c.dueAt).toBeNull();
      } else {
        const hours = c.category === 'complaint' ? 9 * 24 : c.tierAtArrival === 'vip' ? 12 : 24;
        expect(c.dueAt).toBe(c.queuedAt! + hours * HOUR);
      }
      if (c.status === 'resolved' || c.status === 'closed') {
        expect(c.resolvedAt).not.toBeNull();
        expect(c.resolvedAt!).toBeLessThanOrEqual(NOW);
        expect(c.lastMessageAt).toBeLessThanOrEqual(c.resolvedAt!);
      } else {
        expect(c.resolvedAt).toBeNull();
      }
      if (['open', 'pending', 'resolved', 'closed'].includes(c.status)) {
        expect(c.ownerId).not.toBeNull();
        expect(c.assigneeId).not.toBeNull();
      } else {
        expect(c.assigneeId).toBeNull();
      }
      if (c.severity === 'severe') expect(c.ownerId === null || c.ownerId === 'a-zhaomin').toBe(true);
      // SLA bookkeeping fields.
      expect(c.slaClockStartedAt).toBe(c.dueAt === null ? null : c.queuedAt);
      if (c.status === 'pending') {
        expect(c.slaPausedAt).not.toBeNull();
        expect(c.slaPausedAt!).toBeGreaterThan(c.queuedAt!);
        expect(c.slaPausedAt!).toBeLessThanOrEqual(NOW);
      } else {
        expect(c.slaPausedAt).toBeNull();
      }
      expect(c.slaPausedMs).toBe(0);
      expect(c.snoozedUntil).toBeNull();
      expect(c.escalatedAt).toBe(c.severity === 'severe' && c.queuedAt !== null ? c.queuedAt : null);
      if (c.ownerAway) {
        expect(c.ownerId).not.toBeNull();
        expect(agents.get(c.ownerId!)!.presence).not.toBe('online');
        expect(c.assigneeId).not.toBe(c.ownerId);
      }
      // Follow-ups link to the customer's earlier conversation in the same category and keep its owner.
      if (c.linkedToId !== null) {
        const linked = byId.get(c.linkedToId)!;
        expect(linked).toBeDefined();
        expect(linked.customerId).toBe(c.customerId);
        expect(linked.category).toBe(c.category);
        expect(linked.createdAt).toBeLessThanOrEqual(c.createdAt);
        expect(c.contactCount).toBe(linked.contactCount + 1);
        expect(c.tags).toContain('follow-up');
        if (linked.ownerId !== null && c.ownerId !== null && c.severity === 'normal') expect(c.ownerId).toBe(linked.ownerId);
      } else {
        expect(c.tags).not.toContain('follow-up');
      }
    }
    // A queued follow-up goes back to its dedicated owner (Emily Carter's third refund contact).
    const emily = demo.customers.find((c) => c.name === 'Emily Carter')!;
    const emilyQueued = demo.conversations.find((c) => c.customerId === emily.id && c.status === 'queued')!;
    expect(emilyQueued.ownerId).toBe(DEMO_DEFAULT_AGENT_ID);
    expect(emilyQueued.assigneeId).toBeNull();
    expect(emilyQueued.contactCount).toBe(3);
    // The severe complaint is escalated to the lead.
    expect(demo.conversations.some((c) => c.severity === 'severe' && c.ownerId === 'a-zhaomin' && c.escalatedAt !== null)).toBe(true);
    // Open and queued work is recent: mostly within the last 30 hours, some at risk or breached.
    const live = demo.conversations.filter((c) => c.status === 'open' || c.status === 'queued');
    const recent = live.filter((c) => NOW - c.createdAt <= 30 * HOUR).length;
    expect(recent / live.length).toBeGreaterThan(0.6);
    expect(live.some((c) => c.dueAt! < NOW)).toBe(true);
    expect(live.some((c) => c.dueAt! >= NOW && c.dueAt! - NOW <= 2 * HOUR)).toBe(true);
    expect(live.some((c) => c.dueAt! - NOW > 12 * HOUR)).toBe(true);
    // The default agent has work of their own.
    const mine = demo.conversations.filter((c) => c.assigneeId === DEMO_DEFAULT_AGENT_ID && c.status === 'open');
    expect(mine.length).toBeGreaterThan(3);
  });

  it('orders message times within each conversation and never after now', () => {
    const byConv = new Map<string, DemoData['messages']>();
    for (const m of demo.messages) {
      const list = byConv.get(m.conversationId) ?? [];
      list.push(m);
      byConv.set(m.conversationId, list);
    }
    for (const c of demo.conversations) {
      const list = byConv.get(c.id) ?? [];
      expect(list.length, c.id).toBeGreaterThanOrEqual(2);
      expect(list.length, c.id).toBeLessThanOrEqual(8);
      expect(list[0].author).toBe('bot');
      expect(list[0].at).toBe(c.createdAt);
      for (let i = 1; i < list.length; i++) expect(list[i].at).toBeGreaterThan(list[i - 1].at);
      expect(list[list.length - 1].at).toBe(c.lastMessageAt);
      expect(c.lastMessageAt).toBeLessThanOrEqual(NOW);
      for (const m of list) if (c.queuedAt !== null && m.author === 'agent') expect(m.at).toBeGreaterThan(c.queuedAt);
      if (c.status === 'bot') expect(list.every((m) => m.author === 'bot' || m.author === 'customer')).toBe(true);
      if (c.status === 'queued') expect(list.some((m) => m.author === 'agent')).toBe(false);
      if (c.status === 'pending' || c.status === 'resolved' || c.status === 'closed') {
        const publicAgent = list.filter((m) => m.author === 'agent' && !m.internal);
        expect(publicAgent.length, c.id).toBeGreaterThan(0);
        // Waiting for the customer: the agent spoke last.
        if (c.status === 'pending') expect(list.filter((m) => !m.internal).at(-1)!.author).toBe('agent');
      }
    }
    expect(demo.messages.some((m) => m.author === 'system')).toBe(true);
    expect(demo.messages.some((m) => m.internal)).toBe(true);
  });

  // Speed is the benchmarks' business (npm run bench), not a unit test's: no wall-clock limit here.
  it('produces exactly messagesPerConversation messages with ~200-character bodies', () => {
    const big = generateDemoData({ seed: 7, now: NOW, conversations: 2_000, messagesPerConversation: 20 });
    expect(big.conversations.length).toBe(2_000);
    expect(big.messages.length).toBe(40_000);
    const perConv = countBy(big.messages, (m) => m.conversationId);
    expect([...perConv.values()].every((n) => n === 20)).toBe(true);
    const avg = big.messages.reduce((s, m) => s + m.body.length, 0) / big.messages.length;
    expect(avg).toBeGreaterThan(150);
    expect(avg).toBeLessThan(300);
    // Spot-check schema validity on a sample (the generator itself never parses).
    for (let i = 0; i < big.messages.length; i += 997) recordSchemas.messages.parse(big.messages[i]);
    for (let i = 0; i < big.conversations.length; i += 97) recordSchemas.conversations.parse(big.conversations[i]);
  });

  it('handles small sizes', () => {
    for (const n of [0, 1, 5, 39]) {
      const d = generateDemoData({ seed: 1, now: NOW, conversations: n });
      expect(d.conversations.length).toBe(n);
      for (const c of d.conversations) recordSchemas.conversations.parse(c);
      for (const m of d.messages) recordSchemas.messages.parse(m);
    }
  });
});
