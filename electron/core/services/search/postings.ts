/**
 * The search index's posting lists ((document, mask) pairs per term) and the blocks of memory they live in. The
 * engine (engine.ts) appends to them while indexing and decodes them (`decode`) when answering.
 *
 * A list is bytes: each pair as two unsigned LEB128 varints, the document as the gap from the pair before (documents
 * only grow along a list) and the mask of slots as it is. Most gaps and masks fit one or two bytes, so a pair takes
 * ~3 bytes where two 32-bit integers took 8: the lists of a 1 000 000-message index went from 362 to 150 MB.
 */
/**
 * Bytes per block of posting lists: the first block is small (a small store's index); the next ones just over
 * 32 MiB, the size from which the C allocator always maps a block of its own and gives it back whole when freed
 * (16 MiB blocks, tried first, stayed in its heap once freed: ~280 MB of RSS left behind after a build). Pages of a
 * block not written yet cost no memory.
 */
const FIRST_BLOCK_BYTES = 1 << 18;
const BLOCK_BYTES = (32 << 20) + 4096;
/** The most one pair takes: two 32-bit values as varints, five bytes each. */
const PAIR_MAX_BYTES = 10;
/** Room a new list starts with. */
const FIRST_LIST_BYTES = 8;

/**
 * Where the posting lists live: views into a few large blocks, not one typed array each. Tens of thousands of small
 * arrays, each replaced by a bigger one as it grows, were each a separate allocation in the C heap, and the freed
 * ones stayed there: after indexing 1 000 000 messages the process's C heap held ~305 MB for ~156 MB of lists
 * (RSS counts it all). A block is one allocation the system takes back whole once nothing points into it; a list that
 * grows moves to a new place in the current block, and when the places left behind add up to half of all the room
 * given out (and when the start-up build is done), `repack` slides every list down over them, so the blocks emptied
 * at the end go.
 */
export class PostingsPool {
  /** The blocks in the order they were made; lists are given room at the end of the last one. */
  private blocks: Uint8Array[] = [];
  private used = 0;
  /** Bytes given out, and those of them left behind by lists that moved. */
  private given = 0;
  private dead = 0;
  /**
   * Bytes of blocks let go by repacks, ever. They are freed when the isolate next collects garbage, which on a
   * thread that only indexes may be long after (searchWorker.ts asks for a collection when this grows).
   */
  released = 0;

  alloc(n: number): Uint8Array {
    let block = this.blocks.at(-1);
    if (!block || this.used + n > block.length) {
      block = new Uint8Array(Math.max(this.blocks.length === 0 ? FIRST_BLOCK_BYTES : BLOCK_BYTES, n));
      this.blocks.push(block);
      this.used = 0;
    }
    const view = block.subarray(this.used, this.used + n);
    this.used += n;
    this.given += n;
    return view;
  }

  /** A list left `n` bytes behind (it moved). */
  free(n: number): void {
    this.dead += n;
  }

  /** Half of what was given out is left behind (and it is worth a copy): time to repack. */
  get wasteful(): boolean {
    return this.dead > FIRST_BLOCK_BYTES && this.dead * 2 > this.given;
  }

  /**
   * Slides every list down over the room left behind, in place, in the order they lie in the blocks, each keeping
   * room for exactly what it holds; the blocks emptied at the end are let go. In place, so a repack needs no memory
   * of its own (copying into a fresh block held the old blocks and the new one at once: +150 MB at the peak of a
   * 50 000-conversation start). A list never moves up: the lists before it, packed, take no more room than they did.
   */
  repack(lists: Iterable<Postings>): void {
    const where = new Map<ArrayBufferLike, number>(this.blocks.map((b, i) => [b.buffer, i]));
    const all = [...lists].map((p) => ({ p, at: where.get(p.buf.buffer)! * 2 ** 32 + p.buf.byteOffset }));
    all.sort((a, b) => a.at - b.at);
    let into = 0;
    let pos = 0;
    let given = 0;
    for (const { p } of all) {
      const n = Math.max(p.len, 1);
      if (pos + n > this.blocks[into].length) {
        into++;
        pos = 0;
      }
      const target = this.blocks[into];
      const from = p.buf.byteOffset;
      if (p.buf.buffer === target.buffer) target.copyWithin(pos, from, from + p.len);
      else target.set(p.buf.subarray(0, p.len), pos);
      p.buf = target.subarray(pos, pos + n);
      pos += n;
      given += n;
    }
    for (let i = into + 1; i < this.blocks.length; i++) this.released += this.blocks[i].length;
    this.blocks.length = Math.min(this.blocks.length, into + 1);
    this.used = pos;
    this.given = given;
    this.dead = 0;
  }
}

export class Postings {
  /** The (document gap, mask) pairs as varints; `len` bytes of it are used. */
  buf: Uint8Array;
  len = 0;
  /** Pairs held. */
  count = 0;
  /** The document of the last pair (the next gap is counted from it). */
  private last = 0;
  constructor(private readonly pool: PostingsPool) {
    this.buf = pool.alloc(FIRST_LIST_BYTES);
  }
  /** Appends a pair; `doc` is above every document the list holds. */
  push(doc: number, mask: number) {
    if (this.len + PAIR_MAX_BYTES > this.buf.length) {
      // Doubled: what a list leaves behind stays in its block until a repack, and doubling leaves behind at most
      // as much as the list holds (growing by a quarter would leave four times as much).
      const next = this.pool.alloc(Math.max(this.buf.length * 2, this.len + PAIR_MAX_BYTES));
      next.set(this.buf.subarray(0, this.len));
      this.pool.free(this.buf.length);
      this.buf = next;
    }
    const b = this.buf;
    let i = this.len;
    let v = doc - this.last;
    while (v >= 0x80) {
      b[i++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[i++] = v;
    v = mask >>> 0;
    while (v >= 0x80) {
      b[i++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[i++] = v;
    this.len = i;
    this.last = doc;
    this.count++;
  }
  /** Every pair in document order, into `docs` and `masks` (each at least `count` long); returns the count. */
  decode(docs: Int32Array, masks: Int32Array): number {
    const b = this.buf;
    const end = this.len;
    let doc = 0;
    let k = 0;
    for (let i = 0; i < end; ) {
      let x = b[i++];
      let v = x & 0x7f;
      for (let s = 7; x & 0x80; s += 7) {
        x = b[i++];
        v |= (x & 0x7f) << s;
      }
      doc += v;
      x = b[i++];
      let m = x & 0x7f;
      // The fifth byte's low four bits land in bits 28–31: the mask comes back as the same 32-bit integer.
      for (let s = 7; x & 0x80; s += 7) {
        x = b[i++];
        m |= (x & 0x7f) << s;
      }
      docs[k] = doc;
      masks[k++] = m;
    }
    return k;
  }
}
