import { z } from 'zod';
import { CannedReply, CannedScope } from '../schema/canned';
import { Category, Id, Locale } from '../schema/common';
import { ImportProblem } from '../rules/cannedExchange';
import { ALL_ROLES, endpoint } from './define';
import { topic } from './events';

/** Change-feed topic published whenever the canned-reply library changes. */
export const CANNED_TOPIC = topic.canned;

/** A canned reply as the picker and the library see it: plus pinyin initials and whether the caller may edit it. */
export const CannedView = CannedReply.extend({
  initials: z.string(),
  canManage: z.boolean(),
});
export type CannedView = z.infer<typeof CannedView>;

export const CannedDraft = z
  .object({
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(5000),
    category: Category.nullable(),
    locale: Locale,
    shortcut: z.string().trim().max(40).regex(/^\S*$/u, 'A shortcut has no spaces'),
    scope: CannedScope,
  })
  .strict();
export type CannedDraft = z.infer<typeof CannedDraft>;

export const CannedImportResult = z.object({
  /** False when the file had problems: then nothing at all was stored. */
  committed: z.boolean(),
  added: z.number().int(),
  updated: z.number().int(),
  problems: z.array(ImportProblem),
});
export type CannedImportResult = z.infer<typeof CannedImportResult>;

/**
 * Canned replies. Anyone may keep personal ones; team and everyone replies are managed by leads only; the core
 * checks both on every call. Trainees may keep personal replies too (they practise with them in training).
 */
export const cannedContract = {
  /** Every reply the caller can use: their personal ones, the team's and everyone's. */
  'canned.list': endpoint({
    input: z.object({}).strict(),
    output: z.array(CannedView),
    roles: ALL_ROLES,
  }),
  /** Create (no id) or update a reply. */
  'canned.save': endpoint({
    input: CannedDraft.extend({ id: Id.optional() }).strict(),
    output: CannedView,
    roles: ALL_ROLES,
  }),
  'canned.delete': endpoint({
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id }),
    roles: ALL_ROLES,
  }),
  /** Counts one use of a reply (called when the agent inserts it). */
  'canned.use': endpoint({
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id, usageCount: z.number().int() }),
    roles: ALL_ROLES,
  }),
  /** The library the caller can see, as the JSON file import reads. */
  'canned.export': endpoint({
    input: z.object({}).strict(),
    output: z.object({ fileName: z.string(), text: z.string() }),
    roles: ALL_ROLES,
  }),
  /**
   * Reads a library file: every item is checked (format, fields, permissions, duplicate shortcuts) before
   * anything is stored; one problem anywhere and nothing is imported. A reply with the same scope and shortcut
   * as one the caller manages is updated, others are added.
   */
  'canned.import': endpoint({
    input: z.object({ text: z.string().max(5_000_000) }).strict(),
    output: CannedImportResult,
    roles: ALL_ROLES,
  }),
};
