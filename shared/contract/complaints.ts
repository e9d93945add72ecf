import { z } from 'zod';
import { EpochMs, Id, Role, Status } from '../schema/common';
import { Complaint, ComplaintEscalationReason, ComplaintStatus, ComplaintSubject } from '../schema/complaint';
import { Severity } from '../schema/conversation';
import { COMPLAINT_BUCKETS } from '../rules/complaints';
import { LEAD_ONLY, LIVE_ROLES, endpoint } from './define';

export const ComplaintBucket = z.enum(COMPLAINT_BUCKETS);

/** A complaint as the UI shows it: the record, where it stands now, and the names it refers to. */
export const ComplaintView = Complaint.extend({
  bucket: ComplaintBucket,
  /** Whole working days left before the deadline (negative: working days overdue); null once closed. */
  workingDaysLeft: z.number().int().nullable(),
  /** When it becomes (or became) due soon. */
  dueSoonAt: EpochMs,
  /** Why it is escalated now (empty: it is not). */
  reasons: z.array(ComplaintEscalationReason),
  customerName: z.string(),
  conversationSubject: z.string(),
  conversationStatus: Status,
  aboutAgentName: z.string().nullable(),
  handlerName: z.string().nullable(),
});
export type ComplaintView = z.infer<typeof ComplaintView>;

/** One audited step of a complaint, oldest first. */
export const ComplaintStep = z.object({
  at: EpochMs,
  actorId: Id,
  actorName: z.string(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type ComplaintStep = z.infer<typeof ComplaintStep>;

/** Who can be a complaint's handler (a lead or an agent; never a trainee). */
export const ComplaintHandlerView = z.object({ id: Id, name: z.string(), role: Role });

export const complaintsContract = {
  /**
   * The lead's complaints view: filtered by bucket, severity, status and words (customer, subject), in the lead's
   * order (severe and overdue on top), at most `limit`, with every bucket's count (of the other filters).
   */
  'complaints.list': endpoint({
    input: z
      .object({
        bucket: ComplaintBucket.optional(),
        severity: Severity.optional(),
        status: ComplaintStatus.optional(),
        q: z.string().trim().max(100).optional(),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    output: z.object({
      items: z.array(ComplaintView),
      total: z.number().int().nonnegative(),
      counts: z.record(ComplaintBucket, z.number().int().nonnegative()),
      handlers: z.array(ComplaintHandlerView),
    }),
    roles: LEAD_ONLY,
  }),
  /** One complaint with its audited steps: a lead, or an agent whose conversation it is or who it is about. */
  'complaints.get': endpoint({
    input: z.object({ id: Id }).strict(),
    output: z.object({ complaint: ComplaintView, steps: z.array(ComplaintStep) }),
    roles: LIVE_ROLES,
  }),
  /** The complaints of one conversation, newest first (same rule as complaints.get). */
  'complaints.ofConversation': endpoint({
    input: z.object({ conversationId: Id }).strict(),
    output: z.array(ComplaintView),
    roles: LIVE_ROLES,
  }),
  /**
   * A lead's step: status (open → investigating → result given → closed), handler, result text, upheld, subject,
   * whom it is about. Checked against the rules and audited with before/after.
   */
  'complaints.update': endpoint({
    input: z
      .object({
        id: Id,
        status: ComplaintStatus.optional(),
        handlerId: Id.nullable().optional(),
        result: z.string().max(5000).optional(),
        upheld: z.boolean().nullable().optional(),
        subject: ComplaintSubject.optional(),
        aboutAgentId: Id.nullable().optional(),
      })
      .strict(),
    output: ComplaintView,
    roles: LEAD_ONLY,
  }),
  /**
   * A lead confirms or changes the severity. Severe escalates the conversation (marked severe, the leads' notice and
   * desktop notification); normal takes a complaint conversation out of the severe group. Audited.
   */
  'complaints.setSeverity': endpoint({
    input: z.object({ id: Id, severity: Severity }).strict(),
    output: ComplaintView,
    roles: LEAD_ONLY,
  }),
  /**
   * A complaint recorded by hand from a conversation (an agent on a conversation they may work, or a lead): its
   * subject and the agent it is about. One open complaint per conversation.
   */
  'complaints.create': endpoint({
    input: z.object({ conversationId: Id, subject: ComplaintSubject, aboutAgentId: Id.nullable() }).strict(),
    output: ComplaintView,
    roles: LIVE_ROLES,
  }),
};
