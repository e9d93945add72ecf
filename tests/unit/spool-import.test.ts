import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SandboxCore } from './coreSandbox';
import { append, call, iso, line, msg, newConv, scan, spoolSandbox, T0, write } from './spool-helpers';

const sb = spoolSandbox('kefu-spool-import-');

/** The desk conversation a platform id became, with its customer messages' bodies in order. */
function thread(core: SandboxCore, external: string) {
  const link = [...core.store.all('spoolLinks').values()].filter((l) => l.externalId === external).sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!link) return null;
  const conversation = core.store.get('conversations', link.id)!;
  const bodies = [...core.store.all('messages').values()]
    .filter((m) => m.conversationId === link.id && m.author === 'customer')
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
    .map((m) => m.body);
  return { conversation, bodies };
}

const countCustomerMessages = (core: SandboxCore) => [...core.store.all('messages').values()].filter((m) => m.author === 'customer').length;

describe('spool import', () => {
  it('imports every event type into the store, in order per conversation, with one change event per batch', async () => {
    const { core, spool } = await sb.open();
    const events = [
      newConv('P-1', 'p-alice', { customer: { id: 'p-alice', name: 'Alice Chen', tier: 'normal', locale: 'en' }, category: 'account', body: 'I cannot log in' }),
      msg('P-1', 'second message'),
      { id: 'e-prof', at: iso(T0 + 500_000), type: 'customer.profile', customerId: 'p-alice', tier: 'vip' },
      msg('P-1', 'third message'),
    ];
    write(spool, '0001.jsonl', events.map(line).join(''));
    let queueChanges = 0;
    core.subscribe((e) => (queueChanges += e.topics.includes('queue') ? 1 : 0));
    const status = await scan(core);
    expect(status.imported).toBe(4);
    expect(status.quarantined).toBe(0);
    expect(status.bytesDone).toBe(status.bytesTotal);

    const t = thread(core, 'P-1')!;
    expect(t.conversation.category).toBe('account');
    expect(t.bodies).toEqual(['I cannot log in', 'second message', 'third message']);
    expect(core.store.get('customers', 'p-alice')).toMatchObject({ name: 'Alice Chen', tier: 'vip', locale: 'en' });
    // The message time is the event's time (the customer has waited since then), not the import's.
    const first = [...core.store.all('messages').values()].find((m) => m.body === 'I cannot log in')!;
    expect(first.at).toBe(Date.parse(events[0].at as string));
    // One batch, one publication naming everything it touched.
    await new Promise((r) => setImmediate(r));
    expect(queueChanges).toBe(1);
  });

  it('applies a rating and a customer close', async () => {
    const { core, spool } = await sb.open();
    write(spool, 'a.jsonl', line(newConv('P-2', 'p-bob')));
    await scan(core);
    const id = thread(core, 'P-2')!.conversation.id;
    await call(core, 'conversation.reply', { id, body: '您好，我来帮您看看' }); // a-lina becomes the owner
    append(spool, 'a.jsonl', line({ id: 'e-rate', at: iso(T0 + 900_000), type: 'customer.rating', conversationId: 'P-2', score: 4, comment: '不错' }));
    append(spool, 'a.jsonl', line({ id: 'e-close', at: iso(T0 + 901_000), type: 'customer.closed', conversationId: 'P-2' }));
    await scan(core);
    const ratings = [...core.store.all('ratings').values()].filter((r) => r.conversationId === id);
    expect(ratings).toMatchObject([{ score: 4, comment: '不错', agentId: 'a-lina', customerId: 'p-bob' }]);
    expect(core.store.get('conversations', id)!.status).toBe('closed');
    expect(core.store.get('conversations', id)!.dueAt).toBeNull();
  });

  it('a message to a closed conversation starts a new one under the same platform id', async () => {
    const { core, spool } = await sb.open();
    write(spool, 'a.jsonl', [newConv('P-3'), { id: 'e-c3', at: iso(T0 + 2000_000), type: 'customer.closed', conversationId: 'P-3' }, msg('P-3', 'again')].map(line).join(''));
    await scan(core);
    const links = [...core.store.all('spoolLinks').values()].filter((l) => l.externalId === 'P-3');
    expect(links).toHaveLength(2);
    expect(thread(core, 'P-3')!.bodies).toEqual(['again']);
  });
});

describe('idempotency', () => {
  it('the same file scanned twice, duplicate lines, and a copy under another name change nothing', async () => {
    const { core, spool } = await sb.open();
    const events = [newConv('P-10'), msg('P-10', 'hello'), msg('P-10', 'again')];
    const dup = events[1];
    write(spool, '0001.jsonl', [...events, dup, dup].map(line).join(''));
    await scan(core);
    const before = countCustomerMessages(core);
    const conversations = core.store.all('conversations').size;
    expect(thread(core, 'P-10')!.bodies).toEqual([(events[0] as { body: string }).body, 'hello', 'again']);

    await scan(core);
    copyFileSync(path.join(spool, '0001.jsonl'), path.join(spool, '0002-copy.jsonl'));
    const status = await scan(core);
    expect(countCustomerMessages(core)).toBe(before);
    expect(core.store.all('conversations').size).toBe(conversations);
    expect(status.quarantined).toBe(0);
    expect(status.files.map((f: { file: string; bytesDone: number; bytesTotal: number }) => f.bytesDone === f.bytesTotal)).toEqual([true, true]);
  });

  it('survives a restart: the cursor and the applied ids are in the store', async () => {
    const first = await sb.open();
    write(first.spool, 'x.jsonl', [newConv('P-11'), msg('P-11', 'one')].map(line).join(''));
    await scan(first.core);
    const before = countCustomerMessages(first.core);
    await sb.close(first.core);
    const again = await sb.open(first.dataDir);
    // A copy under another name after the restart: the applied ids were durable, not only in memory.
    copyFileSync(path.join(first.spool, 'x.jsonl'), path.join(first.spool, 'y.jsonl'));
    await scan(again.core);
    expect(countCustomerMessages(again.core)).toBe(before);
  });
});

