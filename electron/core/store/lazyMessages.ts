/**
 * The messages collection, with the messages of the snapshot left on disk until someone reads them.
 *
 * Why: at 50 000 conversations × 20 messages the messages are ~90 % of a snapshot's bytes, and decoding, parsing and
 * validating them was most of a cold start (~13 s) and of the process's memory (~1.1 GB). At open the snapshot's
 * message lines are now only cut, checksummed and skimmed (messageSkim.ts) for the fields the core's indexes and the
 * performance facts need: id, conversation, time, author, author id, internal flag (`headOf`, `metaOf`). The text
 * stays in the file and is read, parsed and validated when a service asks for the message (`get`, or an iteration:
 * a conversation opened, the search indexer, a backup).
 *
 * The map's values are either a message (journaled since the snapshot, or read eagerly because its line could not be
 * skimmed) or a slot number: where the message's line is in the snapshot file, kept open for the store's life. The
 * snapshot file never changes once written (a compaction writes a new one), and an open descriptor keeps it readable
 * even after a later compaction removes its name.
 *
 * With the snapshot's index (snapshotIndex.ts) the open does not even skim: it jumps over the message lines and hands
 * their range here (`defer`). They are then read in the background, a piece between macrotasks (`load`, started
 * once the core is up), so the first queue page does not wait for a million messages. The map never shows a partial
 * state: any use of it before the background read is done (a read, a deletion, an iteration, its size) first
 * finishes the read, synchronously. Only a `set` does not (a journal replayed at open, a commit): the record set is
 * newer than the snapshot's line for it, which the read then skips, and a `get` of it needs nothing unread. Lines that fail their checksum, or their schema when read whole, are reported as
 * unreadable (`onUnreadable`), as a read from disk would report them, once someone listens.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Message } from '../../../shared/schema';
import { crc32 } from './checksum';
import type { ConversationLine, ConversationLines } from './conversationLines';
import { eachLineWith, idIn, parseLine, rawOf, sumAt, sumOf, type Rest } from './messageLines';
import { AUTHORS, skimMessage, type Skimmed } from './messageSkim';
import { MessageSlots } from './messageSlots';
import { breathe, LINE_PIECE, lineSteps, type LineVisitor } from './snapshotLayout';

export interface MessageHead {
  conversationId: string;
  at: number;
}

/** What the performance facts read of a message (everything but its text), known without reading it from disk. */
export type MessageMeta = Pick<Message, 'id' | 'author' | 'authorId' | 'internal' | 'at'>;

/**
 * Called when a message read from the snapshot fails its schema (or, read in the background, its checksum): it is
 * dropped from the map (quarantined by the caller).
 */
export type UnreadableMessage = (id: string, raw: unknown, error: string) => void;

/** The error a record whose bytes no longer match their checksum is quarantined with (at open or read later). */
export const CHECKSUM_ERROR = 'checksum mismatch: the bytes changed after they were written';

/**
 * How much a read brings in past the message asked for when messages are read one after the other on disk (a
 * conversation's messages, an iteration): one read for many. A read out of sequence (search checking a phrase in
 * scattered messages) brings in only its own line, rounded up to a page.
 */
const WINDOW = 64 * 1024;
/** The background read's piece: ~20 ms of skimming, so a call arriving meanwhile waits at most that long. */
const BACKGROUND_PIECE = 2 << 20;
const PAGE = 4096;
/** An `overridden` id the map already had when it was set: it keeps its place (the line's). */
const IN_PLACE = -1;

export class LazyMessages extends Map<string, Message> {
  private fd: number | null = null;
  /** Where each message left on disk is, and the fields read without its text. */
  private readonly slots = new MessageSlots();
  private win = Buffer.allocUnsafe(WINDOW);
  private winOff = -1;
  private winLen = 0;
  /** Where the last read line ended: the next read starting there is sequential. */
  private lastEnd = -1;
  /** The message lines still to read (`defer`): one piece per step. */
  private loader: Generator<void> | null = null;
  private loading: Promise<void> | null = null;
  /** What the background read waits for before its first piece (holdUntil). */
  private held: Promise<void> | null = null;
  private report: UnreadableMessage | null = null;
  /**
   * Ids set while lines `defer` left were unread: newer than the snapshot's, so its lines for them are skipped. Each
   * with where the map placed it (conversationWhileReading keeps the map's order): IN_PLACE for an id the map already
   * had (a line read already: it keeps that place), else the number of lines read when it was added, less a half.
   */
  private overridden: Map<string, number> | null = null;
  /** How many conversations were found by a pass over the unread bytes (not through the conversation lines). */
  scans = 0;
  /** The snapshot's conversation lines (conversationLines.ts), found at the first conversation asked for. */
  private findLines: (() => ConversationLines | null) | null = null;
  private lines: ConversationLines | null = null;
  /** Where the read `defer` left is: the next line's offset and number, the end, the checksums. */
  private rest: Rest | null = null;
  /** Message lines `defer` left that are not read yet. */
  private unread = 0;
  /** Unreadable messages found before anyone listened (a read forced during the open). */
  private unheard: [string, unknown, string][] = [];

