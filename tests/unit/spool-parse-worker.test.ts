import { closeSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createParseClient, inlineBatches, ParseWorkerError, type ParseClient } from '../../electron/core/services/spool/parseClient';
import { createLineParser } from '../../electron/core/services/spool/parseWorker';
import type { SandboxCore } from './coreSandbox';
import { call, iso, line, msg, newConv, scan, spoolSandbox, T0, write } from './spool-helpers';

const sb = spoolSandbox('kefu-spool-parse-');

/** Every trace the import leaves that a user could see: threads, quarantine entries, counts. */
async function outcome(core: SandboxCore) {
  const links = [...core.store.all('spoolLinks').values()].sort((a, b) => a.externalId.localeCompare(b.externalId) || a.createdAt - b.createdAt);
  const threads = links.map((l) => ({
    external: l.externalId,
    status: core.store.get('conversations', l.id)!.status,
    bodies: [...core.store.all('messages').values()].filter((m) => m.conversationId === l.id).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)).map((m) => `${m.author}:${m.body}`),
  }));
  const q = await call(core, 'spool.quarantine', { limit: 100 });
  const quarantine = (q.items as { line: number; reason: string; raw: string; eventId: string | null; issues: string[] }[])
    .map((i) => ({ line: i.line, reason: i.reason, raw: i.raw, eventId: i.eventId, issues: i.issues }))
    .sort((a, b) => a.line - b.line);
  return { threads, quarantine };
}

/** A file of every kind of line: good events, malformed JSON, schema failures, refusals, a blank, a partial last line. */
function mixedFile(): string {
  const lines: string[] = [];
  for (let i = 0; i < 12; i++) {
    lines.push(line(newConv(`W-${i}`, `w-u-${i}`, { category: i % 2 ? 'complaint' : 'payment', body: i % 2 ? '客服态度太差了' : 'My payment failed' })));
    lines.push(line(msg(`W-${i}`, i % 3 ? '转人工' : 'still waiting')));
  }
  lines.push('{"id":"e-bad-json","type":"customer.message",\n');
  lines.push(line({ id: 'e-bad-schema', at: iso(T0), type: 'customer.message', conversationId: 'W-1' }));
  lines.push(line(msg('W-NOWHERE', 'to nowhere')));
  lines.push('\n');
  lines.push(line({ id: 'e-close', at: iso(T0 + 7200_000), type: 'customer.closed', conversationId: 'W-2' }));
  lines.push(line(msg('W-0', 'one more')));
  lines.push('{"id":"e-half",'); // the connector is still writing it
  return lines.join('');
}

