import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesPending } from '../../electron/core/store/lazyMessages';
import { createCore } from '../../electron/core';
import { manualClock } from '../../electron/core/clock';
import { silentLog } from '../../electron/core/log';
import { SANDBOX_NOW, withNamedSessions } from './coreSandbox';
import type { OutboxEntry } from '../../shared/schema';
import { call, line, newConv, outboxLines, scan, spoolSandbox, write } from './spool-helpers';

const sb = spoolSandbox('kefu-spool-out-');

const tick = () => new Promise((r) => setImmediate(r));

/** A spool conversation in the human queue (complaints skip the bot), and the outbox lines written after it. */
async function withSpoolConversation() {
  const opened = await sb.open();
  write(opened.spool, 'in.jsonl', line(newConv('P-O1', 'p-o1', { category: 'complaint' })));
  await scan(opened.core);
  await tick();
  const id = [...opened.core.store.all('spoolLinks').values()].find((l) => l.externalId === 'P-O1')!.id;
  const baseline = outboxLines(opened.outbox).length;
  return { ...opened, id, after: () => outboxLines(opened.outbox).slice(baseline) };
}

describe('outbox', () => {
  it('writes agent replies, status changes and rating requests once each; notes and demo conversations stay home', async () => {
    const { core, id, after } = await withSpoolConversation();
    await call(core, 'conversation.reply', { id, body: '您好，已为您查询' });
    await call(core, 'conversation.reply', { id, body: 'internal note', internal: true });
    await call(core, 'conversation.setStatus', { id, status: 'resolved' });
    await call(core, 'conversation.reply', { id: 'c-00001', body: 'a demo conversation' }).catch(() => {});
    await tick();
    const lines = after();
    expect(lines.map((l) => l.type)).toEqual(['agent.reply', 'conversation.status', 'conversation.status', 'rating.request']);
    expect(lines[0]).toMatchObject({ conversationId: 'P-O1', author: 'agent', agentId: 'a-lina', body: '您好，已为您查询' });
    expect(lines[1]).toMatchObject({ from: 'queued', to: 'open' }); // the reply picked it up from the queue
    expect(lines[2]).toMatchObject({ from: 'open', to: 'resolved' });
    for (const l of lines) expect([typeof l.id, Number.isNaN(Date.parse(l.at as string))], JSON.stringify(l)).toEqual(['string', false]);
    expect(core.store.all('outbox').size).toBe(0);
  });

  it('the entry is committed with the action (same commit), before any file is written', async () => {
    const { core, id, after } = await withSpoolConversation();
    const seen: string[][] = [];
    core.store.onCommit((changes) => seen.push(changes.map((c) => c.coll)));
    await call(core, 'conversation.reply', { id, body: 'hello' });
    const replyCommit = seen.find((colls) => colls.includes('messages'));
    expect(replyCommit).toEqual(expect.arrayContaining(['messages', 'conversations', 'outbox']));
    expect(after()).toHaveLength(0); // written after the call returns
    await tick();
    expect(after()).toHaveLength(2);
  });

  it('a crash between the append and the mark does not write the line twice', async () => {
    const { core, id, after } = await withSpoolConversation();
    await call(core, 'conversation.reply', { id, body: 'first' });
    const pending = [...core.store.all('outbox').values()] as OutboxEntry[];
    await tick();
    expect(after()).toHaveLength(2);
    // What a crash right after the append leaves: the lines in the file, the entries still pending.
    core.store.commit(pending.map((rec) => ({ op: 'put', coll: 'outbox', rec })));
    await call(core, 'conversation.reply', { id, body: 'second' });
    await tick();
    expect(after().map((l) => l.body ?? l.to)).toEqual(['first', 'open', 'second']);
    expect(core.store.all('outbox').size).toBe(0);
  });

  it('a torn last line (a crash mid-append) is cut and its entry written whole', async () => {
    const { core, outbox, id, after } = await withSpoolConversation();
    await call(core, 'conversation.reply', { id, body: 'one' });
    await tick();
    const file = path.join(outbox, readdirSync(outbox).sort().at(-1)!);
    appendFileSync(file, '{"id":"ob-torn","at":"2026');
    await call(core, 'conversation.reply', { id, body: 'two' });
    await tick();
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('ob-torn');
    expect(after().map((l) => l.body).filter(Boolean)).toEqual(['one', 'two']);
  });
});

describe('outbox, while the messages are still read in the background', () => {
  it('a reply then is answered without finishing the read, and writes its one entry; the same message put again writes none', async () => {
    const first = await withSpoolConversation();
    await first.core.store.compact(); // the messages in a snapshot with its index: read after the open
    await sb.close(first.core);
    // As the desktop app and web mode open it: the messages' read waits for the first queue page (none asked here).
    const raw = await createCore({ dataDir: first.dataDir, clock: manualClock(SANDBOX_NOW), log: silentLog, spoolWatch: false, firstPageFirst: true, firstPageCapMs: 600_000 });
    try {
      const core = withNamedSessions(raw);
      const outbox = path.join(first.dataDir, 'spool', 'outbox');
      const baseline = outboxLines(outbox).length;
      const messages = core.store.all('messages');
      await core.sessionOf('s1');
      expect(messagesPending(messages)).toBe(true);
      const reply = await call(core, 'conversation.reply', { id: first.id, body: '仍在读取时的回复' });
      expect(messagesPending(messages)).toBe(true);
      await core.store.commit([{ op: 'put', coll: 'messages', rec: { ...reply, body: '仍在读取时的回复' } }]);
      await tick();
      const lines = outboxLines(outbox).slice(baseline);
      expect(lines.filter((l) => l.type === 'agent.reply')).toEqual([expect.objectContaining({ conversationId: 'P-O1', body: '仍在读取时的回复' })]);
      expect((await call(core, 'conversation.get', { id: first.id })).messages.filter((m: { id: string }) => m.id === reply.id)).toHaveLength(1);
      expect(messagesPending(messages)).toBe(true);
    } finally {
      await raw.close();
    }
  });
});
