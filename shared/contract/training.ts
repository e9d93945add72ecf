import { z } from 'zod';
import { Category, EpochMs, Id, Locale, Role } from '../schema/common';
import { ALL_ROLES, LEAD_ONLY, endpoint } from './define';
import { ErrorCause } from './errors';

/**
 * Training mode (issue 13). A practice runs in the real workspace against a SANDBOXED store: while a person has a
 * practice in progress, the workspace calls of their session (queue, conversation, replies, canned replies, context)
 * are answered by a sandbox core holding only the scenario's simulated customer; nothing reaches live data, the
 * outbox, notices, ratings or live performance. The simulated customer answers on the core's clock (typing delay,
 * impatience). Grading is pure (shared/rules/training/*): every rubric item says what was met or missed and why,
 * quoting the trainee's words. Everyone may practise; leads assign, author and see everyone's progress.
 *
 * UI texts come from codes (`why.code`, rubric item ids) so both languages are first-class.
 */

/**
 * Every `why.code` a verdict can carry, with the values its sentence gets (the UI words each one in both locales as
 * training.why.<code>). A verdict whose item does not apply has max 0 and code `not_applicable` (or
 * `apology_not_due`); show it as "does not apply", never as met or missed.
 */
export const VERDICT_CODES = [
  'not_applicable',
  'no_reply', // response_time (budgetSeconds), greeting, closing
  'all_within_budget', // response_time: within, total, budgetSeconds, slowestSeconds
  'some_over_budget', // response_time: within, total, budgetSeconds, slowestSeconds
  'category_right', // category: chosen, expected (Category values)
  'category_wrong', // category: chosen ('' when none), expected
  'all_key_points', // key_points: covered, total, missed ('')
  'key_points_missed', // key_points: covered, total, missed (labels joined by " / ")
  'greeted', // greeting: phrase
  'no_greeting',
  'name_used', // name_used: phrase (how the customer was addressed)
  'name_not_used', // name_used: name
  'apologised', // apology: phrase
  'no_apology',
  'apology_not_due',
  'thanked', // thanks: phrase
  'no_thanks',
  'closed', // closing: phrase
  'no_closing',
  'none_used', // forbidden_phrases
  'forbidden_blame', // forbidden_phrases: phrase, count
  'forbidden_promise', // forbidden_phrases: phrase, count
  'forbidden_scenario', // forbidden_phrases: phrase, count
  'forbidden_other_customer_data', // forbidden_phrases: phrase (the number), count
  'unfilled_variable', // canned_filled: count
  'canned_used', // canned_filled: used, total, missing ('')
  'canned_not_used', // canned_filled: used, total, missing ("/shortcut title" joined by " / ")
  'escalated', // escalation
  'not_escalated',
  'escalated_unneeded',
  'ended_resolved', // resolution
  'ended_escalated',
  'ended_escalated_unneeded',
  'customer_left',
  'not_reached',
] as const;

/**
 * Every `notes[].code` of a replay turn: over_budget (seconds, budgetSeconds), key_point (id, label, phrase),
 * forbidden_blame / forbidden_promise / forbidden_scenario / forbidden_other_customer_data (phrase),
 * unfilled_variable, canned_used (shortcut, title). The UI words them as training.note.<code>.
 */
export const NOTE_CODES = ['over_budget', 'key_point', 'forbidden_blame', 'forbidden_promise', 'forbidden_scenario', 'forbidden_other_customer_data', 'unfilled_variable', 'canned_used'] as const;

/** A rubric item's verdict: why, as a code with values for the sentence, and the trainee's words it is about. */
export const RubricVerdict = z.object({
  /** The rubric item: response_time, category, key_points, greeting, name_used, apology, thanks, closing,
   * forbidden_phrases, canned_filled, escalation, resolution. */
  item: z.string().min(1).max(60),
  met: z.boolean(),
  /** Points earned and possible (the score is the sum over the max, as 0–100). */
  points: z.number().min(0),
  max: z.number().min(0),
  why: z.object({ code: z.string().min(1).max(80), params: z.record(z.string(), z.union([z.string(), z.number()])).default({}) }),
  /** The trainee's words the verdict is about (a missed greeting quotes the first reply). */
  quotes: z.array(z.string().max(2000)).max(10),
});
export type RubricVerdict = z.infer<typeof RubricVerdict>;

