import { z } from 'zod';
import { Category, EpochMs, Id, Locale, Tier } from './common';

/**
 * Training mode (issue 13, docs/rules.md "Training"): scenario documents, attempts and assignments.
 *
 * A scenario is a small state machine: the simulated customer says a node's text; the trainee's reply is matched
 * against the scenario's key points (synonyms in both languages, shared/rules/training/match.ts) and intents; the
 * first branch whose condition holds picks the next node; nothing matching gives the node's fallback turn. A node
 * with `end` closes the conversation from the customer's side (resolved, escalated, abandoned).
 */

/** A short machine id inside one scenario ("kp-refund", "n-start"). */
export const LocalId = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9_-]*$/u, 'lowercase letters, digits, - and _');

/** What the simulated customer recognises beyond key points: tone, and what the trainee did in the workspace. */
export const TRAINING_INTENTS = ['greeting', 'apology', 'thanks', 'closing', 'escalated', 'asks_question'] as const;
export const TrainingIntent = z.enum(TRAINING_INTENTS);
export type TrainingIntent = z.infer<typeof TrainingIntent>;

export const TRAINING_ENDS = ['resolved', 'escalated', 'abandoned'] as const;
export const TrainingEnd = z.enum(TRAINING_ENDS);
export type TrainingEnd = z.infer<typeof TrainingEnd>;

/** A point a good answer makes, recognised by any of its phrases in either language (not exact text). */
export const KeyPoint = z
  .object({
    id: LocalId,
    /** What it means, for the rubric and the authoring form. */
    label: z.string().trim().min(1).max(200),
    phrases: z.object({
      'zh-CN': z.array(z.string().trim().min(1).max(100)).max(40).default([]),
      en: z.array(z.string().trim().min(1).max(100)).max(40).default([]),
    }),
    /** Required points count in the key-points rubric item; optional ones only steer the branches. */
    required: z.boolean().default(true),
  })
  .strict()
  .refine((k) => k.phrases['zh-CN'].length + k.phrases.en.length > 0, { message: 'a key point needs at least one phrase', path: ['phrases'] });
export type KeyPoint = z.infer<typeof KeyPoint>;

/** When a branch is taken: every key point in `all`, at least one in `any` (when given), every intent in `intents`. */
export const BranchWhen = z
  .object({
    all: z.array(LocalId).max(20).default([]),
    any: z.array(LocalId).max(20).default([]),
    intents: z.array(TrainingIntent).max(6).default([]),
  })
  .strict()
  .refine((w) => w.all.length + w.any.length + w.intents.length > 0, { message: 'a branch needs a condition', path: ['all'] });
export type BranchWhen = z.infer<typeof BranchWhen>;

export const Branch = z.object({ when: BranchWhen, next: LocalId }).strict();
export type Branch = z.infer<typeof Branch>;

export const ScenarioNode = z
  .object({
    id: LocalId,
    /** What the customer says on arriving at this node. */
    customer: z.string().trim().min(1).max(2000),
    /** Tried in order; the first that holds wins. */
    branches: z.array(Branch).max(12).default([]),
    /** What the customer says when no branch holds (used in turn; the last repeats); the node stays. */
    fallbacks: z.array(z.string().trim().min(1).max(2000)).max(6).default([]),
    /** A terminal node: after saying it the customer is done. */
    end: TrainingEnd.nullable().default(null),
  })
  .strict();
export type ScenarioNode = z.infer<typeof ScenarioNode>;

/** Rubric item ids, in the order the result shows them. */
export const RUBRIC_ITEMS = [
  'response_time',
  'category',
  'key_points',
  'greeting',
  'name_used',
  'apology',
  'thanks',
  'closing',
  'forbidden_phrases',
  'canned_filled',
  'escalation',
  'resolution',
] as const;
export const RubricItem = z.enum(RUBRIC_ITEMS);
export type RubricItem = z.infer<typeof RubricItem>;

