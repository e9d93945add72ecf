import { z } from 'zod';
import { EpochMs, Id } from './common';

export const AuditEvent = z.object({
  id: Id,
  at: EpochMs,
  /** The agent who acted, or "system". */
  actorId: Id,
  action: z.string().min(1).max(100),
  targetId: Id.nullable(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
