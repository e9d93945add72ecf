import { z } from 'zod';
import { EpochMs, Id, Locale, Tier } from './common';

export const Customer = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  tier: Tier,
  locale: Locale,
  createdAt: EpochMs,
});
export type Customer = z.infer<typeof Customer>;