  set onUnreadable(fn: UnreadableMessage) {
    this.report = fn;
    for (const u of this.unheard.splice(0)) fn(...u);
  }

  private unreadable(id: string, raw: unknown, error: string): void {
    if (this.report) this.report(id, raw, error);
    else this.unheard.push([id, raw, error]);
  }

  /** Reads from `file` (the snapshot being opened); `close` releases it. */
  attach(file: string): void {
    this.fd ??= openSync(file, 'r');
  }

  /** A message left on disk: its line's bytes are `len` bytes at `off` in the attached file. */
  addSlot(m: Skimmed, off: number, len: number): number {
    const slot = this.slots.add(m, off, len);
    super.set(m.id, slot as unknown as Message);
    return slot;
  }

  /**
   * The message lines between `from` and `to` in the attached file (a snapshot's messages section, its opening and
   * closing lines left out) are read later: `count` of them, with `sumsHex` their checksums from the snapshot's end
   * (8 hex digits each: decoded by the read, not by the open; ~0.1 s at a million messages).
   */
  defer(from: number, to: number, count: number, sumsHex: string, chunk = Math.min(LINE_PIECE.bytes, BACKGROUND_PIECE)): void {
    if (this.fd === null) throw new Error('messages store: defer before attach');
    let n = 0;
    this.unread = count;
    const rest = (this.rest = { from, to, ordinal: 0, count, sumsHex, sums: null });
    const line: LineVisitor = (bytes, _text, offset) => {
      const i = n++;
      this.unread = Math.max(0, count - n);
      rest.from = offset + bytes.length + 1;
      rest.ordinal = n;
      const body = bytes[bytes.length - 1] === 0x2c ? bytes.subarray(0, -1) : bytes;
      if (i >= count || crc32(body) !== sumAt(rest, i)) return this.damaged(body, i);
      const head = skimMessage(body);
      if (head) {
        if (!this.overridden?.has(head.id)) this.addSlot(head, offset, body.length);
      } else this.readWhole(body);
    };
    const fd = this.fd;
    const steps = function* (self: LazyMessages): Generator<void> {
      self.slots.reserve(count);
      yield* lineSteps(fd, line, chunk, undefined, () => false, { from, to });
      self.unread = 0;
      self.overridden = null;
      self.rest = null;
      self.dropLines();
      self.slots.fit();
      if (n < count) self.unreadable(`(${count - n} lines)`, null, `the messages section ends after ${n} of its ${count} lines: the file changed after it was written`);
      self.loader = null;
    };
    this.loader = steps(this);
  }

  /**
   * One conversation's messages while the background read is still going, without finishing it: those in the map
   * (read already, or set since the open), then those in the lines still unread, found by their conversation's id
   * in the bytes and each checked (checksum, schema) as the read will check it. In store order, as the map will have
   * them. Scanning what is unread costs a pass over its bytes (~0.5 s at 50 000 × 20 right after the open) instead
   * of waiting for the whole read. null when nothing is left to read (ask the map).
   */
  conversationWhileReading(conversationId: string): Message[] | null {
    const rest = this.rest;
    if (!this.loader || !rest || this.fd === null) return null;
    if (this.findLines) {
      this.lines = this.findLines(); // once: a file that does not fit is not tried again
      this.findLines = null;
    }
    const mine = this.lines?.linesOf(conversationId);
    return (mine && this.conversationByLines(conversationId, mine, rest)) ?? this.conversationByScan(conversationId, rest);
  }

