import type { SearchFilters } from '../../../../shared/contract/search';
import type { Conversation } from '../../../../shared/schema';
import { customerGroup } from './docs';
import type { EngineFilter } from './engine';

/** What filters read of a conversation: attached to its group at every put (engine.setData), so edits count at once. */
export interface GroupData {
  category: Conversation['category'];
  customerId: string;
  ownerId: string | null;
  assigneeId: string | null;
}

/**
 * A query's filters as the index applies them (bit masks, one call per matching document): a matching document's
 * group data gives the category, customer and agents (the agent's own conversations, or only the messages the agent
 * wrote in others); message times and authors are in the index. Plain data in, so it runs where the index is.
 */
export function engineFilterOf(f: SearchFilters): EngineFilter | undefined {
  const dated = f.from !== undefined || f.to !== undefined;
  if (!(f.category || f.customerId || f.agentId || dated)) return undefined;
  return {
    from: f.from,
    to: f.to,
    author: f.agentId,
    doc(group, kinds, data) {
      // A customer has no category, agent or date of its own: only the customer filter applies to it.
      if (kinds === 'u') return !(f.category || f.agentId || dated) && (!f.customerId || group === customerGroup(f.customerId));
      const c = data as GroupData | undefined;
      if (!c || (f.category && c.category !== f.category) || (f.customerId && c.customerId !== f.customerId)) return false;
      return !f.agentId || c.ownerId === f.agentId || c.assigneeId === f.agentId ? true : 'author';
    },
  };
}
