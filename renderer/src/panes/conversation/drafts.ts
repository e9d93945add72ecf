import { api } from '../../api/client';
import { onClientReset } from '../../app/clientState';

/**
 * Drafts live in the core (they survive a restart); this page keeps the latest text per conversation too, so
 * switching back shows it at once, before the core answers.
 */
const local = new Map<string, string>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const SAVE_AFTER_MS = 400;

export async function loadDraft(conversationId: string): Promise<string> {
  const cached = local.get(conversationId);
  if (cached !== undefined) return cached;
  const r = await api.call['draft.get']({ conversationId });
  const body = r.ok ? r.value.body : '';
  if (!local.has(conversationId)) local.set(conversationId, body);
  return local.get(conversationId)!;
}

/** Whether the latest store of each conversation's draft worked: a failure is shown, never swallowed. */
type SaveListener = (conversationId: string, saved: boolean) => void;
const listeners = new Set<SaveListener>();
const notify = (conversationId: string, saved: boolean) => listeners.forEach((l) => l(conversationId, saved));
export function onDraftSaved(listener: SaveListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const cachedDraft = (conversationId: string): string | undefined => local.get(conversationId);

/** Saves in flight, so signing out can wait for them. */
const inFlight = new Set<Promise<unknown>>();

/** Remembers at once, stores after a short pause in typing (or at once with `now`). */
export function saveDraft(conversationId: string, body: string, now = false): void {
  local.set(conversationId, body);
  const pending = timers.get(conversationId);
  if (pending) clearTimeout(pending);
  timers.delete(conversationId);
  const store = () => {
    timers.delete(conversationId);
    const p = api.call['draft.save']({ conversationId, body }).then((r) => notify(conversationId, r.ok));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  if (now) store();
  else timers.set(conversationId, setTimeout(store, SAVE_AFTER_MS));
}

/** Stores a draft still waiting for its pause (switching conversations, closing the page). */
export function flushDraft(conversationId: string): void {
  if (timers.has(conversationId)) saveDraft(conversationId, local.get(conversationId) ?? '', true);
}

/** Stores every draft still waiting and waits for all saves (before signing out or locking). */
export async function flushAllDrafts(): Promise<void> {
  for (const id of [...timers.keys()]) flushDraft(id);
  await Promise.allSettled([...inFlight]);
}

// Signing out or switching profile forgets this page's copies: they belong to the previous profile.
onClientReset(() => {
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
  local.clear();
});
