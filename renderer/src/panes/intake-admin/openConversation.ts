/**
 * The conversation open in this window, if any. The workspace remembers it per profile under this key
 * (app/selection.ts `useSelection`); the header does not pass it down, so the re-route form reads the same place.
 */
export function openConversationId(agentId: string): string | null {
  return localStorage.getItem(`kefu.selected.${agentId}`);
}
