import type { z } from 'zod';
import { Agent } from './agent';
import { AuditEvent } from './audit';
import { BotFeedback, FaqRecord } from './bot';
import { CannedReply } from './canned';
import { Complaint } from './complaint';
import { Credential } from './credential';
import { Conversation, Message } from './conversation';
import { Customer } from './customer';
import { Notice } from './notice';
import { SavedView } from './savedView';
import { Draft, Preferences } from './preferences';
import { Rating } from './rating';
import { Reminder } from './reminder';
import { Settings } from './settings';
import { OutboxEntry, SpoolCursor, SpoolLink, SpoolQuarantined, SpoolSeen } from './spoolEvent';
import { TrainingAssignment, TrainingAttempt, TrainingScenarioRecord } from './training';

export * from './common';
export * from './agent';
export * from './audit';
export * from './bot';
export * from './canned';
export * from './complaint';
export * from './credential';
export * from './conversation';
export * from './customer';
export * from './notice';
export * from './savedView';
export * from './preferences';
export * from './rating';
export * from './reminder';
export * from './settings';
export * from './spoolEvent';
export * from './training';

/** The store's format version; bump it together with a migration in electron/core/store/migrations.ts. */
export const SCHEMA_VERSION = 5;

/** Every stored collection and the schema each of its records must pass. */
export const recordSchemas = {
  customers: Customer,
  agents: Agent,
  credentials: Credential,
  conversations: Conversation,
  messages: Message,
  cannedReplies: CannedReply,
  reminders: Reminder,
  ratings: Rating,
  // Training (issue 13, shared/schema/training.ts): the team's scenarios over the built-in library, practices, assignments.
  trainingScenarios: TrainingScenarioRecord,
  trainingAttempts: TrainingAttempt,
  trainingAssignments: TrainingAssignment,
  audit: AuditEvent,
  settings: Settings,
  preferences: Preferences,
  drafts: Draft,
  notices: Notice,
  savedViews: SavedView,
  // The spool (docs/spool-format.md): import cursors, applied event ids, quarantined lines, links, the outbox.
  spoolCursors: SpoolCursor,
  spoolSeen: SpoolSeen,
  spoolQuarantine: SpoolQuarantined,
  spoolLinks: SpoolLink,
  outbox: OutboxEntry,
  // The bot (shared/schema/bot.ts): a lead's FAQ edits over the built-in file, and bot answers marked wrong.
  faqEntries: FaqRecord,
  botFeedback: BotFeedback,
  // Complaints as records (issue 12): one per complaint conversation, with its deadline, result and escalation.
  complaints: Complaint,
} as const;

export type CollectionName = keyof typeof recordSchemas;
export const COLLECTIONS = Object.keys(recordSchemas) as CollectionName[];
export type RecordOf<K extends CollectionName> = z.infer<(typeof recordSchemas)[K]>;
