import type { SpoolLink } from '../../../../shared/schema';
import type { Store } from '../../store/types';

/**
 * Platform conversation ids ↔ the desk's, kept from the `spoolLinks` collection and its commits. A message to a
 * closed conversation starts a new desk conversation under the same platform id: the newest link wins inbound,
 * and every desk conversation keeps its platform id outbound.
 */
export function createLinkIndex(store: Store) {
  const byExternal = new Map<string, string>();
  const byInternal = new Map<string, string>();
  const add = (l: SpoolLink) => {
    byInternal.set(l.id, l.externalId);
    const current = byExternal.get(l.externalId);
    const currentAt = current ? (store.get('spoolLinks', current)?.createdAt ?? -1) : -1;
    if (!current || currentAt <= l.createdAt) byExternal.set(l.externalId, l.id);
  };
  for (const l of store.all('spoolLinks').values()) add(l);
  store.onCommit((changes) => {
    for (const c of changes) {
      if (c.coll !== 'spoolLinks') continue;
      if (c.op === 'put') {
        add(c.rec);
        continue;
      }
      const ext = byInternal.get(c.id);
      byInternal.delete(c.id);
      if (ext !== undefined && byExternal.get(ext) === c.id) byExternal.delete(ext);
    }
  });
  return {
    /** The desk conversation a platform conversation id names now. */
    internalOf: (externalId: string) => byExternal.get(externalId),
    /** The platform's id of a desk conversation (undefined: it did not come through the spool). */
    externalOf: (conversationId: string) => byInternal.get(conversationId),
  };
}
export type LinkIndex = ReturnType<typeof createLinkIndex>;
