import type { z } from 'zod';
import { botContract } from './bot';
import { cannedContract } from './canned';
import { complaintsContract } from './complaints';
import { conversationContract } from './conversation';
import { dataAdminContract } from './dataAdmin';
import type { Endpoint } from './define';
import { draftsContract } from './drafts';
import type { Result } from './errors';
import { intakeContract } from './intake';
import { noticesContract } from './notices';
import { performanceContract } from './performance';
import { problemsContract } from './problems';
import { queueContract } from './queue';
import { remindersContract } from './reminders';
import { routingContract } from './routing';
import { searchContract } from './search';
import { sessionContract } from './session';
import { slaContract } from './sla';
import { spoolContract } from './spool';
import { teamContract } from './team';
import { trainingContract } from './training';

export * from './errors';
export * from './events';
export * from './views';
export type { Endpoint } from './define';

/**
 * THE contract: every call the renderer can make. Adding a call = one entry in a domain file + one core
 * handler; IPC binding, preload, web routes and the client are derived from this object.
 */
export const contract = {
  ...sessionContract,
  ...queueContract,
  ...slaContract,
  ...conversationContract,
  ...searchContract,
  ...draftsContract,
  ...intakeContract,
  ...noticesContract,
  ...cannedContract,
  ...remindersContract,
  ...dataAdminContract,
  ...problemsContract,
  ...spoolContract,
  ...teamContract,
  ...botContract,
  ...routingContract,
  ...complaintsContract,
  ...performanceContract,
  ...trainingContract,
} satisfies Record<string, Endpoint>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export const CALL_NAMES = Object.keys(contract) as CallName[];
/** What a caller passes (defaults optional). */
export type Input<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives after parsing (defaults applied). */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type Output<N extends CallName> = z.output<Contract[N]['output']>;

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The typed surface every client gets (preload in Electron, HTTP in web mode). */
export type KefuCalls = { [N in CallName]: (input: Input<N>) => Promise<Result<Output<N>>> };
