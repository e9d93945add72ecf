import type { AuditEvent, Complaint } from '../../../shared/schema';
import type { Store } from '../store/types';

/**
 * Complaints by conversation, and each complaint's audit lines, kept current from store commits: the creation
 * check runs on every conversation commit and a complaint's steps are read on every open, neither may scan the
 * store (50 000 conversations, an audit line per action).
 */
export function createComplaintsIndex(store: Store) {
  const byConversation = new Map<string, Set<string>>();
  const steps = new Map<string, AuditEvent[]>();
  const addComplaint = (c: Complaint) => {
    let set = byConversation.get(c.conversationId);
    if (!set) byConversation.set(c.conversationId, (set = new Set()));
    set.add(c.id);
  };
  const addAudit = (a: AuditEvent) => {
    if (!a.action.startsWith('complaint.') || a.targetId === null || !a.targetId.startsWith('cp-')) return;
    const list = steps.get(a.targetId);
    if (list) list.push(a);
    else steps.set(a.targetId, [a]);
  };
  for (const c of store.all('complaints').values()) addComplaint(c);
  for (const a of store.all('audit').values()) addAudit(a);
  for (const list of steps.values()) list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));

  store.onCommit((changes) => {
    for (const ch of changes) {
      if (ch.coll === 'complaints') {
        if (ch.op === 'put') addComplaint(ch.rec);
        else for (const set of byConversation.values()) set.delete(ch.id);
      } else if (ch.coll === 'audit' && ch.op === 'put') addAudit(ch.rec);
    }
  });

  return {
    /** The complaints of a conversation (any status). */
    ofConversation(conversationId: string): Complaint[] {
      const out: Complaint[] = [];
      for (const id of byConversation.get(conversationId) ?? []) {
        const c = store.get('complaints', id);
        if (c) out.push(c);
      }
      return out;
    },
    hasAny: (conversationId: string) => (byConversation.get(conversationId)?.size ?? 0) > 0,
    /** A complaint's audit lines, oldest first. */
    stepsOf: (id: string): AuditEvent[] => steps.get(id) ?? [],
  };
}
export type ComplaintsIndex = ReturnType<typeof createComplaintsIndex>;
