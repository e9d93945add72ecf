import { closeSync, existsSync, fdatasyncSync, fstatSync, ftruncateSync, mkdirSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { SpoolOutEvent, type Conversation, type Message, type OutboxEntry } from '../../../../shared/schema';
import type { Log } from '../../log';
import { conversationWhileReading } from '../../store/lazyMessages';
import type { Change, Store } from '../../store/types';
import type { LinkIndex } from './links';

export const OUTBOX_FILE_RE = /^outbox-\d{4}-\d{2}-\d{2}\.jsonl$/u;

/**
 * The outbound half of the spool. Exactly once, in two steps:
 *
 * 1. `augment` runs inside every commit (the store wrapper in commitHook.ts, and each inner commit of an import
 *    batch): an agent's or the bot's public message, a status change and a resolution (a rating request) on a
 *    conversation that came through the spool add an `outbox` record to THAT commit. The action and its outbound
 *    event are durable together or not at all.
 * 2. `flush` appends the pending records to today's outbox file, fdatasyncs it, then deletes them in one commit.
 *    A crash between the append and the delete leaves them pending with their lines already in the file: before
 *    appending, the tail of the newest outbox file is read back and every pending id already there is only
 *    deleted, not written again. A torn last line (a crash mid-append) is cut off first: the connector waits for a
 *    line's newline, so it never read it. Each line also carries its entry id, so a connector can de-duplicate too.
 */
export function createOutbox(opts: { store: Store; links: LinkIndex; newId: (prefix: string) => string; log: Log; dir: () => string; now: () => number }) {
  const { store, links } = opts;
  let seq = 0;
  for (const e of store.all('outbox').values()) seq = Math.max(seq, e.seq + 1);

  const entry = (conversationId: string, at: number, event: OutboxEntry['event']): Change => ({
    op: 'put',
    coll: 'outbox',
    rec: { id: opts.newId('ob-'), seq: seq++, conversationId, at, event },
  });

  /**
   * The outbox records a commit adds. `before` is the state the commit starts from; `linked` says whether a
   * conversation came through the spool (an import batch passes "yes": everything it touches did).
   */
  function augment(changes: readonly Change[], before: Store, linked: (conversationId: string) => boolean = (id) => links.externalOf(id) !== undefined): Change[] {
    const out: Change[] = [];
    for (const ch of changes) {
      if (ch.op !== 'put') continue;
      if (ch.coll === 'messages') {
        const m = ch.rec as Message;
        const toCustomer = (m.author === 'agent' && !m.internal) || m.author === 'bot';
        if (!toCustomer || !linked(m.conversationId) || existed(before, m)) continue;
        out.push(entry(m.conversationId, m.at, { type: 'agent.reply', author: m.author === 'bot' ? 'bot' : 'agent', agentId: m.author === 'bot' ? null : m.authorId, body: m.body }));
      } else if (ch.coll === 'conversations') {
        const c = ch.rec as Conversation;
        const prev = before.get('conversations', c.id);
        if (!prev || prev.status === c.status || !linked(c.id)) continue;
        out.push(entry(c.id, c.updatedAt, { type: 'conversation.status', from: prev.status, to: c.status }));
        if (c.status === 'resolved') out.push(entry(c.id, c.updatedAt, { type: 'rating.request' }));
      }
    }
    return out;
  }

  /**
   * Whether `m` was already in the store (a message put again is no new reply). While the snapshot's messages are
   * still read in the background, asked among its conversation's messages: a look-up of the id itself would finish
   * that read at once on this thread (seconds at 50 000 × 20), inside the reply's commit. Only the committed store
   * is asked so: an import batch's `all` copies the whole map once it holds messages of its own, so it is asked by id
   * (its own messages first), as before.
   */
  function existed(before: Store, m: Message): boolean {
    const during = before === store ? conversationWhileReading(store.all('messages'), m.conversationId) : null;
    return during ? during.some((x) => x.id === m.id) : before.get('messages', m.id) !== undefined;
  }

  const outDir = () => path.join(opts.dir(), 'outbox');
  const fileFor = (t: number) => `outbox-${new Date(t).toISOString().slice(0, 10)}.jsonl`;

  /** Cuts a torn last line (no newline) off the file, so the next append starts on a line of its own. */
  function cutTornTail(fd: number, name: string): void {
    const size = fstatSync(fd).size;
    if (size === 0) return;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] === 0x0a) return;
    let keep = 0;
    for (let end = size; end > 0; ) {
      const start = Math.max(0, end - 64 * 1024);
      const buf = Buffer.allocUnsafe(end - start);
      readSync(fd, buf, 0, buf.length, start);
      const nl = buf.lastIndexOf(0x0a);
      if (nl >= 0) {
        keep = start + nl + 1;
        break;
      }
      end = start;
    }
    ftruncateSync(fd, keep);
    fdatasyncSync(fd);
    opts.log('warn', `outbox: cut a torn last line (${size - keep} bytes) off ${name}`);
  }

  /** The pending ids already written at the end of `file` (read backwards until a line that is not pending). */
  function idsAtTail(file: string, pending: ReadonlySet<string>): Set<string> {
    const found = new Set<string>();
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      for (let window = 64 * 1024; ; window *= 2) {
        found.clear();
        const start = Math.max(0, size - window);
        const buf = Buffer.allocUnsafe(size - start);
        readSync(fd, buf, 0, buf.length, start);
        const lines = buf.toString('utf8').split('\n');
        if (start > 0) lines.shift(); // begins mid-line
        let stopped = false;
        for (let i = lines.length - 1; i >= 0 && !stopped; i--) {
          if (lines[i] === '') continue;
          let id: unknown;
          try {
            id = (JSON.parse(lines[i]) as { id?: unknown }).id;
          } catch {
            id = undefined;
          }
          if (typeof id === 'string' && pending.has(id)) found.add(id);
          else stopped = true;
        }
        if (stopped || start === 0) return found;
      }
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Writes every pending entry once. Synchronous (a few lines and one fdatasync). Returns how many lines it wrote.
   * An entry whose conversation has no platform id (cannot happen through the hook) stays pending and is logged.
   */
  async function flush(): Promise<number> {
    const pending = [...store.all('outbox').values()].sort((a, b) => a.seq - b.seq);
    if (pending.length === 0) return 0;
    const dir = outDir();
    mkdirSync(dir, { recursive: true });
    const existing = readdirSync(dir).filter((n) => OUTBOX_FILE_RE.test(n)).sort();
    const target = path.join(dir, fileFor(opts.now()));
    // Where a crash may have left lines: the newest file (today's, or an earlier day's if no line went out since).
    const newest = existing.length > 0 ? path.join(dir, existing[existing.length - 1]) : null;
    const pendingIds = new Set(pending.map((e) => e.id));
    if (newest) {
      const fd = openSync(newest, 'r+');
      try {
        cutTornTail(fd, newest);
      } finally {
        closeSync(fd);
      }
    }
    const already = newest ? idsAtTail(newest, pendingIds) : new Set<string>();
    const lines: string[] = [];
    const done: Change[] = [];
    for (const e of pending) {
      if (already.has(e.id)) {
        done.push({ op: 'del', coll: 'outbox', id: e.id });
        continue;
      }
      const conversationId = links.externalOf(e.conversationId);
      if (conversationId === undefined) {
        opts.log('error', `outbox: ${e.id} names ${e.conversationId}, which has no platform id; kept pending`);
        continue;
      }
      const line: SpoolOutEvent = { id: e.id, at: new Date(e.at).toISOString(), conversationId, ...e.event };
      SpoolOutEvent.parse(line); // what the connector reads is checked like what it writes (the parse turns `at` into ms)
      lines.push(`${JSON.stringify(line)}\n`);
      done.push({ op: 'del', coll: 'outbox', id: e.id });
    }
    if (lines.length > 0) {
      const created = !existsSync(target);
      const fd = openSync(target, 'a');
      try {
        const data = Buffer.from(lines.join(''), 'utf8');
        for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off);
        fdatasyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (created) syncDir(dir);
    }
    if (done.length > 0) await store.commit(done);
    return lines.length;
  }

  return { augment, flush, outDir };
}
export type Outbox = ReturnType<typeof createOutbox>;

/** A new file's name is durable only once its folder is synced (not possible on Windows: skipped there). */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
