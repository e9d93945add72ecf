import { z } from 'zod';
import { Severity } from './conversation';
import { EpochMs, Id } from './common';

/** What the customer complains about (issue 12). */
export const ComplaintSubject = z.enum(['attitude', 'unsolved', 'other']);
export type ComplaintSubject = z.infer<typeof ComplaintSubject>;

/** open → investigating → result_given → closed (a result can be revised before closing; closing is final). */
export const ComplaintStatus = z.enum(['open', 'investigating', 'result_given', 'closed']);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/** Why a complaint was escalated to the leads (shared/rules/complaints.ts). */
export const ComplaintEscalationReason = z.enum(['severe', 'due_soon', 'overdue']);
export type ComplaintEscalationReason = z.infer<typeof ComplaintEscalationReason>;

/**
 * A complaint as a record of its own, linked to the conversation it came in (and the agent it is about). The
 * result deadline is 7 Chinese working days from `openedAt` (shared/rules/calendar.ts, settings'
 * complaintWorkingDays); every step is audited in the same commit.
 */
export const Complaint = z.object({
  id: Id,
  conversationId: Id,
  customerId: Id,
  /** The agent the complaint is about (null: about the service or an issue, not a person). */
  aboutAgentId: Id.nullable(),
  subject: ComplaintSubject,
  severity: Severity,
  /** What the text suggested (shared/rules/complaintSeverity.ts); a lead confirms or changes `severity`. */
  suggestedSeverity: Severity,
  /** Why it was suggested: the matched signals ("regulator", "media", "fraud", "minor"...). */
  severitySignals: z.array(z.string().max(60)).max(20).default([]),
  /** The words that matched (as normalised), so the lead sees why without reading the whole thread. */
  severityMatches: z.array(z.string().max(60)).max(20).default([]),
  /** The lead who confirmed or changed the severity (null: not yet confirmed). */
  severityConfirmedBy: Id.nullable().default(null),
  status: ComplaintStatus,
  openedAt: EpochMs,
  /** The result deadline: `complaintWorkingDays` working days after `openedAt`. */
  dueAt: EpochMs,
  /** Who handles it (a lead or an agent a lead gave it to). */
  handlerId: Id.nullable().default(null),
  /** The result text given to the customer. */
  result: z.string().max(5000).default(''),
  resultAt: EpochMs.nullable().default(null),
  /** Whether the complaint was found justified (null until a result is given). */
  upheld: z.boolean().nullable().default(null),
  closedAt: EpochMs.nullable().default(null),
  /** When it was escalated to the leads (severe, two working days left, or overdue); null: not escalated. */
  escalatedAt: EpochMs.nullable().default(null),
  /** Why: the first escalation's reason. */
  escalationReason: ComplaintEscalationReason.nullable().default(null),
  /** Every reason it was escalated for, once each, with when (the leads are told once per complaint and reason). */
  escalations: z.array(z.object({ reason: ComplaintEscalationReason, at: EpochMs })).max(3).default([]),
  /** Who created the record: an agent or lead by hand, or "system" (a complaint conversation reaching a person). */
  createdBy: Id.default('system'),
  updatedAt: EpochMs,
});
export type Complaint = z.infer<typeof Complaint>;
