/**
 * The messages collection, with the messages of the snapshot left on disk until someone reads them.
 *
 * Why: at 50 000 conversations × 20 messages the messages are ~90 % of a snapshot's bytes, and decoding, parsing and
 * validating them was most of a cold start (~13 s) and of the process's memory (~1.1 GB). At open the snapshot's
 * message lines are now only cut, checksummed and skimmed for the three fields the core's indexes need (id,
 * conversation, time: `headOf`); the text stays in the file and is read, parsed and validated when a service asks
 * for the message (`get`, or an iteration: a conversation opened, the search indexer, a backup).
 *
 * The map's values are either a message (journaled since the snapshot, or read eagerly because its line could not be
 * skimmed) or a slot number: where the message's line is in the snapshot file, kept open for the store's life. The
 * snapshot file never changes once written (a compaction writes a new one), and an open descriptor keeps it readable
 * even after a later compaction removes its name.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Message } from '../../../shared/schema';

export interface MessageHead {
  conversationId: string;
  at: number;
}

/** Called when a message read from the snapshot fails its schema: it is dropped from the map (quarantined by the caller). */
export type UnreadableMessage = (id: string, raw: unknown, error: string) => void;

const ID_KEY = Buffer.from('"id":"');
const CONVERSATION_KEY = Buffer.from('"conversationId":"');
const AT_KEY = Buffer.from('"at":');
/** How much a read brings in past the message asked for: a conversation's messages are usually neighbours on disk. */
const WINDOW = 64 * 1024;

/**
 * The string value of `key` in a flat JSON object's bytes; null when missing or when it holds an escape (the caller
 * then parses the line whole). `"id":"` cannot match inside a string value: every quote inside one is escaped, and
 * the key's closing quote is preceded by a letter, not a backslash. Message records have no nested objects.
 */
function stringField(bytes: Buffer, key: Buffer): string | null {
  const k = bytes.indexOf(key);
  if (k < 0) return null;
  const start = k + key.length;
  const end = bytes.indexOf(0x22, start);
  if (end <= start) return null;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === 0x5c) return null;
    if (b >= 0x80) return bytes.toString('utf8', start, end);
  }
  return bytes.toString('latin1', start, end);
}

/** The non-negative integer value of `key`; -1 when missing or not a plain integer. */
function intField(bytes: Buffer, key: Buffer): number {
  const k = bytes.indexOf(key);
  if (k < 0) return -1;
  let i = k + key.length;
  let v = 0;
  let digits = 0;
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x30 || b > 0x39) break;
    v = v * 10 + (b - 0x30);
    digits++;
  }
  const next = bytes[i];
  if (digits === 0 || digits > 15 || (next !== 0x2c && next !== 0x7d)) return -1;
  return v;
}

/** A message line's id, conversation and time, read from its bytes without decoding the rest (null: parse it whole). */
export function skimMessage(bytes: Buffer): { id: string; conversationId: string; at: number } | null {
  if (bytes[0] !== 0x7b || bytes[bytes.length - 1] !== 0x7d) return null;
  const id = stringField(bytes, ID_KEY);
  const conversationId = id === null ? null : stringField(bytes, CONVERSATION_KEY);
  const at = conversationId === null ? -1 : intField(bytes, AT_KEY);
  if (id === null || conversationId === null || at < 0 || id.length > 128 || conversationId.length > 128) return null;
  return { id, conversationId, at };
}

export class LazyMessages extends Map<string, Message> {
  private fd: number | null = null;
  private offs = new Float64Array(1024);
  private lens = new Uint32Array(1024);
  private ats = new Float64Array(1024);
  private convs: string[] = [];
  private slots = 0;
  /** One string per conversation id: a million messages would otherwise hold a million copies. */
  private readonly interned = new Map<string, string>();
  private win = Buffer.allocUnsafe(WINDOW);
  private winOff = -1;
  private winLen = 0;
  onUnreadable: UnreadableMessage = () => {};

