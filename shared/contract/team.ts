import { z } from 'zod';
import { EpochMs, Id } from '../schema/common';
import { LIVE_ROLES, endpoint } from './define';

/**
 * Team mode's sync as the header shows it (docs/team-mode.md): whether this desktop is connected to the team's
 * database, how much of its work is not yet synced, and the changes that gave way to another desktop's.
 */
export const TeamSyncView = z.object({
  /** False: this desktop works on its own store (no team database configured); nothing else applies. */
  enabled: z.boolean(),
  online: z.boolean(),
  /** This desktop's actions waiting to reach the team's database ("not yet synced"). */
  waiting: z.number().int().nonnegative(),
  /** This desktop's changes that met another desktop's first (newest last): the other one stands. */
  conflicts: z.array(
    z.object({
      /** The shared collection of the record ('conversations', 'cannedReplies', ...: electron/core/team/sharedCollections.ts). */
      coll: z.string().min(1),
      recordId: Id,
      /** The conversation to open (a conversation's conflict), else null. */
      conversationId: Id.nullable(),
      at: EpochMs,
      teamVersion: z.number().int().positive(),
    }),
  ),
  /** Why the last attempt failed (English, for the log and a lead), or null. */
  lastError: z.string().nullable(),
  /** Joining the team: this desktop's earlier work being uploaded (rows done of total), else null. */
  joining: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
});
export type TeamSyncView = z.infer<typeof TeamSyncView>;

export const teamContract = {
  /** Refetch on the `team` topic (published when the sync's state changes). */
  'team.status': endpoint({ input: z.object({}).strict(), output: TeamSyncView, roles: LIVE_ROLES }),
};
