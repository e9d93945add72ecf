import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateChanges, migrateStore } from '../../electron/core/store/migrations';
import { Conversation, SCHEMA_VERSION } from '../../shared/schema';
import { storeSandbox } from './storeSandbox';

/**
 * Version 4 → 5: the bot's transcript lines on `bot` and `handOver` become the ids of their messages
 * (`transcriptIds`); the text stays in the messages collection only.
 */
const { tempDir, open, closeStore } = storeSandbox('kefu-transcript-mig-');

const T = Date.parse('2026-11-24T09:00:00+08:00');
const customer = { id: 'u1', name: '客户 u1', tier: 'normal', locale: 'zh-CN', createdAt: 1 };
const message = (id: string, conversationId: string, author: 'customer' | 'bot', body: string, at: number) => ({
  id, conversationId, author, authorId: author === 'customer' ? 'u1' : null, body, at, internal: false,
});
/** A version-4 transcript line: a copy of the message it names. */
const line = (m: ReturnType<typeof message>) => ({ messageId: m.id, author: m.author, body: m.body, at: m.at });
const conversation = (id: string, status: 'bot' | 'queued') => ({
  id, customerId: 'u1', category: 'payment', status, tierAtArrival: 'normal', subject: '充值没到账', createdAt: T,
  queuedAt: status === 'bot' ? null : T + 60_000, dueAt: null, ownerId: null, assigneeId: null, tags: [], contactCount: 1,
  updatedAt: T + 60_000, lastMessageAt: T + 60_000,
});

// With the bot: two lines. Handed over: four lines, one of them broken (no messageId), which names nothing.
const botThread = [message('m-b1', 'c-bot', 'customer', '充值没到账', T), message('m-b2', 'c-bot', 'bot', '请稍等，正在查询', T)];
const handedThread = [
  message('m-h1', 'c-handed', 'customer', '钱扣了但是抖币没到', T),
  message('m-h2', 'c-handed', 'bot', '一般五分钟内到账', T),
  message('m-h3', 'c-handed', 'customer', '转人工', T + 60_000),
  message('m-h4', 'c-handed', 'bot', '正在为您转接人工客服', T + 60_000),
];
const botState = { answers: 1, unhelpful: 0, answeredFaqIds: ['faq-pay-not-credited'], categoryGuess: 'payment', confidence: 0.8 };
const v4WithBot = { ...conversation('c-bot', 'bot'), bot: { ...botState, transcript: botThread.map(line) } };
const v4Handed = {
  ...conversation('c-handed', 'queued'),
  handOver: {
    at: T + 60_000, reason: 'asked_for_person', categoryGuess: 'payment', confidence: 0.8,
    transcript: [line(handedThread[0]), line(handedThread[1]), { author: 'customer', body: '??', at: T }, line(handedThread[2]), line(handedThread[3])],
  },
};

describe('migration 4 → 5 (transcript ids)', () => {
  it('a snapshot and a journal of version 4 load with ids naming the messages, oldest first; nothing is quarantined', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'snapshot-0.json'),
      JSON.stringify({ version: 4, gen: 0, seq: 0, collections: { customers: [customer], conversations: [v4WithBot], messages: [...botThread, ...handedThread] } }),
    );
    // The hand-over arrived in the journal, as a put of the whole record.
    writeFileSync(
      path.join(dir, 'journal-0.ndjson'),
      [JSON.stringify({ journal: 1, version: 4, gen: 0 }), JSON.stringify({ seq: 1, changes: [{ op: 'put', coll: 'conversations', rec: v4Handed }] }), ''].join('\n'),
    );
    const s = await open(dir);
    expect(s.problems).toEqual([]);
    const withBot = s.get('conversations', 'c-bot')!;
    expect(withBot.bot).toEqual({ ...botState, transcriptIds: ['m-b1', 'm-b2'] });
    const handed = s.get('conversations', 'c-handed')!;
    expect(handed.handOver?.transcriptIds).toEqual(['m-h1', 'm-h2', 'm-h3', 'm-h4']);
    expect(handed).not.toHaveProperty('bot');
    // The text the lines carried is where the ids lead.
    expect(handed.handOver!.transcriptIds.map((id) => s.get('messages', id)?.body)).toEqual(handedThread.map((m) => m.body));
    await closeStore(s);

    const newest = readdirSync(dir).filter((f) => /^snapshot-\d+\.json$/.test(f)).sort().pop()!;
    const onDisk = JSON.parse(readFileSync(path.join(dir, newest), 'utf8'));
    expect(onDisk.version).toBe(SCHEMA_VERSION);
    expect(JSON.stringify(onDisk.collections.conversations)).not.toContain('"transcript"');
    const again = await open(dir);
    expect(again.problems).toEqual([]);
    expect(again.get('conversations', 'c-handed')?.handOver?.transcriptIds).toEqual(['m-h1', 'm-h2', 'm-h3', 'm-h4']);
    await closeStore(again);
  });

  it('the pure step: valid version-5 records; absent parts stay absent; junk is left for validation', () => {
    const plain = conversation('c-plain', 'queued');
    const { data, steps } = migrateStore({
      version: 4,
      collections: { conversations: [v4WithBot, v4Handed, plain, 'junk', { ...plain, id: 'c-odd', bot: null, handOver: { transcript: 'not a list' } }] },
    });
    expect(steps).toEqual(['4→5']);
    const [withBot, handed, untouched, junk, odd] = data.collections.conversations;
    expect(Conversation.parse(withBot).bot?.transcriptIds).toEqual(['m-b1', 'm-b2']);
    expect(Conversation.parse(handed).handOver?.transcriptIds).toEqual(['m-h1', 'm-h2', 'm-h3', 'm-h4']);
    expect(handed).not.toHaveProperty('bot');
    expect(untouched).toEqual(plain);
    expect(junk).toBe('junk');
    expect(odd).toEqual({ ...plain, id: 'c-odd', bot: null, handOver: { transcript: 'not a list' } });
    expect(Conversation.safeParse(odd).success).toBe(false);
    // A journal line of version 4 is migrated the same way.
    const [change] = migrateChanges(4, [{ op: 'put', coll: 'conversations', rec: v4Handed }]) as { rec: Record<string, unknown> }[];
    expect(change.rec.handOver).toEqual({ at: T + 60_000, reason: 'asked_for_person', categoryGuess: 'payment', confidence: 0.8, transcriptIds: ['m-h1', 'm-h2', 'm-h3', 'm-h4'] });
  });
});
