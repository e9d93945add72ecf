import type { TimelineEvent } from '../../../shared/contract/conversation';
import type { AuditEvent } from '../../../shared/schema';
import type { Store } from '../store/types';

/**
 * The audit entries about each conversation, kept by target id from store commits, so a conversation's timeline
 * (status, owner, transfer, category and tag changes) never scans the whole audit log.
 */
export function createConversationTimeline(store: Store) {
  const byTarget = new Map<string, string[]>();
  const add = (a: AuditEvent) => {
    if (!a.targetId || !a.action.startsWith('conversation.')) return;
    const list = byTarget.get(a.targetId);
    if (!list) byTarget.set(a.targetId, [a.id]);
    else if (!list.includes(a.id)) list.push(a.id);
  };
  for (const a of store.all('audit').values()) add(a);
  store.onCommit((changes) => {
    for (const c of changes) if (c.coll === 'audit' && c.op === 'put') add(c.rec);
  });

  const nameOf = (id: string) => (id === 'system' ? 'system' : (store.get('agents', id)?.name ?? id));
  /** Agent ids become names, lists become "a, b"; other values are shown as they are. */
  const readable = (v: unknown): string | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return store.get('agents', v)?.name ?? v;
    if (Array.isArray(v)) return v.map(String).join(', ');
    if (typeof v === 'object' && 'ownerId' in v) return readable((v as { ownerId: unknown }).ownerId);
    // A re-route by hand records who it went to (and the lead's note, shown separately).
    if (typeof v === 'object' && 'assigneeId' in v) return readable((v as { assigneeId: unknown }).assigneeId);
    // Other services' entries (SLA, reminders) may carry objects: show them compactly rather than "[object Object]".
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  const noteOf = (v: unknown): string | null =>
    v && typeof v === 'object' && 'note' in v && typeof (v as { note: unknown }).note === 'string' ? (v as { note: string }).note : null;

  return {
    eventsOf(conversationId: string): TimelineEvent[] {
      const out: TimelineEvent[] = [];
      for (const id of byTarget.get(conversationId) ?? []) {
        const a = store.get('audit', id);
        if (!a) continue;
        out.push({ id: a.id, at: a.at, action: a.action, actorName: nameOf(a.actorId), before: readable(a.before), after: readable(a.after), note: noteOf(a.after) });
      }
      return out.sort((x, y) => x.at - y.at);
    },
  };
}
export type ConversationTimeline = ReturnType<typeof createConversationTimeline>;
