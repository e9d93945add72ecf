import type { Category, Locale } from '../schema/common';

/**
 * Ordering canned replies in the `/` picker. Pure and small enough to run on every keystroke in the renderer.
 * Typed text: shortcut prefix first, then title (or the title's pinyin initials, so "tk" finds 退款...), then
 * body. Within a tier, replies that suit the open conversation (its category, the customer's language and last
 * message) come first, then the most used.
 */

export interface RankableReply {
  id: string;
  title: string;
  body: string;
  shortcut: string;
  category: Category | null;
  locale: Locale;
  usageCount: number;
  /** Pinyin initials of the title, lower case, no separators ("tksqysl" for 退款申请已受理); computed by the core. */
  initials: string;
}

export interface RankContext {
  category: Category | null;
  locale: Locale | null;
  /** The customer's last message in the open conversation, if any. */
  lastCustomerMessage: string | null;
}

export interface Ranked<T> {
  reply: T;
  /** 0 shortcut prefix, 1 title or pinyin initials, 2 body; null when there is no query. */
  tier: 0 | 1 | 2 | null;
  relevance: number;
}

const norm = (s: string) => s.toLowerCase().normalize('NFKC');
const CJK = /\p{Script=Han}/u;
const STOP = new Set(['the', 'and', 'for', 'you', 'your', 'are', 'was', 'has', 'have', 'not', 'but', 'can', 'with', 'this', 'that', 'please', 'hi', 'hello', 'help', 'my']);

/** Latin words (3+ letters, no stop words) and Chinese character bigrams: enough to tell 退款 from 上传. */
export function keyTokens(text: string): Set<string> {
  const out = new Set<string>();
  const t = norm(text);
  for (const w of t.match(/[a-z0-9]{3,}/gu) ?? []) if (!STOP.has(w)) out.add(w.length > 5 ? w.slice(0, 5) : w);
  for (const run of t.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  return out;
}

// Replies' tokens only change with their text: computed once per reply object (the list is refetched on change).
const tokenCache = new WeakMap<object, { title: Set<string>; body: Set<string> }>();
function tokensOf(reply: RankableReply) {
  let hit = tokenCache.get(reply);
  if (!hit) tokenCache.set(reply, (hit = { title: keyTokens(reply.title), body: keyTokens(reply.body) }));
  return hit;
}

/** How well a reply suits the conversation, whatever was typed: category, language, words shared with the customer. */
export function relevanceOf(reply: RankableReply, ctx: RankContext, messageTokens = keyTokens(ctx.lastCustomerMessage ?? '')): number {
  let score = 0;
  if (ctx.category && reply.category === ctx.category) score += 3;
  if (ctx.locale && reply.locale === ctx.locale) score += 2;
  if (messageTokens.size > 0) {
    const { title, body } = tokensOf(reply);
    let shared = 0;
    for (const tk of messageTokens) shared += title.has(tk) ? 2 : body.has(tk) ? 1 : 0;
    score += Math.min(shared, 8) * 0.75;
  }
  return score;
}

function tierOf(reply: RankableReply, q: string): 0 | 1 | 2 | null {
  if (reply.shortcut && norm(reply.shortcut).startsWith(q)) return 0;
  if (norm(reply.title).includes(q)) return 1;
  // Pinyin initials only for Latin queries: typing "tk" should find 退款, typing 退 already matches the title.
  if (!CJK.test(q) && reply.initials && reply.initials.includes(q.replace(/\s+/gu, ''))) return 1;
  if (norm(reply.body).includes(q)) return 2;
  return null;
}

const byUsageThenTitle = (a: RankableReply, b: RankableReply) => b.usageCount - a.usageCount || a.title.localeCompare(b.title);

/** The picker's list for what was typed after `/` (empty query: everything, best suited first). */
export function rankCanned<T extends RankableReply>(replies: readonly T[], query: string, ctx: RankContext): Ranked<T>[] {
  const q = norm(query.trim());
  const tokens = keyTokens(ctx.lastCustomerMessage ?? '');
  const out: Ranked<T>[] = [];
  for (const reply of replies) {
    const tier = q ? tierOf(reply, q) : null;
    if (q && tier === null) continue;
    out.push({ reply, tier, relevance: relevanceOf(reply, ctx, tokens) });
  }
  return out.sort((a, b) => (a.tier ?? 0) - (b.tier ?? 0) || b.relevance - a.relevance || byUsageThenTitle(a.reply, b.reply));
}

/**
 * The best few for the open conversation, shown first when nothing is typed yet. A reply must match the
 * conversation's category or share words with the customer's last message; language alone is not a reason.
 */
export function suggestCanned<T extends RankableReply>(replies: readonly T[], ctx: RankContext, count = 3): T[] {
  const tokens = keyTokens(ctx.lastCustomerMessage ?? '');
  return replies
    .map((reply) => ({ reply, relevance: relevanceOf(reply, ctx, tokens) }))
    .filter((r) => r.relevance - (ctx.locale && r.reply.locale === ctx.locale ? 2 : 0) > 0)
    .filter((r) => !ctx.locale || r.reply.locale === ctx.locale)
    .sort((a, b) => b.relevance - a.relevance || byUsageThenTitle(a.reply, b.reply))
    .slice(0, count)
    .map((r) => r.reply);
}