describe('a half-written last line', () => {
  it('is not read until its newline arrives, then imported once', async () => {
    const { core, spool } = await sb.open();
    const text = line(msg('P-20', 'complete'));
    write(spool, 'p.jsonl', line(newConv('P-20')) + text.slice(0, 25));
    let status = await scan(core);
    expect(thread(core, 'P-20')!.bodies).toHaveLength(1);
    expect(status.quarantined).toBe(0);
    const consumed = line(newConv('P-20')).length; // ASCII-free bodies are multi-byte: compare bytes
    void consumed;
    expect(status.files[0].bytesDone).toBe(Buffer.byteLength(readFileSync(path.join(spool, 'p.jsonl'), 'utf8')) - Buffer.byteLength(text.slice(0, 25)));
    append(spool, 'p.jsonl', text.slice(25));
    status = await scan(core);
    await scan(core);
    expect(thread(core, 'P-20')!.bodies.slice(1)).toEqual(['complete']);
    expect(status.quarantined).toBe(0);
  });

  it('a multi-byte character split across two writes is read whole', async () => {
    const { core, spool } = await sb.open();
    write(spool, 'u.jsonl', line(newConv('P-21')));
    const bytes = Buffer.from(line(msg('P-21', '视频上传失败')), 'utf8');
    const cut = bytes.indexOf(Buffer.from('上', 'utf8')) + 1; // inside 上
    append(spool, 'u.jsonl', bytes.subarray(0, cut) as unknown as string);
    await scan(core);
    append(spool, 'u.jsonl', bytes.subarray(cut) as unknown as string);
    await scan(core);
    expect(thread(core, 'P-21')!.bodies[1]).toBe('视频上传失败');
  });
});

describe('quarantine', () => {
  it('keeps malformed and schema-failing lines with the reason; the rest of the file imports', async () => {
    const { core, spool } = await sb.open();
    const lines = [
      line(newConv('P-30')),
      '{"id":"e-bad-json","type":"customer.message",\n', // malformed JSON (line 2)
      line({ id: 'e-bad-schema', at: iso(T0), type: 'customer.message', conversationId: 'P-30' }), // no body (line 3)
      line({ id: 'e-bad-type', at: iso(T0), type: 'customer.wave', conversationId: 'P-30' }),
      line({ id: 'e-bad-time', at: 'yesterday', type: 'customer.message', conversationId: 'P-30', body: 'x' }),
      line(msg('P-UNKNOWN', 'to nowhere')),
      '\n',
      line(msg('P-30', 'still imported')),
    ];
    write(spool, 'q.jsonl', lines.join(''));
    const status = await scan(core);
    expect(status.quarantined).toBe(5);
    expect(thread(core, 'P-30')!.bodies.slice(1)).toEqual(['still imported']);

    const q = await call(core, 'spool.quarantine', {});
    expect(q.total).toBe(5);
    const byLine = new Map(q.items.map((i: { line: number }) => [i.line, i]));
    expect(byLine.get(2)).toMatchObject({ file: 'q.jsonl', reason: 'malformed_json', raw: '{"id":"e-bad-json","type":"customer.message",', eventId: null });
    expect(byLine.get(3)).toMatchObject({ reason: 'schema', eventId: 'e-bad-schema' });
    expect((byLine.get(3) as { issues: string[] }).issues.join(' ')).toMatch(/body/);
    expect(byLine.get(4)).toMatchObject({ reason: 'schema' });
    expect((byLine.get(5) as { issues: string[] }).issues.join(' ')).toMatch(/^at:/);
    expect(byLine.get(6)).toMatchObject({ reason: 'unknown_conversation' });

    // Read again (a copy, or after a crash): the same lines are the same entries, not new ones.
    await scan(core);
    expect((await call(core, 'spool.quarantine', {})).total).toBe(5);
  });

  it('the quarantine list and the status are for agents and leads, not trainees', async () => {
    const { core } = await sb.open();
    await call(core, 'session.signIn', { agentId: 'a-liuyang' }, 'trainee');
    const r = await core.call('spool.status', {}, 'trainee');
    expect(r.ok).toBe(false);
    expect((await call(core, 'spool.status', {})).quarantined).toBe(0);
    const s = await core.call('spool.scan', {}, 's1');
    expect(s.ok).toBe(false); // agents may not start a scan by hand
  });
});
