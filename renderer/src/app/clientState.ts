/**
 * Everything this page keeps of the signed-in profile outside React state (draft caches, list caches) registers a
 * reset here. Signing out, switching profile and locking call `resetClientState()`, so nothing of the previous
 * profile stays on screen or in memory; the React tree itself is remounted by the identity gate.
 */
const resets = new Set<() => void>();

export function onClientReset(reset: () => void): () => void {
  resets.add(reset);
  return () => resets.delete(reset);
}

export function resetClientState(): void {
  for (const r of resets) r();
}