  /**
   * The snapshot's conversation lines say where this conversation's lines are: each read from its offset (the lines
   * already read too, for their place in the map's order), with what was set since the open put where the map put
   * it. null when the lines cannot tell (a message set since the open that now names this conversation but whose
   * line names another): scan instead.
   */
  private conversationByLines(conversationId: string, lines: ConversationLine[], rest: Rest): Message[] | null {
    const appended: Message[] = [];
    const appendedAt: number[] = [];
    const inPlace = new Set<string>();
    for (const [id, at] of this.overridden ?? []) {
      const m = super.get(id) as unknown;
      if (typeof m !== 'object' || m === null || (m as Message).conversationId !== conversationId) continue;
      if (at === IN_PLACE) inPlace.add(id);
      else {
        appended.push(m as Message);
        appendedAt.push(at);
      }
    }
    const out: Message[] = [];
    let next = 0;
    for (const line of lines) {
      while (next < appended.length && appendedAt[next] < line.ordinal) out.push(appended[next++]);
      const body = this.bytesAt(line.offset, line.bytes);
      if (line.ordinal >= rest.ordinal) {
        // Not read yet: checked as the read will check it (a damaged line is left to the read, which quarantines it).
        if (crc32(body) !== sumOf(rest, line.ordinal)) continue;
        const r = parseLine(body.toString('utf8'));
        if (r.ok && r.message.conversationId === conversationId && !this.overridden?.has(r.message.id)) out.push(r.message);
        continue;
      }
      // Read already: the map holds what it made of it (nothing when it was unreadable).
      // Only its id is needed here (the map's value is read below): skimmed, parsed only when the skim gives up.
      const id = skimMessage(body)?.id ?? idIn(rawOf(body.toString('utf8')));
      if (id === null) continue;
      if (inPlace.delete(id)) {
        out.push(super.get(id) as unknown as Message);
        continue;
      }
      if (this.overridden?.has(id)) continue; // placed after the lines read when it was set
      const v = super.get(id) as unknown;
      const m = typeof v === 'number' ? this.read(id, v) : (v as Message | undefined);
      if (m && m.conversationId === conversationId) out.push(m);
    }
    while (next < appended.length) out.push(appended[next++]);
    return inPlace.size === 0 ? out : null;
  }

  /** conversationWhileReading without the snapshot's conversation lines: a pass over the bytes still unread. */
  private conversationByScan(conversationId: string, rest: Rest): Message[] {
    this.scans++;
    const fd = this.fd!;
    const out: Message[] = [];
    for (const [id, v] of super.entries() as IterableIterator<[string, unknown]>) {
      if (typeof v === 'number') {
        if (this.slots.conversationOf(v) !== conversationId) continue;
        const m = this.read(id, v);
        if (m) out.push(m);
      } else if ((v as Message).conversationId === conversationId) out.push(v as Message);
    }
    const key = Buffer.from(`"conversationId":${JSON.stringify(conversationId)}`);
    eachLineWith(fd, key, rest, (bytes, i) => {
      const body = bytes[bytes.length - 1] === 0x2c ? bytes.subarray(0, -1) : bytes;
      // A damaged line is left to the read, which quarantines it; never shown meanwhile.
      if (i >= rest.count || crc32(body) !== sumAt(rest, i)) return;
      const r = parseLine(body.toString('utf8'));
      if (r.ok && r.message.conversationId === conversationId && !this.overridden?.has(r.message.id)) out.push(r.message);
    });
    return out;
  }

  /** Where the snapshot's conversation lines come from (conversationLines.ts): read at the first conversation asked for. */
  findLinesWith(find: () => ConversationLines | null): void {
    this.findLines = find;
  }

  /** The conversation lines are of no more use once every line is read (or the store closes). */
  private dropLines(): void {
    this.findLines = null;
    this.lines?.close();
    this.lines = null;
  }

  /** Still reading what `defer` left. */
  get reading(): boolean {
    return this.loader !== null;
  }

  /** Message lines `defer` left that are not read yet. */
  get unreadLines(): number {
    return this.unread;
  }

  /** How many messages the map will hold, without finishing a read `defer` left (the open's log line). */
  get sizeWithoutReading(): number {
    return super.size + this.unread;
  }

  /**
   * The background read starts once `until` resolves (the core's first page first: firstPageGate.ts). Only the
   * background read waits: a conversation opened meanwhile is found in the unread lines as before.
   */
  holdUntil(until: Promise<void>): void {
    this.held = until;
  }

