import { z } from 'zod';

/**
 * Every failure a contract call can return. The UI says it in the user's language from `kind`, `code` and
 * `causes` (renderer/src/app/errorMessage.ts); `message` and `issues` are English detail for the log only.
 */
export const ErrorKind = z.enum(['validation', 'not_found', 'forbidden', 'conflict', 'internal', 'unauthenticated', 'locked', 'rate_limited']);
export type ErrorKind = z.infer<typeof ErrorKind>;

/**
 * Why a domain rule refused a call, for the UI to phrase (errors.code.<code> in the locales). Add a code here
 * and a sentence in both locales (a unit test checks they exist); throw it with
 * `new CoreError(kind, message, issues, { code, params })`.
 */
export const ERROR_CODES = [
  /** The conversation is closed: nothing more can change on it. */
  'closed',
  /** A status change the rules do not allow (params: from, to). */
  'transition',
  /** The reply still holds {{variables}} nobody filled (params: names). */
  'unfilled_variable',
  /** Settings: the VIP target is longer than the normal one. */
  'vip_over_normal',
  /** Settings: the at-risk window is not shorter than the VIP target. */
  'at_risk_too_long',
  /** A reminder time that is not in the future. */
  'reminder_in_past',
  /** Only a pending conversation (waiting for the customer) can be snoozed. */
  'not_pending',
  /** A canned reply shortcut already used in that scope (params: shortcut, title). */
  'shortcut_taken',
  /** Team and everyone canned replies are managed by leads. */
  'lead_only',
  /** Another agent's personal canned reply, or reminder. */
  'not_yours',
  /** The most saved views an agent may keep (params: max). */
  'too_many_views',
  /** Only complaints can be marked severe. */
  'not_complaint',
  /** The conversation is no longer being worked (resolved or closed). */
  'not_active',
  /** The conversation belongs to another customer. */
  'other_customer',
  /** A new conversation needs a category. */
  'needs_category',
  /** Transfer: the agent already owns it. */
  'same_owner',
  /** Transfer: trainees do not own live conversations. */
  'trainee_owner',
  /** The core runs on the system clock (clock.advance, the customer simulator). */
  'system_clock',
  /** Sign-in, unlock or secret change: wrong profile or secret (params: retryAfterMs when the next try waits). */
  'wrong_secret',
  /** Too many wrong secrets: the next attempt waits (params: retryAfterMs). */
  'wait',
  /** First-run setup on a store that already has profiles. */
  'already_set_up',
  /** A lead cannot disable their own profile. */
  'own_profile',
  /** The store keeps at least one enabled lead. */
  'last_lead',
  /** Another agent's conversation: only its owner, its assignee or a lead may change it. */
  'not_assigned',
  /** Web mode: the page has no valid token (open the URL `npm run web` printed). */
  'no_token',
  /** Web mode: the request is larger than the server accepts. */
  'too_large',
  /** The core cannot be reached (web mode server stopped). */
  'unreachable',
  /** Only a resolved or closed conversation an agent worked can be rated (the simulator's rating). */
  'not_rateable',
  /** Complaints: a closed complaint cannot change any more. */
  'complaint_closed',
  /** Complaints: a status step the rules do not allow (params: from, to). */
  'complaint_transition',
  /** Complaints: a result needs its text and whether the complaint is upheld. */
  'complaint_result_needed',
  /** Complaints: the conversation already has an open complaint. */
  'complaint_exists',
  /** Complaints: the handler or the agent it is about must be an enabled agent or lead. */
  'complaint_person',
  /** Training: a practice is already running for this person (finish or leave it first). */
  'practice_in_progress',
  /** Training: the practice has already ended (finished or abandoned). */
  'practice_over',
  /** Training: an assignment's due time is not in the future. */
  'due_in_past',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * One machine-readable reason a validation failed, derived from a zod issue (or given by a handler): where
 * (`path` inside the input, without the "input" prefix) and what (`code`: a zod issue code such as `too_big`,
 * `too_small`, `invalid_type`, `invalid_value`, `invalid_format`, `unrecognized_keys`, `custom`, or the snake_case
 * message of a refinement, e.g. `secret_too_short`), with the limits. The UI says it with errors.cause.<code>.
 */
export const ErrorCause = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  /** What was measured: "string" (characters), "array" (items), "number", "int", "date"... */
  origin: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  /** Whether the limit itself is allowed (false: "greater than", "less than"). */
  inclusive: z.boolean().optional(),
  /** invalid_type: the expected type ("number", "int", "string"...). */
  expected: z.string().optional(),
  /** invalid_value: the accepted values. */
  values: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  /** invalid_format: the format ("regex", "email"...). */
  format: z.string().optional(),
});
export type ErrorCause = z.infer<typeof ErrorCause>;

const ErrorParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const ContractError = z.object({
  kind: ErrorKind,
  /** English detail for the log and bug reports; never shown as the user's message. */
  message: z.string(),
  /** For validation errors: where each problem is ("input.body: Too small"), for the log. */
  issues: z.array(z.string()).optional(),
  /** A domain reason the UI can phrase (errors.code.<code>). */
  code: ErrorCode.optional(),
  /** Values for the code's sentence ({ from: "closed", to: "open" }); a name ending in `Ms` is a duration. */
  params: ErrorParams.optional(),
  /** For validation errors: each problem, machine-readable (errors.cause.* with errors.fields.*). */
  causes: z.array(ErrorCause).optional(),
});
export type ContractError = z.infer<typeof ContractError>;

