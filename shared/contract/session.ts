import { z } from 'zod';
import { EpochMs, Id, Locale } from '../schema/common';
import { ALL_ROLES, endpoint } from './define';
import { AgentSummary, StoreProblemView } from './views';

export const sessionContract = {
  /** Who is signed in, the team to switch to, the remembered language, the core's clock, store health. */
  'session.get': endpoint({
    input: z.object({}).strict(),
    output: z.object({
      agent: AgentSummary,
      agents: z.array(AgentSummary),
      locale: Locale,
      now: EpochMs,
      fakeClock: z.boolean(),
      problems: z.array(StoreProblemView),
    }),
    roles: ALL_ROLES,
  }),
  'session.signIn': endpoint({
    input: z.object({ agentId: Id }).strict(),
    output: AgentSummary,
    roles: ALL_ROLES,
  }),
  'prefs.setLocale': endpoint({
    input: z.object({ locale: Locale }).strict(),
    output: z.object({ locale: Locale }),
    roles: ALL_ROLES,
  }),
  /** Moves the core's clock forward. Only a core started with a manual clock (tests, demos) accepts it. */
  'clock.advance': endpoint({
    input: z.object({ ms: z.number().int().positive().max(366 * 24 * 3600_000) }).strict(),
    output: z.object({ now: EpochMs }),
    roles: ALL_ROLES,
  }),
};
