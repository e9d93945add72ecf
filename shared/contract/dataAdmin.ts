import { z } from 'zod';
import { EpochMs, Id } from '../schema/common';
import { LEAD_ONLY, endpoint } from './define';
import { topic } from './events';

/** Change-feed topic published whenever the list of backups changes. */
export const BACKUPS_TOPIC = topic.backups;

/**
 * Backup file names, all in `<dataDir>/backups/`, dates and times in Asia/Shanghai:
 *   backup-YYYY-MM-DD.json                    the daily backup (one per day, the newest 7 kept)
 *   manual-YYYY-MM-DDTHH-mm-ss-SSS.json       made by a lead with "Back up now" (the newest 7 kept)
 *   pre-restore-YYYY-MM-DDTHH-mm-ss-SSS.json  the data as it was just before a restore (the newest 7 kept)
 * Each is a store snapshot (the format of snapshot-<n>.json). Only these names are accepted, so a name can never
 * point outside the folder.
 */
export const BACKUP_NAME_RE = /^(?:backup-\d{4}-\d{2}-\d{2}|(?:manual|pre-restore)-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3})\.json$/u;
export const BackupName = z.string().regex(BACKUP_NAME_RE, 'Not a backup file name');

export const BackupKind = z.enum(['daily', 'manual', 'pre-restore']);
export type BackupKind = z.infer<typeof BackupKind>;

export const BackupInfo = z.object({
  name: BackupName,
  kind: BackupKind,
  /** The Shanghai calendar day it was made ("2026-11-24"). */
  day: z.string(),
  /** When it was made, for manual and pre-restore backups; daily ones carry only their day. */
  at: EpochMs.nullable(),
  bytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** Records per collection ("conversations": 3). */
export const Counts = z.record(z.string(), z.number().int().nonnegative());
export type Counts = z.infer<typeof Counts>;

/** One customer's data, as a download for a data-subject request. Never holds agents' credentials or settings. */
export const CustomerExport = z.object({
  format: z.literal('kefu-desk.customer-export'),
  version: z.literal(1),
  customerId: Id,
  exportedAt: EpochMs,
  /** Every record keyed to the customer, per collection (customers, conversations, messages, ratings, ...). */
  collections: z.record(z.string(), z.array(z.unknown())),
  counts: Counts,
});
export type CustomerExport = z.infer<typeof CustomerExport>;

/**
 * Backups and customer-data requests: leads only, every change audited (the audit never holds the personal
 * content of a deletion, only who, when and how many records).
 */
export const dataAdminContract = {
  /** Every backup on disk, newest first. */
  'backup.list': endpoint({
    input: z.object({}).strict(),
    output: z.array(BackupInfo),
    roles: LEAD_ONLY,
  }),
  /** Makes a backup now (a manual one; the daily backup is made by the core itself). */
  'backup.create': endpoint({
    input: z.object({}).strict(),
    output: BackupInfo,
    roles: LEAD_ONLY,
  }),
  /**
   * Replaces the live data with a backup's, in one commit, at once. The data as it was is first saved as a
   * pre-restore backup (`keptAs`), so a restore never loses anything and can itself be undone. The audit trail is
   * not rolled back: it keeps every line, plus one for the restore.
   */
  'backup.restore': endpoint({
    input: z.object({ name: BackupName }).strict(),
    output: z.object({
      restored: BackupName,
      keptAs: BackupName,
      /** Records written and removed to make the data equal the backup's. */
      puts: z.number().int().nonnegative(),
      dels: z.number().int().nonnegative(),
      /** Records per collection after the restore. */
      counts: Counts,
    }),
    roles: LEAD_ONLY,
  }),
  /** Everything stored about one customer, as a JSON document (the UI offers it as a download). */
  'customer.export': endpoint({
    input: z.object({ customerId: Id }).strict(),
    output: z.object({ fileName: z.string(), document: CustomerExport }),
    roles: LEAD_ONLY,
  }),
  /**
   * Deletes everything stored about one customer in one commit. `confirmName` must be the customer's name as
   * stored (the UI asks the lead to type it). Audit lines about their conversations keep who did what and when,
   * but lose their content; the deletion's own audit line holds only counts.
   */
  'customer.delete': endpoint({
    input: z.object({ customerId: Id, confirmName: z.string().max(200) }).strict(),
    output: z.object({ customerId: Id, counts: Counts, auditRedacted: z.number().int().nonnegative() }),
    roles: LEAD_ONLY,
  }),
};