/** The structured part of an error, beside the English message. */
export interface ErrorDetail {
  code?: ErrorCode;
  params?: Record<string, string | number>;
  causes?: ErrorCause[];
}

/**
 * "path: message" lines for the log, carrying the structured detail alongside (a non-enumerable `detail`), so
 * `fail(kind, message, zodIssues(...))` and `fail(e.kind, e.message, e.issues)` keep it without another argument.
 */
export type IssueLines = string[] & { readonly detail?: ErrorDetail };

function linesWithDetail(lines: readonly string[], detail: ErrorDetail | undefined): IssueLines {
  const out = [...lines];
  if (detail) Object.defineProperty(out, 'detail', { value: detail, enumerable: false });
  return out;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A typed failure. The detail comes from `detail`, or rides on `issues` (from zodIssues or a CoreError). */
export const fail = (kind: ErrorKind, message: string, issues?: readonly string[], detail?: ErrorDetail): { ok: false; error: ContractError } => {
  const d = detail ?? (issues as IssueLines | undefined)?.detail;
  const error: ContractError = { kind, message };
  // Lines are kept as before; an empty list that only carried a detail is left out.
  if (issues && (issues.length > 0 || !d)) error.issues = [...issues];
  if (d?.code) error.code = d.code;
  if (d?.params && Object.keys(d.params).length > 0) error.params = { ...d.params };
  if (d?.causes && d.causes.length > 0) error.causes = d.causes.map((c) => ({ ...c, path: [...c.path] }));
  return { ok: false, error };
};

/** A "path: message" line (the form handlers write issues in) as a cause the UI can at least place. */
function causeFromLine(line: string): ErrorCause | null {
  const m = /^([\w.]+): /u.exec(line);
  if (!m) return null;
  const path = m[1].split('.').filter((p) => p !== 'input');
  return path.length > 0 ? { path: path.map((p) => (/^\d+$/u.test(p) ? Number(p) : p)), code: 'custom' } : null;
}

/** Thrown inside core handlers to return a typed error; the dispatcher turns it into a Result. */
export class CoreError extends Error {
  /** The issue lines, carrying `detail` for fail(). */
  readonly issues?: IssueLines;
  readonly detail?: ErrorDetail;

  /**
   * `detail.code` names the domain reason (`closed`, `transition`...) for the UI. Without `detail.causes`,
   * issue lines of the form "field.path: ..." become `custom` causes, so the UI can name the field.
   */
  constructor(
    readonly kind: ErrorKind,
    message: string,
    issues?: readonly string[],
    detail?: ErrorDetail,
  ) {
    super(message);
    this.name = 'CoreError';
    const derived = issues?.map(causeFromLine).filter((c): c is ErrorCause => c !== null) ?? [];
    const merged: ErrorDetail | undefined =
      detail || derived.length > 0 ? { ...detail, causes: detail?.causes ?? (derived.length > 0 ? derived : undefined) } : undefined;
    this.detail = merged;
    if (issues || merged) this.issues = linesWithDetail(issues ?? [], merged);
  }
}

/** A zod issue as a cause: where, which check, and its limits (no English). */
export function zodCause(issue: z.core.$ZodIssue): ErrorCause {
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  const cause: ErrorCause = {
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    // A refinement whose message is a snake_case word names its own cause ("secret_too_short").
    code: issue.code === 'custom' && /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/u.test(issue.message) ? issue.message : issue.code,
  };
  if (typeof i.origin === 'string') cause.origin = i.origin;
  if (typeof i.minimum === 'number' || typeof i.minimum === 'bigint') cause.minimum = Number(i.minimum);
  if (typeof i.maximum === 'number' || typeof i.maximum === 'bigint') cause.maximum = Number(i.maximum);
  if (typeof i.inclusive === 'boolean') cause.inclusive = i.inclusive;
  if (typeof i.expected === 'string') cause.expected = i.expected;
  if (typeof i.format === 'string') cause.format = i.format;
  if (Array.isArray(i.values)) {
    cause.values = i.values.filter((v): v is string | number | boolean | null => v === null || ['string', 'number', 'boolean'].includes(typeof v));
  }
  return cause;
}

/** Every issue of a zod error as a cause (the structured twin of zodIssues). */
export function zodCauses(error: z.ZodError): ErrorCause[] {
  return error.issues.map(zodCause);
}

/**
 * Turns a zod error into short "path: message" lines for a validation error (for the log), carrying the
 * structured causes alongside so `fail('validation', message, zodIssues(error, 'input'))` returns them too.
 */
export function zodIssues(error: z.ZodError, prefix: string): IssueLines {
  const lines = error.issues.map((i) => `${[prefix, ...i.path.map(String)].join('.')}: ${i.message}`);
  return linesWithDetail(lines, { causes: zodCauses(error) });
}
