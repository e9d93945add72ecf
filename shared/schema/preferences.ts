import { z } from 'zod';
import { EpochMs, Id, Locale } from './common';
import { DRAFT_MAX_CHARS } from './conversation';

/** Per-agent UI preferences, keyed by agent id. */
export const Preferences = z.object({
  id: Id,
  locale: Locale,
});
export type Preferences = z.infer<typeof Preferences>;

/** A reply being written; keyed `${agentId}:${conversationId}` so it survives switching and restarts. */
export const Draft = z.object({
  /** `${agentId}:${conversationId}`: two ids and a colon, so longer than one Id may be. */
  id: z.string().min(3).max(2 * 128 + 1),
  agentId: Id,
  conversationId: Id,
  body: z.string().max(DRAFT_MAX_CHARS),
  updatedAt: EpochMs,
});
export type Draft = z.infer<typeof Draft>;