/** One turn of the replay: what the customer said, what the trainee answered, how long it took, the grader's notes. */
export const ReplayTurn = z.object({
  customer: z.string(),
  customerAt: EpochMs,
  /** The trainee's reply (null: none before the next customer message or the end). */
  reply: z.string().nullable(),
  replyAt: EpochMs.nullable(),
  responseMs: z.number().int().nonnegative().nullable(),
  budgetMs: z.number().int().positive(),
  /** A follow-up the customer sent because the trainee was slow. */
  impatient: z.boolean(),
  /** Key points this reply covered (ids and labels) and any forbidden phrase it used. */
  notes: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).default({}) })),
});
export type ReplayTurn = z.infer<typeof ReplayTurn>;

export const AttemptSummary = z.object({
  id: Id,
  scenarioId: Id,
  scenarioTitle: z.string(),
  agentId: Id,
  startedAt: EpochMs,
  finishedAt: EpochMs.nullable(),
  /** 0–100; null while in progress or abandoned. */
  score: z.number().min(0).max(100).nullable(),
  state: z.enum(['in_progress', 'finished', 'abandoned']),
});
export type AttemptSummary = z.infer<typeof AttemptSummary>;

export const AttemptResult = z.object({
  attempt: AttemptSummary,
  verdicts: z.array(RubricVerdict),
  turns: z.array(ReplayTurn),
  /** The category the trainee chose and the right one. */
  chosenCategory: Category.nullable(),
  expectedCategory: Category,
});
export type AttemptResult = z.infer<typeof AttemptResult>;

