import { z } from 'zod';
import { EpochMs, Id } from './common';

export const Rating = z.object({
  id: Id,
  conversationId: Id,
  agentId: Id,
  customerId: Id,
  score: z.number().int().min(1).max(5),
  comment: z.string().max(2000).default(''),
  at: EpochMs,
});
export type Rating = z.infer<typeof Rating>;