/** Relative weight of each rubric item (0 leaves an item out); the score divides by the applicable ones' sum. */
export const RubricWeights = z.object(Object.fromEntries(RUBRIC_ITEMS.map((i) => [i, z.number().min(0).max(100)])) as Record<RubricItem, z.ZodNumber>).strict();
export type RubricWeights = z.infer<typeof RubricWeights>;
export const DEFAULT_RUBRIC_WEIGHTS: RubricWeights = {
  response_time: 15,
  category: 10,
  key_points: 20,
  greeting: 5,
  name_used: 5,
  apology: 5,
  thanks: 3,
  closing: 2,
  forbidden_phrases: 10,
  canned_filled: 5,
  escalation: 10,
  resolution: 10,
};

export const Persona = z
  .object({
    name: z.string().trim().min(1).max(100),
    tier: Tier,
    /** Earlier contacts and facts the context panel shows ("上周投诉过一次", "Member since 2021"). */
    history: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
    /** The customer's own order ids, phone tails and the like: quoting them is fine, any other is another customer's. */
    ownData: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
  })
  .strict();
export type Persona = z.infer<typeof Persona>;

export const TrainingScenario = z
  .object({
    id: Id.regex(/^[a-z0-9][a-z0-9_-]*$/u, 'lowercase letters, digits, - and _'),
    title: z.string().trim().min(1).max(200),
    locale: Locale,
    /** The category the issue is really about (the category rubric item). */
    category: Category,
    /** What the customer picked when writing in; the trainee corrects it when wrong. */
    startCategory: Category.default('other'),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    tags: z.array(LocalId).max(10).default([]),
    persona: Persona,
    /** Seconds the trainee has to answer each customer message. */
    turnBudgetSeconds: z.number().int().min(10).max(3600),
    /** After this long without a reply the customer sends the next follow-up (in order, each once). */
    impatience: z
      .object({ afterSeconds: z.number().int().min(10).max(3600), messages: z.array(z.string().trim().min(1).max(2000)).min(1).max(6) })
      .strict()
      .nullable()
      .default(null),
    keyPoints: z.array(KeyPoint).max(30),
    /** The first node is the opening message. */
    nodes: z.array(ScenarioNode).min(1).max(40),
    escalationRequired: z.boolean().default(false),
    /** An apology is due (the customer is upset or the platform is at fault). */
    apologyDue: z.boolean().default(true),
    /** Canned replies (by shortcut) a good answer uses; absent from the team's library → the item does not apply. */
    expectedCanned: z.array(z.string().trim().min(1).max(40)).max(5).default([]),
    /** Phrases that must not be said in this scenario, beyond the built-in ones (policy promises, blame). */
    forbidden: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
    rubric: RubricWeights.default(DEFAULT_RUBRIC_WEIGHTS),
  })
  .strict()
  .superRefine((s, ctx) => {
    const nodeIds = new Set<string>();
    s.nodes.forEach((n, i) => {
      if (nodeIds.has(n.id)) ctx.addIssue({ code: 'custom', message: `duplicate node id ${n.id}`, path: ['nodes', i, 'id'] });
      nodeIds.add(n.id);
    });
    const kpIds = new Set<string>();
    s.keyPoints.forEach((k, i) => {
      if (kpIds.has(k.id)) ctx.addIssue({ code: 'custom', message: `duplicate key point id ${k.id}`, path: ['keyPoints', i, 'id'] });
      kpIds.add(k.id);
    });
    s.nodes.forEach((n, i) => {
      if (n.end === null && n.branches.length === 0) ctx.addIssue({ code: 'custom', message: 'a node that does not end needs a branch', path: ['nodes', i, 'branches'] });
      if (n.end !== null && n.branches.length > 0) ctx.addIssue({ code: 'custom', message: 'an end node has no branches', path: ['nodes', i, 'branches'] });
      n.branches.forEach((b, j) => {
        if (!nodeIds.has(b.next)) ctx.addIssue({ code: 'custom', message: `no node ${b.next}`, path: ['nodes', i, 'branches', j, 'next'] });
        for (const k of [...b.when.all, ...b.when.any]) {
          if (!kpIds.has(k)) ctx.addIssue({ code: 'custom', message: `no key point ${k}`, path: ['nodes', i, 'branches', j, 'when'] });
        }
      });
    });
    if (!s.nodes.some((n) => n.end !== null)) ctx.addIssue({ code: 'custom', message: 'a scenario needs an end node', path: ['nodes'] });
    if (s.nodes.length > 0 && s.nodes[0].end !== null) {
      ctx.addIssue({ code: 'custom', message: 'the opening node cannot end the scenario', path: ['nodes', 0, 'end'] });
    }
  });
