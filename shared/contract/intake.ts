import { z } from 'zod';
import { Category, Id } from '../schema/common';
import { LEAD_ONLY, endpoint } from './define';

export const intakeContract = {
  /**
   * A customer writes (to an existing conversation, or a new one in a category). Live messages will come from the
   * platform; until then this is the simulator for demos and tests, refused unless the core runs a manual clock.
   */
  'sim.customerMessage': endpoint({
    input: z
      .object({
        customerId: Id,
        conversationId: Id.optional(),
        category: Category.optional(),
        subject: z.string().trim().min(1).max(500).optional(),
        body: z.string().trim().min(1).max(20_000),
      })
      .strict()
      .refine((v) => v.conversationId !== undefined || v.category !== undefined, { message: 'a new conversation needs a category' }),
    output: z.object({ conversationId: Id, messageId: Id, created: z.boolean() }),
    roles: LEAD_ONLY,
  }),
};
