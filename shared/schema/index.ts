import type { z } from 'zod';
import { Agent } from './agent';
import { AuditEvent } from './audit';
import { CannedReply } from './canned';
import { Credential } from './credential';
import { Conversation, Message } from './conversation';
import { Customer } from './customer';
import { Notice } from './notice';
import { SavedView } from './savedView';
import { Draft, Preferences } from './preferences';
import { Rating } from './rating';
import { Reminder } from './reminder';
import { Settings } from './settings';
import { Attempt, Scenario } from './training';

export * from './common';
export * from './agent';
export * from './audit';
export * from './canned';
export * from './credential';
export * from './conversation';
export * from './customer';
export * from './notice';
export * from './savedView';
export * from './preferences';
export * from './rating';
export * from './reminder';
export * from './settings';
export * from './training';

/** The store's format version; bump it together with a migration in electron/core/store/migrations.ts. */
export const SCHEMA_VERSION = 3;

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
  scenarios: Scenario,
  attempts: Attempt,
  audit: AuditEvent,
  settings: Settings,
  preferences: Preferences,
  drafts: Draft,
  notices: Notice,
  savedViews: SavedView,
} as const;

export type CollectionName = keyof typeof recordSchemas;
export const COLLECTIONS = Object.keys(recordSchemas) as CollectionName[];
export type RecordOf<K extends CollectionName> = z.infer<(typeof recordSchemas)[K]>;