export const ScenarioSummary = z.object({
  id: Id,
  title: z.string(),
  category: Category,
  locale: Locale,
  /** A severe complaint that must be escalated, an angry VIP, … */
  tags: z.array(z.string()),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  builtIn: z.boolean(),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

export const AssignmentView = z.object({
  id: Id,
  scenarioId: Id,
  scenarioTitle: z.string(),
  agentId: Id,
  assignedBy: Id,
  dueAt: EpochMs,
  /** Done when an attempt finished after assignment; overdue when not done by dueAt. */
  done: z.boolean(),
  overdue: z.boolean(),
  bestScore: z.number().min(0).max(100).nullable(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

/** What a practice in progress looks like to the workspace (banner, window title). */
export const PracticeState = z.object({
  attemptId: Id,
  scenarioId: Id,
  scenarioTitle: z.string(),
  conversationId: Id,
  startedAt: EpochMs,
  turnBudgetMs: z.number().int().positive(),
});
export type PracticeState = z.infer<typeof PracticeState>;

/** A line-level problem in an imported scenario file (like the canned-reply import). */
export const ScenarioImportProblem = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive().nullable(),
  path: z.string(),
  /** English, for the log; the UI says the problem from `cause` (a field check) or recognises the file's own problems. */
  message: z.string(),
  /** For a field that fails its check: which check, with its limits (no English). */
  cause: ErrorCause.optional(),
});

/**
 * The workspace calls a practising person's session sends to their sandbox (the core forwards them; see
 * electron/core/services/training): while `training.current` is not null, the UI may offer these to anyone, a trainee
 * included, whatever `can(role, call)` says for live work. Every other call goes to the live core as always.
 */
export const PRACTICE_CALLS = [
  'queue.page', 'queue.indexOf', 'queue.counts', 'views.list', 'views.save', 'views.delete',
  'sla.explain', 'complaint.markSevere',
  'conversation.get', 'conversation.reply', 'conversation.setStatus', 'conversation.setCategory', 'conversation.setTags', 'conversation.transfer',
  'customer.history', 'owner.waiting', 'search.query', 'search.status', 'draft.get', 'draft.save', 'notices.list', 'notices.dismiss',
  'canned.list', 'canned.use', 'reminders.list', 'reminders.create', 'reminders.complete', 'reminders.snooze', 'reminders.delete',
] as const;

export const trainingContract = {
  /** The signed-in person's training home: assignments, library, attempts, scores over time, weakest items, next suggestion. */
  'training.home': endpoint({
    input: z.object({}).strict(),
    output: z.object({
      assignments: z.array(AssignmentView),
      library: z.array(ScenarioSummary),
      attempts: z.array(AttemptSummary),
      /** Rubric items missed most often in finished attempts, worst first, with the miss rate 0–1. */
      weakest: z.array(z.object({ item: z.string(), missRate: z.number().min(0).max(1), attempts: z.number().int() })),
      suggestion: z.object({ scenarioId: Id, reason: z.enum(['assigned_due', 'weak_item', 'not_tried', 'low_score']), item: z.string().nullable() }).nullable(),
      practice: PracticeState.nullable(),
    }),
    roles: ALL_ROLES,
  }),
  /** Starts a practice (one at a time): the workspace now shows the sandbox with the simulated customer's opening. */
  'training.start': endpoint({
    input: z.object({ scenarioId: Id }).strict(),
    output: PracticeState,
    roles: ALL_ROLES,
  }),
  /** The practice in progress, if any (the workspace asks on load: banner, colour, window title). */
  'training.current': endpoint({
    input: z.object({}).strict(),
    output: PracticeState.nullable(),
    roles: ALL_ROLES,
  }),
  /** Ends the practice and grades it; the sandbox is discarded, the attempt kept. */
  'training.finish': endpoint({
    input: z.object({ attemptId: Id }).strict(),
    output: AttemptResult,
    roles: ALL_ROLES,
  }),
  /** Leaves a practice without grading (kept as abandoned). */
  'training.abandon': endpoint({
    input: z.object({ attemptId: Id }).strict(),
    output: AttemptSummary,
    roles: ALL_ROLES,
  }),
  /** One attempt's result and replay: one's own; a lead anyone's. */
  'training.attempt': endpoint({
    input: z.object({ attemptId: Id }).strict(),
    output: AttemptResult,
    roles: ALL_ROLES,
  }),
  /** Every trainee's and agent's progress, for leads. */
  'training.progress': endpoint({
    input: z.object({}).strict(),
    output: z.object({
      people: z.array(
        z.object({
          agentId: Id,
          name: z.string(),
          role: Role,
          assigned: z.number().int().nonnegative(),
          done: z.number().int().nonnegative(),
          overdue: z.number().int().nonnegative(),
          attempts: z.number().int().nonnegative(),
          averageScore: z.number().min(0).max(100).nullable(),
          lastAttemptAt: EpochMs.nullable(),
        }),
      ),
      assignments: z.array(AssignmentView),
      recent: z.array(AttemptSummary),
    }),
    roles: LEAD_ONLY,
  }),
  /** A lead assigns a scenario to people with a due date (audited). */
  'training.assign': endpoint({
    input: z.object({ scenarioId: Id, agentIds: z.array(Id).min(1).max(200), dueAt: EpochMs }).strict(),
    output: z.object({ assignments: z.array(AssignmentView) }),
    roles: LEAD_ONLY,
  }),
  /** The full scenario documents (authoring), built-in and the team's own. */
  'training.scenarios': endpoint({
    input: z.object({}).strict(),
    output: z.object({ scenarios: z.array(z.unknown()) }),
    roles: LEAD_ONLY,
  }),
  /** Saves one scenario (new or edited; validated, audited). `scenario` is a TrainingScenario (shared/schema/training.ts). */
  'training.saveScenario': endpoint({
    input: z.object({ scenario: z.unknown() }).strict(),
    output: ScenarioSummary,
    roles: LEAD_ONLY,
  }),
  'training.deleteScenario': endpoint({
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id }),
    roles: LEAD_ONLY,
  }),
  /** JSON import with line-level errors; nothing is saved unless every scenario is valid (or `dryRun`). */
  'training.importScenarios': endpoint({
    input: z.object({ text: z.string().max(5_000_000), dryRun: z.boolean().default(false) }).strict(),
    output: z.object({ ok: z.boolean(), imported: z.number().int().nonnegative(), problems: z.array(ScenarioImportProblem) }),
    roles: LEAD_ONLY,
  }),
  'training.exportScenarios': endpoint({
    input: z.object({ ids: z.array(Id).optional() }).strict(),
    output: z.object({ fileName: z.string(), text: z.string() }),
    roles: LEAD_ONLY,
  }),
  /** "Try it": what the simulated customer would answer to a reply at a node of a draft scenario (nothing stored). */
  'training.tryTurn': endpoint({
    input: z.object({ scenario: z.unknown(), nodeId: Id, reply: z.string().max(20_000) }).strict(),
    output: z.object({ nextNodeId: Id.nullable(), customer: z.string().nullable(), matchedKeyPoints: z.array(Id), end: z.enum(['resolved', 'escalated', 'abandoned']).nullable() }),
    roles: LEAD_ONLY,
  }),
};
