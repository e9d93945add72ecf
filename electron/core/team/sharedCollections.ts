import type { CollectionName } from '../../../shared/schema';

/**
 * What a team shares besides conversations and messages (which have tables of their own for the queue's locking),
 * kept in `team_records`: who the customers are, the team's profiles and their secret hashes (so a lead on any
 * desktop manages the team and anyone signs in anywhere), canned replies, reminders, ratings, complaints, the bot's
 * FAQ edits and marked answers, the team's settings, training scenarios and assignments, saved views, and the audit
 * log. Performance scores are derived from the shared conversations and ratings.
 *
 * Not shared: what belongs to one desktop (its drafts, its spool folder's cursors, links, quarantine and outbox, its
 * notices, its local preferences) and practices in progress.
 */
export const SHARED_RECORDS: ReadonlySet<CollectionName> = new Set<CollectionName>([
  'customers',
  'agents',
  'credentials',
  'cannedReplies',
  'reminders',
  'ratings',
  'complaints',
  'faqEntries',
  'botFeedback',
  'settings',
  'trainingScenarios',
  'trainingAssignments',
  'savedViews',
  'audit',
]);
