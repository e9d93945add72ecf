import { z } from 'zod';
import { EpochMs, Id } from '../schema/common';
import { DRAFT_MAX_CHARS } from '../schema/conversation';
import { LIVE_ROLES, endpoint } from './define';

/** Reply drafts per agent and conversation: they survive switching conversations and a restart. */
export const draftsContract = {
  'draft.get': endpoint({
    input: z.object({ conversationId: Id }).strict(),
    output: z.object({ body: z.string(), updatedAt: EpochMs.nullable() }),
    roles: LIVE_ROLES,
  }),
  /** An empty body deletes the draft. A draft may be longer than a reply can be (nothing typed is lost). */
  'draft.save': endpoint({
    input: z.object({ conversationId: Id, body: z.string().max(DRAFT_MAX_CHARS) }).strict(),
    output: z.object({ updatedAt: EpochMs }),
    roles: LIVE_ROLES,
  }),
};
