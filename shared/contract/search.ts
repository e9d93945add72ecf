import { z } from 'zod';
import { Author } from '../schema/conversation';
import { Category, EpochMs, Id } from '../schema/common';
import { LIVE_ROLES, endpoint } from './define';

/** How far the background index build has come; search works on what is indexed so far. */
export const SearchProgress = z.object({ indexed: z.number().int(), total: z.number().int(), ready: z.boolean() });
export type SearchProgress = z.infer<typeof SearchProgress>;

export const SearchFilters = z
  .object({
    category: Category.optional(),
    customerId: Id.optional(),
    /** Messages written by this agent, or conversations this agent owns or works. */
    agentId: Id.optional(),
    from: EpochMs.optional(),
    to: EpochMs.optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchHit = z.object({
  kind: z.enum(['message', 'conversation', 'customer']),
  id: Id,
  /** The conversation to open (for a customer: their newest one); null when the customer has none. */
  conversationId: Id.nullable(),
  customerId: Id,
  customerName: z.string(),
  /** The conversation's subject, or the customer's name. */
  title: z.string(),
  /** The matched text around the first match, with [start, end) ranges to mark. */
  snippet: z.string(),
  marks: z.array(z.tuple([z.number().int(), z.number().int()])),
  at: EpochMs,
  author: Author.nullable(),
  category: Category.nullable(),
  phrase: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const searchContract = {
  /** One box across messages, customers and conversations, in Chinese and English. */
  'search.query': endpoint({
    input: z
      .object({
        q: z.string().max(200),
        filters: SearchFilters.default({}),
        limit: z.number().int().min(1).max(100).default(30),
        /** Hits to skip: the next page asks for `nextOffset` of the previous one. */
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    output: z.object({
      /** One page of hits, in a fixed order: customers, then exact phrases among the newest hits, then newest first. */
      hits: z.array(SearchHit),
      /** Every hit of the query, or a lower bound when `totalExact` is false ("at least N"). */
      total: z.number().int(),
      totalExact: z.boolean(),
      /** False when counting stopped early (a filtered count past its time budget): `total` is then a lower bound. */
      complete: z.boolean(),
      offset: z.number().int(),
      /** The offset of the next page, or null when this page is the last. */
      nextOffset: z.number().int().nullable(),
      progress: SearchProgress,
      tookMs: z.number(),
    }),
    roles: LIVE_ROLES,
  }),
  'search.status': endpoint({
    input: z.object({}).strict(),
    output: SearchProgress,
    roles: LIVE_ROLES,
  }),
};
