import { z } from 'zod';
import { Presence } from '../schema/agent';
import { Conversation } from '../schema/conversation';
import { Category, EpochMs, Id, Locale, Role } from '../schema/common';
import { LEAD_ONLY, endpoint } from './define';

/** One agent's load as a lead sees it: open work against capacity, availability and when routing last gave them one. */
export const AgentLoad = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  presence: Presence,
  availability: z.enum(['available', 'busy', 'away']),
  load: z.number().int().nonnegative(),
  capacity: z.number().int().nonnegative(),
  lastAssignedAt: EpochMs.nullable(),
  skills: z.partialRecord(Category, z.number().int()),
  languages: z.array(Locale),
  vipSkill: z.boolean(),
});
export type AgentLoad = z.infer<typeof AgentLoad>;

export const routingContract = {
  /** Every profile's load and availability, for the lead's routing view. */
  'routing.loads': endpoint({
    input: z.object({}).strict(),
    output: z.object({ agents: z.array(AgentLoad), waiting: z.number().int().nonnegative() }),
    roles: LEAD_ONLY,
  }),
  /** A lead hands a conversation to another agent to work now (assignee; the dedicated owner stays). Audited. */
  'routing.reroute': endpoint({
    input: z.object({ id: Id, toAgentId: Id, note: z.string().trim().min(1).max(2000).optional() }).strict(),
    output: Conversation,
    roles: LEAD_ONLY,
  }),
};
