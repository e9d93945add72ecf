import { indexTokens, queryTerms } from '../../../../shared/rules/segment';
import { arrange, PHRASE_WINDOW } from './arrange';
import { Postings, PostingsPool } from './postings';

/**
 * The full-text index: an inverted index of the zh/en tokens of shared/rules/segment.ts, written for this app's
 * queries (every word must match, inside one message) instead of a general-purpose scorer. It holds no text: the
 * caller looks texts up (from the store) for the phrase test, so 1 000 000 message bodies are not kept twice.
 *
 * A document is a group of up to 32 texts ("slots") of one record group: a conversation's subject/tags and its
 * messages, or a customer's name. Each posting is (document, bit mask of the slots that hold the term), so the
 * slots that match a query are the AND of its terms' masks: a query is answered per message, exactly, without
 * reading any text, and a conversation's repeated tokens cost one posting. Words of a query that sit in
 * different messages of a conversation give an empty mask at once (the case that used to check every message of
 * thousands of conversations).
 *
 * Postings are appended in document order, and documents are numbered in arrival order (the start-up build adds
 * conversations oldest first), so a higher number is newer. A record that changes is killed in its old document
 * (a per-document "live" mask) and added again in a new one; no posting is ever moved.
 */
export type SlotKind = 'c' | 'm' | 'u';
export interface Slot {
  /** 'c' a conversation's subject and tags, 'm' a message, 'u' a customer's name. */
  kind: SlotKind;
  id: string;
  text: string;
  /** When it was written (a message's time, a conversation's creation), for date filters. */
  at: number;
  /** Who wrote it (an agent's id), for the agent filter. */
  author?: string | null;
}

/** Where a hit is: its slot's kind and record id, and the group it was indexed under. */
export interface SlotRef {
  kind: SlotKind;
  id: string;
  /** The group (conversation id, or "u:" + customer id) it was indexed under. */
  group: string;
}

export interface EngineHit extends SlotRef {
  /** The text holds the query as one phrase. */
  phrase: boolean;
}

/** A query's hits as the index has them (engine.collect), before arrange.ts orders a page of them. */
export interface Collected {
  customers: SlotRef[];
  recent: SlotRef[];
  total: number;
}

/**
 * Filters, applied with bit masks like the query itself, so every hit is counted exactly at the cost of one call
 * per matching document: `doc` drops a document (false), keeps all its slots (true), or keeps only the slots
 * written by `author` ('author'); `from`/`to` bound each slot's time.
 */
export interface EngineFilter {
  /** `data` is what the caller attached to the group with setData. */
  doc?(group: string, kinds: string, data: unknown): boolean | 'author';
  author?: string;
  from?: number;
  to?: number;
}
/** Authors are indexed as a term no text can produce (runs never hold control characters). */
const AUTHOR = '\u0001';

export const SLOTS = 32;

interface Group {
  key: string;
  docs: number[];
  data: unknown;
}

const popcount = (x: number) => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
};

/**
 * Growth of the per-document arrays: doubling while small, then by a quarter, so they carry at most a quarter of
 * themselves spare instead of up to all of it.
 */
const grown = (capacity: number) => (capacity < 4096 ? capacity * 2 : capacity + (capacity >> 2));

const HAN = /\p{Script=Han}/u;
/** The bucket a term is found under for prefix queries: its first character if Han, else its first two. */
const bucketOf = (term: string) => {
  const first = String.fromCodePoint(term.codePointAt(0)!);
  return HAN.test(first) ? first : term.slice(0, 2);
};

/**
 * Index terms by text. The bot's answers and hand-over lines, canned replies and customers' common phrases repeat
 * word for word (a spool import adds ~50 000 bot messages drawn from a few dozen FAQ answers), and tokenising a
 * 100-character answer costs ~20 µs. Bounded, oldest out first; longer texts are rarely repeated and not kept (at most ~20 MB held).
 */
const TOKENS_CACHE_MAX = 2_000;
const TOKENS_CACHE_TEXT_MAX = 400;
const tokensCache = new Map<string, string[]>();
function tokensOf(text: string): string[] {
  if (text.length > TOKENS_CACHE_TEXT_MAX) return indexTokens(text);
  let tokens = tokensCache.get(text);
  if (tokens === undefined) {
    tokens = indexTokens(text);
    if (tokensCache.size >= TOKENS_CACHE_MAX) tokensCache.delete(tokensCache.keys().next().value as string);
    tokensCache.set(text, tokens);
  }
  return tokens;
}

