import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOT_SETTINGS, DEFAULT_ROUTING_SETTINGS, SCHEMA_VERSION, Settings } from '../../shared/schema';
import { storeSandbox } from './storeSandbox';

/**
 * A store written before the bot and routing existed opens as it was: the new collections (FAQ edits, bot
 * feedback) load empty, the new record fields are simply absent, and settings get the bot's defaults.
 */
const { tempDir, open } = storeSandbox('kefu-bot-store-');

describe('a store from before the bot', () => {
  it('loads with empty faqEntries / botFeedback, no bot fields, default bot settings; the new collections take writes', async () => {
    const dir = tempDir();
    const snapshot = {
      version: SCHEMA_VERSION,
      gen: 0,
      collections: {
        customers: [{ id: 'u1', name: '王小明', tier: 'normal', locale: 'zh-CN', createdAt: 1 }],
        agents: [{ id: 'a1', name: '林娜', role: 'agent', skills: { payment: 3 }, languages: ['zh-CN'], capacity: 5, presence: 'online', disabled: false }],
        conversations: [
          {
            id: 'c1', customerId: 'u1', category: 'payment', status: 'queued', tierAtArrival: 'normal', subject: 's', createdAt: 1, queuedAt: 1, dueAt: 2,
            ownerId: null, assigneeId: null, tags: [], contactCount: 1, updatedAt: 1, lastMessageAt: 1,
          },
        ],
        settings: [{ id: 'global', slaHours: { normal: 24, vip: 12 }, complaintWorkingDays: 7, atRiskMinutes: 120 }],
      },
    };
    writeFileSync(path.join(dir, 'snapshot-0.json'), JSON.stringify(snapshot));
    const s = await open(dir);
    expect(s.problems).toEqual([]);
    expect(s.all('faqEntries').size).toBe(0);
    expect(s.all('botFeedback').size).toBe(0);
    const c = s.get('conversations', 'c1')!;
    expect(c.bot).toBeUndefined();
    expect(c.handOver).toBeUndefined();
    expect(c.routing).toBeUndefined();
    expect(s.get('agents', 'a1')!.vipSkill).toBeUndefined();
    const settings = Settings.parse(s.get('settings', 'global'));
    expect(settings.bot).toEqual(DEFAULT_BOT_SETTINGS);
    expect(settings.routing).toEqual(DEFAULT_ROUTING_SETTINGS);
    s.commit([
      {
        op: 'put',
        coll: 'faqEntries',
        rec: { id: 'faq-x', category: 'payment', questions: { 'zh-CN': ['问'], en: ['q'] }, answer: { 'zh-CN': '答', en: 'a' }, deleted: false, updatedAt: 5, updatedBy: 'a1' },
      },
    ]);
    expect(s.get('faqEntries', 'faq-x')?.answer.en).toBe('a');
  });
});
