import { z } from 'zod';
import { EpochMs, Id, Locale } from './common';

/** Per-agent UI preferences, keyed by agent id. */
export const Preferences = z.object({
  id: Id,
  locale: Locale,
});
export type Preferences = z.infer<typeof Preferences>;

/** A reply being written; keyed `${agentId}:${conversationId}` so it survives switching and restarts. */
export const Draft = z.object({
  id: Id,
  agentId: Id,
  conversationId: Id,
  body: z.string().max(20_000),
  updatedAt: EpochMs,
});
export type Draft = z.infer<typeof Draft>;