  /** Reads from `file` (the snapshot being opened); `close` releases it. */
  attach(file: string): void {
    this.fd ??= openSync(file, 'r');
  }

  /** A message left on disk: its line's bytes are `len` bytes at `off` in the attached file. */
  addSlot(id: string, conversationId: string, at: number, off: number, len: number): number {
    const slot = this.slots++;
    if (slot === this.offs.length) this.grow();
    this.offs[slot] = off;
    this.lens[slot] = len;
    this.ats[slot] = at;
    let conv = this.interned.get(conversationId);
    if (conv === undefined) this.interned.set(conversationId, (conv = conversationId));
    this.convs[slot] = conv;
    super.set(id, slot as unknown as Message);
    return slot;
  }

  private grow(): void {
    const n = this.offs.length * 2;
    const offs = new Float64Array(n);
    offs.set(this.offs);
    const lens = new Uint32Array(n);
    lens.set(this.lens);
    const ats = new Float64Array(n);
    ats.set(this.ats);
    this.offs = offs;
    this.lens = lens;
    this.ats = ats;
  }

  /** The text of a slot's line as it is on disk (for quarantining a line that failed its checksum). */
  slotText(slot: number): string {
    return this.bytesOf(slot).toString('utf8');
  }

  /** Messages still on disk (not read into memory nor replaced since the open). */
  get onDisk(): number {
    let n = 0;
    for (const v of super.values()) if (typeof v === 'number') n++;
    return n;
  }

  override get(id: string): Message | undefined {
    const v = super.get(id) as unknown;
    return typeof v === 'number' ? this.read(id, v) : (v as Message | undefined);
  }

  /** A message's conversation and time, without reading it from disk. */
  headOf(id: string): MessageHead | undefined {
    const v = super.get(id) as unknown;
    if (typeof v === 'number') return { conversationId: this.convs[v], at: this.ats[v] };
    const m = v as Message | undefined;
    return m && { conversationId: m.conversationId, at: m.at };
  }

  /** Every message's id, conversation and time, in the map's order, without reading any from disk. */
  eachHead(visit: (id: string, conversationId: string, at: number) => void): void {
    for (const [id, v] of super.entries() as IterableIterator<[string, unknown]>) {
      if (typeof v === 'number') visit(id, this.convs[v], this.ats[v]);
      else visit(id, (v as Message).conversationId, (v as Message).at);
    }
  }

  override values(): MapIterator<Message> {
    return this.each((_, m) => m) as unknown as MapIterator<Message>;
  }

  override entries(): MapIterator<[string, Message]> {
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
    const text = this.bytesOf(slot).toString('utf8');
    let raw: unknown = text;
    try {
      raw = JSON.parse(text);
    } catch {
      // kept as its text for the quarantine
    }
    const r = Message.safeParse(raw);
    if (r.success) return r.data;
    super.delete(id);
    this.onUnreadable(id, raw, r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return undefined;
  }

  /** A slot's bytes, through a small window: reading a conversation's messages one after the other is one read. */
  private bytesOf(slot: number): Buffer {
    const off = this.offs[slot];
    const len = this.lens[slot];
    if (this.fd === null) throw new Error('messages store: the snapshot file is closed');
    if (off < this.winOff || off + len > this.winOff + this.winLen) {
      const size = Math.max(len, WINDOW);
      if (this.win.length < size) this.win = Buffer.allocUnsafe(size);
      this.winLen = readSync(this.fd, this.win, 0, size, off);
      this.winOff = off;
      if (this.winLen < len) throw new Error(`messages store: the snapshot file ends before message slot ${slot}`);
    }
    const at = off - this.winOff;
    return this.win.subarray(at, at + len);
  }

  close(): void {
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

/** Every message's id, conversation and time, without reading texts from disk where the store keeps them there. */
export function eachMessageHead(messages: ReadonlyMap<string, Message>, visit: (id: string, conversationId: string, at: number) => void): void {
  if (messages instanceof LazyMessages) return messages.eachHead(visit);
  for (const [id, m] of messages) visit(id, m.conversationId, m.at);
}
