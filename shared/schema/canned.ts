import { z } from 'zod';
import { Category, EpochMs, Id, Locale } from './common';

export const CannedScope = z.enum(['personal', 'team', 'everyone']);
export type CannedScope = z.infer<typeof CannedScope>;

export const CannedReply = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  body: z.string().min(1).max(5000),
  category: Category.nullable(),
  locale: Locale,
  /** Typed after `/` in the reply box, e.g. "refund". */
  shortcut: z.string().max(40),
  scope: CannedScope,
  /** The author for personal replies; null for team and everyone. */
  ownerId: Id.nullable(),
  usageCount: z.number().int().min(0),
  createdAt: EpochMs,
});
export type CannedReply = z.infer<typeof CannedReply>;
