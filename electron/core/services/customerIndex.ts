import type { Conversation } from '../../../shared/schema';
import type { Store } from '../store/types';
import { PendingLayer } from './pendingLayer';

const add = (m: Map<string, Set<string>>, customerId: string, id: string) => {
  let set = m.get(customerId);
  if (!set) m.set(customerId, (set = new Set()));
  set.add(id);
};

/**
 * Each customer's conversations, kept from the committed store's commits (plus, for a reader with pending writes,
 * the conversations that reader made: a spool batch where one customer opens two): what a new conversation's
 * dedicated follow-up rule (shared/rules/ownership.ts findLinkTarget) looks through, instead of every conversation.
 */
export class CustomerIndex {
  private readonly byCustomer = new Map<string, Set<string>>();
  private readonly customerOf = new Map<string, string>();
  private readonly layer = new PendingLayer<Map<string, Set<string>>>(
    () => new Map(),
    (m, w) => {
      const c = w.after as Conversation | undefined;
      if (w.coll === 'conversations' && c) add(m, c.customerId, c.id);
    },
  );

  constructor(store: Pick<Store, 'all' | 'onCommit'>) {
    for (const c of store.all('conversations').values()) this.set(c.id, c);
    store.onCommit((changes) => {
      for (const ch of changes) if (ch.coll === 'conversations') this.set(ch.op === 'put' ? ch.rec.id : ch.id, ch.op === 'put' ? ch.rec : undefined);
    });
  }

  private set(id: string, c: Conversation | undefined): void {
    const was = this.customerOf.get(id);
    if (was !== undefined && was !== c?.customerId) {
      this.byCustomer.get(was)?.delete(id);
      if (this.byCustomer.get(was)?.size === 0) this.byCustomer.delete(was);
      this.customerOf.delete(id);
    }
    if (c && was !== c.customerId) {
      add(this.byCustomer, c.customerId, id);
      this.customerOf.set(id, c.customerId);
    }
  }

  /** This customer's conversations as `reader` sees them (the committed store, or a batch on it). */
  of(customerId: string, reader: Pick<Store, 'get'>): Conversation[] {
    const out: Conversation[] = [];
    const seen = new Set<string>();
    const pending = this.layer.of(reader)?.get(customerId);
    for (const ids of [this.byCustomer.get(customerId), pending]) {
      if (!ids) continue;
      for (const id of ids) {
        if (seen.has(id)) continue;
        seen.add(id);
        // The reader's version; one that moved to another customer or was deleted there is not theirs.
        const c = reader.get('conversations', id);
        if (c && c.customerId === customerId) out.push(c);
      }
    }
    return out;
  }
}
