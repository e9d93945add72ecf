import type { Conversation } from '../../../../shared/schema';
import { isActive } from '../../../../shared/rules/transitions';
import type { Store } from '../../store/types';
import { PendingLayer } from '../pendingLayer';

/** Whose load a conversation counts in: its assignee while it is being worked (null: nobody's). */
export const loadHolder = (c: Conversation | undefined): string | null => (c && c.assigneeId && isActive(c.status) ? c.assigneeId : null);

const bump = (m: Map<string, number>, agentId: string, by: number) => m.set(agentId, (m.get(agentId) ?? 0) + by);

/**
 * Each agent's current load (active conversations assigned to them) and when routing last gave them one, kept
 * incrementally so a routing decision never scans the store: a count per agent maintained from the committed
 * store's commits, plus, for a reader with pending writes (a spool import batch, routing's drain round), a delta
 * from that reader's write log (see PendingLayer). So `loadOf(a, reader)` equals a full recount over
 * `reader.all('conversations')` at O(1) per call (tests/unit/load-index.test.ts checks that after random operations).
 */
export class LoadBook {
  /** Committed: conversation id → the agent whose load it counts in. */
  private readonly holderOf = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  private readonly lastAssigned = new Map<string, number>();
  private readonly layer = new PendingLayer<Map<string, number>>(
    () => new Map(),
    (delta, w) => {
      if (w.coll !== 'conversations') return;
      const was = loadHolder(w.before as Conversation | undefined);
      const now = loadHolder(w.after as Conversation | undefined);
      if (was === now) return;
      if (was) bump(delta, was, -1);
      if (now) bump(delta, now, 1);
    },
  );

  /** `freed` runs after a commit that took a conversation off an agent's load (capacity freed). */
  constructor(store: Pick<Store, 'all' | 'onCommit'>, private readonly freed: () => void = () => {}) {
    for (const c of store.all('conversations').values()) this.set(c.id, c);
    store.onCommit((changes) => {
      let freed = false;
      for (const ch of changes) {
        if (ch.coll !== 'conversations') continue;
        if (this.set(ch.op === 'put' ? ch.rec.id : ch.id, ch.op === 'put' ? ch.rec : undefined)) freed = true;
      }
      if (freed) this.freed();
    });
  }

  /**
   * Records a committed conversation's state; true when that took it off an agent's load, or it ended while
   * assigned (routed and then closed within one import batch: never in a committed load, but the batch's later
   * decisions counted it and may have left others waiting).
   */
  private set(id: string, c: Conversation | undefined): boolean {
    if (c) this.noteAssigned(c);
    const was = this.holderOf.get(id) ?? null;
    const now = loadHolder(c);
    if (was === now) return was === null && c !== undefined && c.assigneeId !== null && !isActive(c.status);
    if (was) bump(this.counts, was, -1);
    if (now) {
      bump(this.counts, now, 1);
      this.holderOf.set(id, now);
    } else this.holderOf.delete(id);
    return was !== null;
  }

  /** Notes when routing last gave an agent a conversation (also before it is committed: a batch routes many). */
  noteAssigned(c: Conversation): void {
    const r = c.routing;
    if (r?.agentId && r.state !== 'waiting') {
      const was = this.lastAssigned.get(r.agentId);
      if (was === undefined || r.at > was) this.lastAssigned.set(r.agentId, r.at);
    }
  }

  /** Active conversations assigned to the agent as `reader` sees them (the committed store, or a batch on it). */
  loadOf(agentId: string, reader: object): number {
    const n = this.counts.get(agentId) ?? 0;
    const delta = this.layer.of(reader);
    return delta ? n + (delta.get(agentId) ?? 0) : n;
  }

  lastAssignedAt(agentId: string): number | null {
    return this.lastAssigned.get(agentId) ?? null;
  }
}
