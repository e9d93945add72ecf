import { z } from 'zod';
import { EpochMs } from '../schema/common';
import { SpoolProblemReason } from '../schema/spoolEvent';
import { LEAD_ONLY, LIVE_ROLES, endpoint } from './define';

/** One inbound spool file as far as the import got (bytes and lines consumed of what the file held at the last scan). */
export const SpoolFileProgress = z.object({
  file: z.string(),
  bytesDone: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
  linesDone: z.number().int().nonnegative(),
});
export type SpoolFileProgress = z.infer<typeof SpoolFileProgress>;

export const SpoolStatus = z.object({
  /** The folder the connector writes to; the outbox is its `outbox/` subfolder. */
  folder: z.string(),
  /** True while a scan is importing (the UI shows progress from the figures below). */
  importing: z.boolean(),
  bytesDone: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
  files: z.array(SpoolFileProgress),
  /** Events applied since the core started. */
  imported: z.number().int().nonnegative(),
  /** Lines set aside (all time, until the spool folder is reset); see spool.quarantine. */
  quarantined: z.number().int().nonnegative(),
  /** Outbound events committed but not yet written to the outbox file. */
  outboxPending: z.number().int().nonnegative(),
  /** The last scan's failure, if it failed (English, for the log and a lead). */
  lastError: z.string().nullable(),
  lastScanAt: EpochMs.nullable(),
});
export type SpoolStatus = z.infer<typeof SpoolStatus>;

export const SpoolQuarantineView = z.object({
  id: z.string(),
  file: z.string(),
  line: z.number().int(),
  raw: z.string(),
  truncated: z.boolean(),
  reason: SpoolProblemReason,
  issues: z.array(z.string()),
  eventId: z.string().nullable(),
  at: EpochMs,
});

export const spoolContract = {
  /** Import progress and counts; refetch on the `spool` topic (published once per import batch). */
  'spool.status': endpoint({ input: z.object({}).strict(), output: SpoolStatus, roles: LIVE_ROLES }),
  /** Quarantined spool lines, newest first, with the reason each was set aside. */
  'spool.quarantine': endpoint({
    input: z
      .object({ offset: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(200).default(50) })
      .strict(),
    output: z.object({ total: z.number().int().nonnegative(), items: z.array(SpoolQuarantineView) }),
    roles: LIVE_ROLES,
  }),
  /** Scan the spool folder now (the watcher normally does this); resolves when the scan has finished. */
  'spool.scan': endpoint({ input: z.object({}).strict(), output: SpoolStatus, roles: LEAD_ONLY }),
};
