import { z } from 'zod';

/** Every failure a contract call can return. The UI translates `kind` (errors.<kind>) and shows `message` as detail. */
export const ErrorKind = z.enum(['validation', 'not_found', 'forbidden', 'conflict', 'internal']);
export type ErrorKind = z.infer<typeof ErrorKind>;

export const ContractError = z.object({
  kind: ErrorKind,
  message: z.string(),
  /** For validation errors: where each problem is ("input.body: Too small"). */
  issues: z.array(z.string()).optional(),
});
export type ContractError = z.infer<typeof ContractError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (kind: ErrorKind, message: string, issues?: string[]): { ok: false; error: ContractError } => ({
  ok: false,
  error: issues ? { kind, message, issues } : { kind, message },
});

/** Thrown inside core handlers to return a typed error; the dispatcher turns it into a Result. */
export class CoreError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

/** Turns a zod error into short "path: message" lines for a validation error. */
export function zodIssues(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((i) => `${[prefix, ...i.path.map(String)].join('.')}: ${i.message}`);
}
