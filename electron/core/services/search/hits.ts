import type { SearchHit } from '../../../../shared/contract/search';
import { highlight } from '../../../../shared/rules/segment';
import type { Conversation } from '../../../../shared/schema';
import type { CoreContext } from '../../context';
import type { EngineHit, SlotKind } from './engine';

/**
 * What a search answer shows of each hit, read from the store as it is now (the index holds no text): the text
 * for the phrase test and the snippet, and the hit's conversation and customer. `convText` is the search
 * service's own record of each indexed conversation's subject and tags.
 */
export function searchHits(ctx: CoreContext, convText: ReadonlyMap<string, string>) {
  const textOf = (kind: SlotKind, id: string, group: string): string | undefined =>
    kind === 'm' ? ctx.store.get('messages', id)?.body : kind === 'c' ? convText.get(group) : ctx.store.get('customers', id)?.name;

  /** The newest conversation of each of these customers (a customer hit opens it), in one pass over conversations. */
  const newestOf = (customerIds: Set<string>): Map<string, Conversation> => {
    const best = new Map<string, Conversation>();
    if (customerIds.size === 0) return best;
    for (const c of ctx.store.all('conversations').values()) {
      if (!customerIds.has(c.customerId)) continue;
      const b = best.get(c.customerId);
      if (!b || c.createdAt > b.createdAt) best.set(c.customerId, c);
    }
    return best;
  };

  const toHit = (kind: SlotKind, id: string, group: string, phrase: boolean, q: string, newest: Map<string, Conversation>): SearchHit | null => {
    const text = textOf(kind, id, group);
    if (text === undefined) return null;
    const h = highlight(text, q);
    if (kind === 'u') {
      const cu = ctx.store.get('customers', id);
      if (!cu) return null;
      const c = newest.get(cu.id);
      return { kind: 'customer', id, conversationId: c?.id ?? null, customerId: cu.id, customerName: cu.name, title: cu.name, snippet: h.text, marks: h.marks, at: c?.lastMessageAt ?? cu.createdAt, author: null, category: null, phrase };
    }
    const m = kind === 'm' ? ctx.store.get('messages', id) : undefined;
    const c = ctx.store.get('conversations', group);
    if (!c || (kind === 'm' && !m)) return null;
    const cu = ctx.store.get('customers', c.customerId);
    return {
      kind: m ? 'message' : 'conversation', id: m ? m.id : c.id, conversationId: c.id, customerId: c.customerId, customerName: cu?.name ?? c.customerId, title: c.subject,
      snippet: h.text, marks: h.marks, at: m ? m.at : c.createdAt, author: m ? m.author : null, category: c.category, phrase,
    };
  };

  /** The hits of a page as the answer carries them (a hit whose record is gone meanwhile is left out). */
  const hitsOf = (hits: readonly EngineHit[], q: string): SearchHit[] => {
    const newest = newestOf(new Set(hits.filter((h) => h.kind === 'u').map((h) => h.id)));
    const out: SearchHit[] = [];
    for (const h of hits) {
      const hit = toHit(h.kind, h.id, h.group, h.phrase, q, newest);
      if (hit) out.push(hit);
    }
    return out;
  };

  return { textOf, hitsOf };
}