  /** Reads what `defer` left, a piece at a time between macrotasks; resolves once the map holds every message. */
  load(): Promise<void> {
    return (this.loading ??= (async () => {
      await this.held;
      // Not in the turn of whoever asks first (a service as the core starts): the first piece waits its turn too.
      await breathe();
      while (this.loader) {
        this.loader.next();
        if (this.loader) await breathe();
      }
    })());
  }

  /** The rest of what `defer` left, read now: the map is about to be used. */
  private settle(): void {
    while (this.loader) this.loader.next();
  }

  private damaged(body: Buffer, line: number): void {
    const raw = rawOf(body.toString('utf8'));
    this.unreadable(idIn(raw) ?? `(line ${line + 1})`, raw, CHECKSUM_ERROR);
  }

  /** A line the skim could not read (an escape, say): parsed and validated now. */
  private readWhole(body: Buffer): void {
    const r = parseLine(body.toString('utf8'));
    if (r.ok) {
      if (!this.overridden?.has(r.message.id)) super.set(r.message.id, r.message);
    } else this.unreadable(idIn(r.raw) ?? '(unknown id)', r.raw, r.error);
  }

  /** The text of a slot's line as it is on disk (for quarantining a line that failed its checksum). */
  slotText(slot: number): string {
    return this.bytesOf(slot).toString('utf8');
  }

  /** Messages still on disk (not read into memory nor replaced since the open). */
  get onDisk(): number {
    this.settle();
    let n = 0;
    for (const v of super.values()) if (typeof v === 'number') n++;
    return n;
  }

  override get size(): number {
    this.settle();
    return super.size;
  }

  override has(id: string): boolean {
    this.settle();
    return super.has(id);
  }

  override set(id: string, m: Message): this {
    if (this.loader) {
      // Newer than any line still unread (a journal replayed at open, a commit): that line is skipped when it comes.
      const o = (this.overridden ??= new Map());
      if (!o.has(id)) o.set(id, super.has(id) ? IN_PLACE : (this.rest?.ordinal ?? 0) - 0.5);
      return super.set(id, m);
    }
    return super.set(id, m);
  }

  override delete(id: string): boolean {
    this.settle();
    return super.delete(id);
  }

  override clear(): void {
    this.loader = null;
    this.rest = null;
    this.dropLines();
    this.unread = 0;
    this.overridden = null;
    super.clear();
  }

  override keys(): MapIterator<string> {
    this.settle();
    return super.keys();
  }

  override get(id: string): Message | undefined {
    if (!this.overridden?.has(id)) this.settle();
    const v = super.get(id) as unknown;
    return typeof v === 'number' ? this.read(id, v) : (v as Message | undefined);
  }

  /** A message's conversation and time, without reading it from disk. */
  headOf(id: string): MessageHead | undefined {
    this.settle();
    const v = super.get(id) as unknown;
    if (typeof v === 'number') return { conversationId: this.slots.conversationOf(v), at: this.slots.atOf(v) };
    const m = v as Message | undefined;
    return m && { conversationId: m.conversationId, at: m.at };
  }

  /** A message's fields but its text, without reading it from disk. */
  metaOf(id: string): MessageMeta | undefined {
    this.settle();
    const v = super.get(id) as unknown;
    if (typeof v !== 'number') return v as Message | undefined;
    const kind = this.slots.kindOf(v);
    return { id, author: AUTHORS[kind & 3], authorId: this.slots.authorIdOf(v), internal: (kind & 4) !== 0, at: this.slots.atOf(v) };
  }

  /** Every message's id, conversation and time, in the map's order, without reading any from disk. */
  eachHead(visit: (id: string, conversationId: string, at: number) => void): void {
    this.settle();
    for (const [id, v] of super.entries() as IterableIterator<[string, unknown]>) {
      if (typeof v === 'number') visit(id, this.slots.conversationOf(v), this.slots.atOf(v));
      else visit(id, (v as Message).conversationId, (v as Message).at);
    }
  }

  override values(): MapIterator<Message> {
    this.settle();
    return this.each((_, m) => m) as unknown as MapIterator<Message>;
  }

  override entries(): MapIterator<[string, Message]> {
    this.settle();
    return this.each((id, m) => [id, m] as [string, Message]) as unknown as MapIterator<[string, Message]>;
  }

  override [Symbol.iterator](): MapIterator<[string, Message]> {
    return this.entries();
  }

  override forEach(fn: (value: Message, key: string, map: Map<string, Message>) => void, thisArg?: unknown): void {
    for (const [id, m] of this.entries()) fn.call(thisArg, m, id, this);
  }