export function createEngine() {
  const pool = new PostingsPool();
  const terms = new Map<string, Postings>();
  /** Terms by bucketOf, for prefix queries (a Han character, or the last Latin word being typed). */
  const buckets = new Map<string, string[]>();
  let docCount = 0;
  let live = new Int32Array(1024);
  let minAt = new Float64Array(1024);
  let maxAt = new Float64Array(1024);
  /**
   * Each slot's time, packed: a document's slots from slotStart[doc], as many as it has texts. (Thirty-two places per
   * document cost 256 bytes each; a message added to an indexed conversation is a document of one text, so an
   * import of 100 000 messages used 25 MB for 0.8 MB of times.)
   */
  let starts = new Int32Array(1024);
  let slotAt = new Float64Array(1024 * 4);
  let slotsUsed = 0;
  /** Each document's group (shared by the group's documents). */
  const docGroup: Group[] = [];
  const docKinds: string[] = [];
  const docIds: string[][] = [];
  const groups = new Map<string, Group>();
  let liveSlots = 0;
  /** Changes whenever the index does (a client can tell its pages came from one state). */
  let version = 0;

  const grow = () => {
    const n = grown(live.length);
    const l = new Int32Array(n);
    l.set(live);
    live = l;
    const a = new Float64Array(n);
    a.set(minAt);
    minAt = a;
    const b = new Float64Array(n);
    b.set(maxAt);
    maxAt = b;
    const c = new Int32Array(n);
    c.set(starts);
    starts = c;
  };
  const reserveSlots = (k: number) => {
    if (slotsUsed + k <= slotAt.length) return;
    const c = new Float64Array(Math.max(slotsUsed + k, grown(slotAt.length)));
    c.set(slotAt.subarray(0, slotsUsed));
    slotAt = c;
  };

  /** Indexes texts of one group, 32 to a document, in the order given (oldest first). */
  function add(group: string, slots: Slot[]) {
    version++;
    for (let from = 0; from < slots.length; from += SLOTS) {
      const part = slots.slice(from, from + SLOTS);
      const doc = docCount++;
      if (doc >= live.length) grow();
      reserveSlots(part.length);
      const first = slotsUsed;
      starts[doc] = first;
      slotsUsed += part.length;
      const masks = new Map<string, number>();
      let lo = Infinity;
      let hi = -Infinity;
      // One letter per slot, joined once: `+=` would leave a chain of up to 32 concatenated strings per document
      // (~300 bytes each, kept as long as the document).
      const kindLetters: string[] = [];
      const ids: string[] = [];
      part.forEach((s, i) => {
        const bit = 1 << i;
        for (const t of tokensOf(s.text)) masks.set(t, (masks.get(t) ?? 0) | bit);
        if (s.author) masks.set(AUTHOR + s.author, (masks.get(AUTHOR + s.author) ?? 0) | bit);
        slotAt[first + i] = s.at;
        if (s.at < lo) lo = s.at;
        if (s.at > hi) hi = s.at;
        kindLetters.push(s.kind);
        ids.push(s.id);
      });
      for (const [t, mask] of masks) {
        let p = terms.get(t);
        if (!p) {
          terms.set(t, (p = new Postings(pool)));
          if (t.startsWith(AUTHOR)) {
            p.push(doc, mask);
            continue;
          }
          const key = bucketOf(t);
          const bucket = buckets.get(key);
          if (bucket) bucket.push(t);
          else buckets.set(key, [t]);
        }
        p.push(doc, mask);
      }
      live[doc] = part.length === SLOTS ? -1 : (1 << part.length) - 1;
      liveSlots += part.length;
      minAt[doc] = lo;
      maxAt[doc] = hi;
      let g = groups.get(group);
      if (!g) groups.set(group, (g = { key: group, docs: [], data: undefined }));
      g.docs.push(doc);
      docGroup[doc] = g;
      docKinds[doc] = kindLetters.join('');
      docIds[doc] = ids;
    }
    // Amortised: a repack copies what is live, and the next one waits until as much again has been given out.
    if (pool.wasteful) pool.repack(terms.values());
  }

  /** Takes a group's slots out of every answer: all of them, or those `which` picks. */
  function kill(group: string, which?: (kind: SlotKind, id: string) => boolean) {
    const docs = groups.get(group)?.docs;
    if (!docs) return;
    version++;
    for (const doc of docs) {
      const kinds = docKinds[doc];
      const ids = docIds[doc];
      for (let i = 0; i < ids.length; i++) {
        const bit = 1 << i;
        if (live[doc] & bit && (!which || which(kinds[i] as SlotKind, ids[i]))) {
          live[doc] &= ~bit;
          liveSlots--;
        }
      }
    }
    if (!which) groups.delete(group);
  }

  /** Takes out, in every group, the slots `which` picks (a record whose group is no longer known: rare, slow). */
  function killEverywhere(which: (kind: SlotKind, id: string) => boolean) {
    for (const group of [...groups.keys()]) kill(group, which);
  }

  /** Decoded pairs of one list at a time (reused: a query decodes its lists one after another). */
  let scratchDocs = new Int32Array(1024);
  let scratchMasks = new Int32Array(1024);
  const decoded = (p: Postings): number => {
    if (scratchDocs.length < p.count) {
      scratchDocs = new Int32Array(grown(p.count));
      scratchMasks = new Int32Array(scratchDocs.length);
    }
    return p.decode(scratchDocs, scratchMasks);
  };
  /** Ors each pair's mask into `into[document]`. */
  const orInto = (p: Postings, into: Int32Array) => {
    const n = decoded(p);
    for (let i = 0; i < n; i++) into[scratchDocs[i]] |= scratchMasks[i];
  };
  /** Clears `into[document]` for each of the list's documents. */
  const zeroIn = (p: Postings, into: Int32Array) => {
    const n = decoded(p);
    for (let i = 0; i < n; i++) into[scratchDocs[i]] = 0;
  };

  /** The postings of a query term: one list, or every term it is a prefix of. */
  function postingsOf(term: string, prefix: boolean): Postings[] {
    if (!prefix) {
      const p = terms.get(term);
      return p ? [p] : [];
    }
    const out: Postings[] = [];
    for (const t of buckets.get(bucketOf(term)) ?? []) if (t.startsWith(term)) out.push(terms.get(t)!);
    return out;
  }

  /** Documents (ascending) and the masks of their live slots that hold every term of the query. */
  function candidates(query: string): { docs: Int32Array; masks: Int32Array; n: number } {
    const none = { docs: new Int32Array(0), masks: new Int32Array(0), n: 0 };
    const qt = queryTerms(query);
    if (qt.length === 0) return none;
    const lists = qt.map((t) => postingsOf(t.term, t.prefix));
    const sizes = lists.map((ps) => ps.reduce((n, p) => n + p.count, 0));
    if (sizes.some((n) => n === 0)) return none; // a word that is nowhere: a miss costs a lookup
    const order = lists.map((_, i) => i).sort((a, b) => sizes[a] - sizes[b]);
    const dense = new Int32Array(docCount);
    // The rarest term gives the candidates...
    const first = lists[order[0]];
    let docs: Int32Array;
    let masks: Int32Array;
    let n = 0;
    if (first.length === 1) {
      const p = first[0];
      docs = new Int32Array(p.count);
      masks = new Int32Array(p.count);
      const all = p.decode(docs, masks);
      for (let i = 0; i < all; i++) {
        const m = masks[i] & live[docs[i]];
        if (m) (docs[n] = docs[i]), (masks[n++] = m);
      }
    } else {
      for (const p of first) orInto(p, dense);
      docs = new Int32Array(Math.min(docCount, sizes[order[0]]));
      masks = new Int32Array(docs.length);
      for (let d = 0; d < docCount; d++) {
        const m = dense[d] & live[d];
        if (m) (docs[n] = d), (masks[n++] = m);
      }
      dense.fill(0);
    }
    // ...and each other term keeps the slots that hold it too.
    for (let k = 1; k < order.length && n > 0; k++) {
      const ps = lists[order[k]];
      for (const p of ps) orInto(p, dense);
      let w = 0;
      for (let i = 0; i < n; i++) {
        const m = masks[i] & dense[docs[i]];
        if (m) (docs[w] = docs[i]), (masks[w++] = m);
      }
      n = w;
      if (k + 1 < order.length) for (const p of ps) zeroIn(p, dense);
    }
    return { docs, masks, n };
  }

  /**
   * What a page of a query needs from the index, in recency order: every customer hit, then messages and
   * conversations newest first, as many as the page and the phrase window need (arrange.ts puts them in the page's
   * order, reading texts for the phrase test). `total` counts every hit (filters are bit masks too, so counting is
   * cheap).
   */
  function collect(query: string, opts: { offset?: number; limit: number; filter?: EngineFilter }): Collected {
    const offset = opts.offset ?? 0;
    const limit = opts.limit;
    const { docs, masks, n } = candidates(query);
    if (n === 0) return { customers: [], recent: [], total: 0 };
    const filter = opts.filter;
    const from = filter?.from ?? -Infinity;
    const to = filter?.to ?? Infinity;
    const dated = from > -Infinity || to < Infinity;
    let byAuthor: Int32Array | null = null;
    if (filter?.author) {
      byAuthor = new Int32Array(docCount);
      const p = terms.get(AUTHOR + filter.author);
      if (p) orInto(p, byAuthor);
    }
    /** The slots of candidate i that pass the filter. */
    const maskOf = (i: number) => {
      let m = masks[i];
      if (!filter) return m;
      const doc = docs[i];
      const g = docGroup[doc];
      const v = filter.doc ? filter.doc(g.key, docKinds[doc], g.data) : true;
      if (v === false) return 0;
      if (v === 'author') m &= byAuthor ? byAuthor[doc] : 0;
      if (dated && m && !(minAt[doc] >= from && maxAt[doc] <= to)) {
        if (maxAt[doc] < from || minAt[doc] > to) return 0;
        const first = starts[doc];
        const count = docIds[doc].length;
        for (let s = 0; s < count; s++) {
          const at = slotAt[first + s];
          if (m & (1 << s) && (at < from || at > to)) m &= ~(1 << s);
        }
      }
      return m;
    };
    const refOf = (doc: number, s: number): SlotRef => ({ kind: docKinds[doc][s] as SlotKind, id: docIds[doc][s], group: docGroup[doc].key });

    // Customers (a handful of names) first.
    const customers: SlotRef[] = [];
    for (let i = n - 1; i >= 0; i--) {
      const doc = docs[i];
      if (docKinds[doc] === 'u' && maskOf(i)) customers.push(refOf(doc, 0));
    }
    // Then messages and conversations, newest first: collected as far as the page and the phrase window need,
    // counted beyond.
    const need = Math.max(PHRASE_WINDOW, offset + limit + 1 - customers.length);
    const recent: SlotRef[] = [];
    let total = customers.length;
    for (let i = n - 1; i >= 0; i--) {
      const doc = docs[i];
      if (docKinds[doc] === 'u') continue;
      const m = maskOf(i);
      if (!m) continue;
      total += popcount(m);
      if (recent.length >= need) continue;
      for (let s = SLOTS - 1; s >= 0; s--) if (m & (1 << s) && recent.length < need) recent.push(refOf(doc, s));
    }
    return { customers, recent, total };
  }

  /**
   * The hits of a query, one page of them, in a fixed order: customers first, then the newest PHRASE_WINDOW hits
   * with exact phrases before scattered words, then every older hit, newest first. The order depends only on the
   * index, so consecutive pages neither repeat nor skip a hit while the index is unchanged.
   */
  function search(
    query: string,
    opts: {
      offset?: number;
      limit: number;
      filter?: EngineFilter;
      textOf: (kind: SlotKind, id: string, group: string) => string | undefined;
    },
  ): { hits: EngineHit[]; total: number; complete: boolean; hasMore: boolean } {
    return arrange(query, collect(query, opts), opts.offset ?? 0, opts.limit, opts.textOf);
  }

  return {
    add,
    kill,
    killEverywhere,
    hasGroup: (group: string) => groups.has(group),
    /**
     * Attaches the caller's data to a group (e.g. its live conversation record), handed to filters with each of
     * the group's documents: filtering 50 000 matching documents then needs no look-ups.
     */
    setData(group: string, data: unknown) {
      const g = groups.get(group);
      if (g) g.data = data;
    },
    search,
    collect,
    /** Live texts indexed. */
    get size() {
      return liveSlots;
    },
    get docCount() {
      return docCount;
    },
    get termCount() {
      return terms.size;
    },
    /** Bytes of posting-list blocks let go so far (garbage until the next collection). */
    get releasedBytes() {
      return pool.released;
    },
    /** Gives back the spare room of every list (the start-up build calls it when done). */
    trim() {
      pool.repack(terms.values());
    },
    get version() {
      return version;
    },
  };
}
export type Engine = ReturnType<typeof createEngine>;
