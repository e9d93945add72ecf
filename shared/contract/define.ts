import type { z } from 'zod';
import type { Role } from '../schema/common';

/** One contract entry: what the caller sends, what it gets back, and who may call it. */
export interface Endpoint<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Roles allowed to call; checked in the core on every call, whatever the transport. */
  roles: readonly Role[];
  /**
   * What session the call needs (default: a signed-in, unlocked one). `none`: callable before signing in (the
   * sign-in screen); `locked`: callable on a locked session too (unlock, sign out).
   */
  session?: 'none' | 'locked';
}

export const ALL_ROLES = ['agent', 'trainee', 'lead'] as const satisfies readonly Role[];
/** Live-customer work: trainees practise in training mode and never touch live conversations. */
export const LIVE_ROLES = ['agent', 'lead'] as const satisfies readonly Role[];
export const LEAD_ONLY = ['lead'] as const satisfies readonly Role[];

export function endpoint<I extends z.ZodType, O extends z.ZodType>(e: Endpoint<I, O>): Endpoint<I, O> {
  return e;
}
