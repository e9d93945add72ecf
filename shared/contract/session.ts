import { z } from 'zod';
import { Secret } from '../schema/credential';
import { EpochMs, Id, Locale, Role } from '../schema/common';
import { ALL_ROLES, LEAD_ONLY, endpoint } from './define';
import { AgentSummary, StoreProblemView } from './views';

/** A profile on the sign-in screen. `demoPin` is set only on the demo store, while the profile keeps its demo PIN. */
export const ProfileChoice = z.object({ id: Id, name: z.string(), role: Role, demoPin: z.string().nullable() });
export type ProfileChoice = z.infer<typeof ProfileChoice>;

/** A profile as a lead manages it (never the secret or its hash). */
export const ProfileView = AgentSummary.extend({ disabled: z.boolean(), hasSecret: z.boolean(), demoPin: z.boolean() });
export type ProfileView = z.infer<typeof ProfileView>;

const Name = z.string().trim().min(1).max(200);

/**
 * How far opening the store has got. A large store takes seconds to open (~15 s at 50 000 conversations × 20
 * messages); until it is open no other call can answer, so the window shows this instead of a bare spinner.
 */
export const OpeningProgress = z.object({
  state: z.enum(['opening', 'ready']),
  /** What the core is doing now (null once ready): reading the files, checking each record, starting its services. */
  step: z.enum(['reading', 'checking', 'starting']).nullable(),
  /** 0 … 1 of the whole opening. */
  fraction: z.number().min(0).max(1),
  /** Bytes of store files being read (the snapshot and its journals). */
  bytes: z.number().int().nonnegative(),
});
export type OpeningProgress = z.infer<typeof OpeningProgress>;

export const sessionContract = {
  /** How far opening the store has got: answered while it opens, before any other call can be (see OpeningProgress). */
  'session.opening': endpoint({
    input: z.object({}).strict(),
    output: OpeningProgress,
    roles: ALL_ROLES,
    session: 'none',
  }),
  /**
   * Where this window or page stands: signed out (the sign-in screen, or first run when the store has no profile),
   * locked, or signed in. Callable without a session. Store problems are shown even before signing in.
   */
  'session.status': endpoint({
    input: z.object({}).strict(),
    output: z.object({
      state: z.enum(['signed_out', 'locked', 'signed_in']),
      agent: AgentSummary.nullable(),
      /** No profile can sign in: the first-run screen creates the lead. */
      firstRun: z.boolean(),
      profiles: z.array(ProfileChoice),
      problems: z.array(StoreProblemView),
      /**
       * The store is still opening: the profiles were read from its files ahead of the open (the sign-in screen shows
       * while the rest loads), store problems are not known yet, and signing in waits for the open. A 'session'
       * change follows when the open is done.
       */
      opening: z.boolean(),
    }),
    roles: ALL_ROLES,
    session: 'none',
  }),
  /** Who is signed in, the team, the remembered language, the core's clock, store health. */
  'session.get': endpoint({
    input: z.object({}).strict(),
    output: z.object({
      agent: AgentSummary,
      agents: z.array(AgentSummary),
      locale: Locale,
      now: EpochMs,
      fakeClock: z.boolean(),
      problems: z.array(StoreProblemView),
      /** Minutes without input before the workstation locks itself (0: never). */
      lockAfterMinutes: z.number().int().nonnegative(),
    }),
    roles: ALL_ROLES,
  }),
  /**
   * Sign in with the profile's secret. The core issues a new session to the transport (bound to this window or
   * page); repeated failures make the next attempt wait (`rate_limited` with `retryAfterMs`).
   */
  'session.signIn': endpoint({
    input: z.object({ agentId: Id, secret: z.string().min(1).max(200) }).strict(),
    output: AgentSummary,
    roles: ALL_ROLES,
    session: 'none',
  }),
  /** First run of a store without profiles: create the lead profile and sign in as it. */
  'session.setupLead': endpoint({
    input: z.object({ name: Name, secret: Secret }).strict(),
    output: AgentSummary,
    roles: ALL_ROLES,
    session: 'none',
  }),
  'session.signOut': endpoint({
    input: z.object({}).strict(),
    output: z.object({}),
    roles: ALL_ROLES,
    session: 'locked',
  }),
  /** Lock now (Ctrl/Cmd+L, or idle): nothing but unlock and sign-out works until the secret is given again. */
  'session.lock': endpoint({
    input: z.object({}).strict(),
    output: z.object({}),
    roles: ALL_ROLES,
  }),
  'session.unlock': endpoint({
    input: z.object({ secret: z.string().min(1).max(200) }).strict(),
    output: AgentSummary,
    roles: ALL_ROLES,
    session: 'locked',
  }),
  /** Anyone changes their own secret, giving the current one. */
  'session.changeSecret': endpoint({
    input: z.object({ current: z.string().min(1).max(200), next: Secret }).strict(),
    output: z.object({}),
    roles: ALL_ROLES,
  }),
  'profiles.list': endpoint({
    input: z.object({}).strict(),
    output: z.array(ProfileView),
    roles: LEAD_ONLY,
  }),
  'profiles.add': endpoint({
    input: z.object({ name: Name, role: Role, secret: Secret, languages: z.array(Locale).min(1).max(2).default(['zh-CN']) }).strict(),
    output: ProfileView,
    roles: LEAD_ONLY,
  }),
  /** Disabling ends the profile's sessions at once. A lead cannot disable themself (the store keeps a lead). */
  'profiles.setDisabled': endpoint({
    input: z.object({ id: Id, disabled: z.boolean() }).strict(),
    output: ProfileView,
    roles: LEAD_ONLY,
  }),
  /** A new secret for a profile (ends its sessions). */
  'profiles.resetSecret': endpoint({
    input: z.object({ id: Id, secret: Secret }).strict(),
    output: ProfileView,
    roles: LEAD_ONLY,
  }),
  'prefs.setLocale': endpoint({
    input: z.object({ locale: Locale }).strict(),
    output: z.object({ locale: Locale }),
    roles: ALL_ROLES,
  }),
  /** Moves the core's clock forward. Demo and test cores only (a manual clock), and only a lead. */
  'clock.advance': endpoint({
    input: z.object({ ms: z.number().int().positive().max(366 * 24 * 3600_000) }).strict(),
    output: z.object({ now: EpochMs }),
    roles: LEAD_ONLY,
  }),
};