export type TrainingScenario = z.infer<typeof TrainingScenario>;
export type TrainingScenarioInput = z.input<typeof TrainingScenario>;

/** A lead's scenario in the store: new, or an edit of a built-in one (same id); `deleted` hides a built-in one. */
export const TrainingScenarioRecord = z.object({
  id: Id,
  scenario: TrainingScenario.nullable(),
  deleted: z.boolean().default(false),
  updatedAt: EpochMs,
  updatedBy: Id,
});
export type TrainingScenarioRecord = z.infer<typeof TrainingScenarioRecord>;

const Params = z.record(z.string(), z.union([z.string(), z.number()]));

/** A practice: in progress (sandbox open) until finished or abandoned; then it keeps the grade and the replay. */
export const TrainingAttempt = z.object({
  id: Id,
  agentId: Id,
  scenarioId: Id,
  /** The scenario as it was when the practice started: later edits never change a grade. */
  scenario: TrainingScenario,
  startedAt: EpochMs,
  finishedAt: EpochMs.nullable(),
  state: z.enum(['in_progress', 'finished', 'abandoned']),
  /** Why it was abandoned: by the person, or found without a readable sandbox at start-up. */
  abandonedBy: z.enum(['person', 'startup']).nullable().default(null),
  /** The conversation inside the sandbox (never a live id). */
  sandboxConversationId: Id,
  /** The simulated customer's progress, so a restart resumes where it was. */
  driver: z
    .object({
      nodeId: LocalId,
      fallbacksUsed: z.number().int().nonnegative(),
      followUpsSent: z.number().int().nonnegative(),
      end: TrainingEnd.nullable(),
      /** The customer's messages that were impatient follow-ups (the replay marks them). */
      impatientIds: z.array(Id).max(100).default([]),
    })
    .strict(),
  score: z.number().min(0).max(100).nullable().default(null),
  verdicts: z
    .array(z.object({ item: z.string(), met: z.boolean(), points: z.number().min(0), max: z.number().min(0), why: z.object({ code: z.string(), params: Params.default({}) }), quotes: z.array(z.string()) }))
    .default([]),
  turns: z
    .array(
      z.object({
        customer: z.string(),
        customerAt: EpochMs,
        reply: z.string().nullable(),
        replyAt: EpochMs.nullable(),
        responseMs: z.number().int().nonnegative().nullable(),
        budgetMs: z.number().int().positive(),
        impatient: z.boolean(),
        notes: z.array(z.object({ code: z.string(), params: Params.default({}) })),
      }),
    )
    .default([]),
  chosenCategory: Category.nullable().default(null),
});
export type TrainingAttempt = z.infer<typeof TrainingAttempt>;

/** A lead's assignment: practise this scenario by then (audited). */
export const TrainingAssignment = z.object({
  id: Id,
  scenarioId: Id,
  agentId: Id,
  assignedBy: Id,
  assignedAt: EpochMs,
  dueAt: EpochMs,
});
export type TrainingAssignment = z.infer<typeof TrainingAssignment>;
