import { z } from 'zod';
import { EpochMs, Id } from './common';

/**
 * A profile's secret, as a salted scrypt hash (never the secret). Kept in its own collection so no read path that
 * serves agents (profiles, session, exports, the change feed) can carry it by accident; only the identity
 * service reads it.
 */
export const Credential = z.object({
  /** The agent's id. */
  id: Id,
  kind: z.enum(['pin', 'password']),
  algo: z.literal('scrypt'),
  /** scrypt cost parameters, kept with the hash so they can be raised later without locking anybody out. */
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string().min(16).max(200),
  hash: z.string().min(16).max(200),
  /** True while this is a documented demo PIN (shown on the sign-in screen of the demo store only). */
  demo: z.boolean().default(false),
  updatedAt: EpochMs,
});
export type Credential = z.infer<typeof Credential>;

/**
 * What a secret must be: a PIN of at least 6 digits, or a password of at least 8 characters. Shared so the sign-in
 * and profile forms say the same as the core.
 */
export const Secret = z
  .string()
  .max(200)
  .refine((s) => (/^\d+$/.test(s) ? s.length >= 6 : s.length >= 8), { message: 'secret_too_short' });
export const secretKind = (s: string): 'pin' | 'password' => (/^\d+$/.test(s) ? 'pin' : 'password');

/** The demo store's documented PINs, by role (README, "Demo profiles"). */
export const DEMO_PINS = { agent: '111111', trainee: '222222', lead: '888888' } as const;