  private *each<T>(out: (id: string, m: Message) => T): Generator<T> {
    for (const [id, v] of super.entries() as IterableIterator<[string, unknown]>) {
      const m = typeof v === 'number' ? this.read(id, v) : (v as Message);
      if (m) yield out(id, m);
    }
  }

  private read(id: string, slot: number): Message | undefined {
    const r = parseLine(this.bytesOf(slot).toString('utf8'));
    if (r.ok) {
      // The strings this map already holds, not the parse's copies: whoever keeps a message's id (the search index
      // keeps every one) then shares one string with the map's key.
      const m = r.message;
      if (m.id === id) m.id = id;
      const conversationId = this.slots.conversationOf(slot);
      if (m.conversationId === conversationId) m.conversationId = conversationId;
      const authorId = this.slots.authorIdOf(slot);
      if (m.authorId !== null && m.authorId === authorId) m.authorId = authorId;
      return m;
    }
    super.delete(id);
    this.unreadable(id, r.raw, r.error);
    return undefined;
  }

  /** A slot's bytes, through a small window: reading a conversation's messages one after the other is one read. */
  private bytesOf(slot: number): Buffer {
    return this.bytesAt(this.slots.offOf(slot), this.slots.lenOf(slot), slot);
  }

  /** `len` bytes at `off` in the snapshot file, through the window. */
  private bytesAt(off: number, len: number, slot?: number): Buffer {
    if (this.fd === null) throw new Error('messages store: the snapshot file is closed');
    if (off < this.winOff || off + len > this.winOff + this.winLen) {
      const size = off === this.lastEnd || off === this.lastEnd + 2 ? Math.max(len, WINDOW) : Math.ceil(len / PAGE) * PAGE;
      if (this.win.length < size) this.win = Buffer.allocUnsafe(size);
      this.winLen = readSync(this.fd, this.win, 0, size, off);
      this.winOff = off;
      if (this.winLen < len) throw new Error(`messages store: the snapshot file ends before ${slot === undefined ? `offset ${off + len}` : `message slot ${slot}`}`);
    }
    const at = off - this.winOff;
    this.lastEnd = off + len;
    return this.win.subarray(at, at + len);
  }

  close(): void {
    this.loader = null;
    this.rest = null;
    this.dropLines();
    this.unread = 0;
    this.overridden = null;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** The conversation and time of a message, read without its text when the store keeps it on disk. */
export function messageHeadOf(messages: ReadonlyMap<string, Message>, id: string): MessageHead | undefined {
  if (messages instanceof LazyMessages) return messages.headOf(id);
  const m = messages.get(id);
  return m && { conversationId: m.conversationId, at: m.at };
}

/** A message's fields but its text, without reading it from disk where the store keeps it there. */
export function messageMetaOf(messages: ReadonlyMap<string, Message>, id: string): MessageMeta | undefined {
  return messages instanceof LazyMessages ? messages.metaOf(id) : messages.get(id);
}

/** Every message's id, conversation and time, without reading texts from disk where the store keeps them there. */
export function eachMessageHead(messages: ReadonlyMap<string, Message>, visit: (id: string, conversationId: string, at: number) => void): void {
  if (messages instanceof LazyMessages) return messages.eachHead(visit);
  for (const [id, m] of messages) visit(id, m.conversationId, m.at);
}

/** Resolves once every message of the store is in its map (at once unless the snapshot's are still being read). */
export function messagesLoaded(messages: ReadonlyMap<string, Message>): Promise<void> {
  return messages instanceof LazyMessages ? messages.load() : Promise.resolve();
}

/** The background read of the snapshot's messages waits for `until` (LazyMessages.holdUntil). */
export function holdMessagesRead(messages: ReadonlyMap<string, Message>, until: Promise<void>): void {
  if (messages instanceof LazyMessages) messages.holdUntil(until);
}

/** True while the store is still reading the snapshot's messages in the background (`defer`). */
export function messagesPending(messages: ReadonlyMap<string, Message>): boolean {
  return messages instanceof LazyMessages && messages.reading;
}

/**
 * One conversation's messages, in store order, while the store is still reading the snapshot's messages in the
 * background, without waiting for that read (null: not reading; ask the store as usual).
 */
export function conversationWhileReading(messages: ReadonlyMap<string, Message>, conversationId: string): Message[] | null {
  return messages instanceof LazyMessages ? messages.conversationWhileReading(conversationId) : null;
}