describe('the spool parse worker', () => {
  it('a file parsed on the worker thread imports exactly as one parsed on the main thread', async () => {
    const logs: string[] = [];
    // Started before the file arrives, so every line goes through it (a cold one lets this thread read the first
    // batches while it starts: the next test).
    const parser = createParseClient();
    await parser.warm();
    const onWorker = await sb.open(undefined, { batchLines: 4, parseWorkerMinBytes: 0, parser, log: (_l, m) => logs.push(m) });
    const inline = await sb.open(undefined, { batchLines: 4, parseWorkerMinBytes: Number.POSITIVE_INFINITY });
    const text = mixedFile(); // once: the helpers number events as they are made
    for (const s of [onWorker.spool, inline.spool]) write(s, 'mixed.jsonl', text);
    const a = await scan(onWorker.core);
    const b = await scan(inline.core);
    expect(a.imported).toBe(b.imported);
    expect(a.bytesDone).toBe(b.bytesDone); // both stop before the half-written line
    expect(a.imported).toBeGreaterThan(20);
    const [x, y] = [await outcome(onWorker.core), await outcome(inline.core)];
    expect(x.threads.map((t) => t.bodies.filter((b) => b.startsWith('customer:')))).toEqual(y.threads.map((t) => t.bodies.filter((b) => b.startsWith('customer:'))));
    expect(x.threads.map((t) => t.status)).toEqual(y.threads.map((t) => t.status));
    expect(x.quarantine).toEqual(y.quarantine);
    expect(x.quarantine.map((q) => q.reason)).toEqual(['malformed_json', 'schema', 'unknown_conversation']);
    // The worker really read it: every complete line went through it.
    const summary = logs.find((m) => m.includes('events applied'))!;
    expect(summary).toMatch(/\((\d+) lines parsed on the worker thread\)/);
    expect(Number(/\((\d+) lines parsed/.exec(summary)![1])).toBe(30);
  });

  it('a worker that starts mid-file takes over from the next batch: nothing read twice, nothing skipped', async () => {
    let open!: () => void;
    const parser = createParseClient({ gate: new Promise<void>((r) => (open = r)) });
    await parser.warm();
    const switching = await sb.open(undefined, { batchLines: 4, parseWorkerMinBytes: 0, parser });
    const inline = await sb.open(undefined, { batchLines: 4, parseWorkerMinBytes: Number.POSITIVE_INFINITY });
    let batches = 0;
    // The worker "starts" after the third batch this thread read (each batch publishes once).
    switching.core.subscribe((e) => {
      if (e.topics.includes('spool') && ++batches === 3) open();
    });
    const text = mixedFile();
    for (const s of [switching.spool, inline.spool]) write(s, 'mixed.jsonl', text);
    const a = await scan(switching.core);
    const b = await scan(inline.core);
    expect(parser.workerLines()).toBeGreaterThan(0);
    expect(parser.workerLines()).toBeLessThan(30); // the first batches were read here
    expect(a.imported).toBe(b.imported);
    expect(a.bytesDone).toBe(b.bytesDone);
    expect(await outcome(switching.core)).toEqual(await outcome(inline.core));
  });

  it('when the worker dies mid-file, the import goes on on the main thread from the last batch committed', async () => {
    const logs: string[] = [];
    // A worker that hands over two batches, then fails (the thread died, or never started in a broken install).
    const dying: ParseClient = {
      async *batches(_file, fd, offset, lineNo, size, n) {
        let k = 0;
        for (const b of inlineBatches(fd, offset, lineNo, size, n)) {
          if (k++ === 2) throw new ParseWorkerError('spool parse worker exited (code 1)');
          yield b;
        }
      },
      stop: async () => {},
      warm: async () => {},
      workerLines: () => 0,
    };
    const broken = await sb.open(undefined, { batchLines: 4, parseWorkerMinBytes: 0, parser: dying, log: (_l, m) => logs.push(m) });
    const inline = await sb.open(undefined, { batchLines: 4, parseWorkerMinBytes: Number.POSITIVE_INFINITY });
    const text = mixedFile();
    for (const s of [broken.spool, inline.spool]) write(s, 'mixed.jsonl', text);
    const a = await scan(broken.core);
    const b = await scan(inline.core);
    expect(logs.some((m) => m.includes('reading mixed.jsonl on the main thread'))).toBe(true);
    expect(a.lastError).toBeNull();
    // Nothing lost, nothing twice.
    expect(a.imported).toBe(b.imported);
    expect(await outcome(broken.core)).toEqual(await outcome(inline.core));
  });

  it('reads a file in batches from a cursor, holding back a half-written last line', () => {
    const dir = sb.tempDir();
    const file = path.join(dir, 'a.jsonl');
    const text = [line(newConv('R-1')), '   \n', 'not json\n', line(msg('R-1', 'hi')), '{"id":"half'].join('');
    writeFileSync(file, text);
    const parse = createLineParser();
    parse({ type: 'open', file, offset: 0, line: 0, size: Buffer.byteLength(text) });
    const first = parse({ type: 'next', lines: 2 });
    expect(first.map((l) => [l.line.line, l.parsed.kind])).toEqual([
      [1, 'event'],
      [2, 'blank'],
    ]);
    const rest = parse({ type: 'next', lines: 10 });
    expect(rest.map((l) => [l.line.line, l.parsed.kind])).toEqual([
      [3, 'problem'],
      [4, 'event'],
    ]);
    expect(rest[1].line.end).toBe(Buffer.byteLength(text) - '{"id":"half'.length);
    expect(parse({ type: 'next', lines: 10 })).toEqual([]);
    parse({ type: 'close' });
    expect(() => parse({ type: 'next', lines: 1 })).toThrow(/no file open/);
    // The descriptor was closed (a second open of the same file works and starts afresh).
    parse({ type: 'open', file, offset: rest[0].line.end, line: 3, size: Buffer.byteLength(text) });
    expect(parse({ type: 'next', lines: 10 }).map((l) => l.line.line)).toEqual([4]);
    parse({ type: 'close' });
    closeSync(openSync(file, 'r'));
  });
});
