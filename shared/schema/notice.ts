import { z } from 'zod';
import { EpochMs, Id, Role } from './common';

// complaint_*: a complaint record escalated to the leads (electron/core/services/complaintsWatch.ts).
export const NoticeKind = z.enum(['at_risk', 'breached', 'escalated', 'reminder', 'complaint_severe', 'complaint_due_soon', 'complaint_overdue']);
export type NoticeKind = z.infer<typeof NoticeKind>;

/**
 * Something an agent must see now: an in-app notice and a desktop notification, raised once (the id is the
 * dedupe key, e.g. "n-breached-c-00012-<due>"), opening its conversation when clicked.
 */
export const Notice = z.object({
  id: Id,
  kind: NoticeKind,
  conversationId: Id.nullable(),
  /** One agent, or null with a role (every lead), or both null (everyone on the team). */
  recipientId: Id.nullable(),
  recipientRole: Role.nullable().default(null),
  at: EpochMs,
  /** A short line for the notice, already in the conversation's words (subject, customer name, reminder note). */
  detail: z.string().max(500).default(''),
  /** How many conversations this notice stands for (a group: "20 条会话已超时"); 1 for a single one. */
  count: z.number().int().min(1).default(1),
  /** True when it should have fired while the app was closed and fired at start-up instead. */
  late: z.boolean().default(false),
  dismissedBy: z.array(Id).default([]),
});
export type Notice = z.infer<typeof Notice>;
