/**
 * Where each message left on disk is, and the fields the core's indexes read without its text (lazyMessages.ts):
 * one number per slot in typed arrays, and the conversation and author ids as numbers into one table of their
 * strings. A million messages would otherwise hold a million objects, a million copies of a few thousand ids, and
 * two arrays of references (8 bytes a slot, against 4).
 */
import { resized } from './mappedMemory';
import type { Skimmed } from './messageSkim';

/** No author id (a slot's authorIds entry). */
const NO_STRING = 0xffffffff;

export class MessageSlots {
  private offs = new Float64Array(1024);
  private lens = new Uint32Array(1024);
  private ats = new Float64Array(1024);
  /** AUTHORS index | 4 when internal. */
  private kinds = new Uint8Array(1024);
  private convs = new Uint32Array(1024);
  private authorIds = new Uint32Array(1024);
  private count = 0;
  private readonly strings: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** A new slot for a message whose line is `len` bytes at `off`; its number. */
  add(m: Skimmed, off: number, len: number): number {
    const slot = this.count++;
    if (slot === this.offs.length) this.grow();
    this.offs[slot] = off;
    this.lens[slot] = len;
    this.ats[slot] = m.at;
    this.kinds[slot] = m.author | (m.internal ? 4 : 0);
    this.convs[slot] = this.intern(m.conversationId);
    this.authorIds[slot] = m.authorId === null ? NO_STRING : this.intern(m.authorId);
    return slot;
  }

  offOf = (slot: number): number => this.offs[slot];
  lenOf = (slot: number): number => this.lens[slot];
  atOf = (slot: number): number => this.ats[slot];
  kindOf = (slot: number): number => this.kinds[slot];
  conversationOf = (slot: number): string => this.strings[this.convs[slot]];
  authorIdOf = (slot: number): string | null => {
    const n = this.authorIds[slot];
    return n === NO_STRING ? null : this.strings[n];
  };

  /**
   * Room for `more` slots beyond those in use (the background read knows how many lines it will add): no growing by
   * doubling, each step of which copied every array and dropped the old ones.
   */
  reserve(more: number): void {
    if (this.count + more > this.offs.length) this.resize(this.count + more);
  }

  /**
   * The arrays cut to the slots in use, once no more come (the background read is done): grown by doubling, up to
   * half of each was room (~88 MB at 4 200 000 messages).
   */
  fit(): void {
    if (this.count < this.offs.length) this.resize(this.count);
  }

  private intern(s: string): number {
    let n = this.numbers.get(s);
    if (n === undefined) {
      n = this.strings.push(s) - 1;
      this.numbers.set(s, n);
    }
    return n;
  }

  private grow(): void {
    this.resize(Math.max(1024, this.offs.length * 2));
  }

  /** Every array copied into one of `n` slots (mapped by V8 when large: mappedMemory.ts). */
  private resize(n: number): void {
    this.offs = resized(this.offs, n);
    this.lens = resized(this.lens, n);
    this.ats = resized(this.ats, n);
    this.kinds = resized(this.kinds, n);
    this.convs = resized(this.convs, n);
    this.authorIds = resized(this.authorIds, n);
  }
}
