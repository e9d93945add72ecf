import { contract, CoreError, fail, isCallName, ok, zodIssues, type CallName, type Result } from '../../shared/contract';
import type { Actor, Handlers } from './context';
import type { Log } from './log';

export type Call = (name: string, input: unknown, sessionId: string) => Promise<Result<unknown>>;

/**
 * The one gate every call passes, whatever the transport: unknown name, bad payload, wrong role and handler
 * failures all come back as typed errors. Outputs are checked too, so a core bug cannot leak a malformed value.
 */
export function createDispatcher(handlers: Handlers, resolveActor: (sessionId: string) => Actor, log: Log): Call {
  return async (name, rawInput, sessionId) => {
    if (!isCallName(name)) return fail('not_found', `Unknown call "${String(name)}"`);
    const entry = contract[name];
    const parsed = entry.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('validation', `Invalid input for ${name}`, zodIssues(parsed.error, 'input'));
    let actor: Actor;
    try {
      actor = resolveActor(sessionId);
    } catch (e) {
      return toResult(e, name, log);
    }
    if (!(entry.roles as readonly string[]).includes(actor.agent.role)) {
      log('warn', `forbidden: ${actor.agent.id} (${actor.agent.role}) called ${name}`);
      return fail('forbidden', `${actor.agent.role} may not call ${name}`);
    }
    try {
      const handler = handlers[name] as (input: unknown, actor: Actor) => unknown;
      const value = await handler(parsed.data, actor);
      const checked = entry.output.safeParse(value);
      if (!checked.success) {
        log('error', `${name} produced an invalid output: ${zodIssues(checked.error, 'output').join('; ')}`);
        return fail('internal', `The core produced an invalid answer for ${name}`);
      }
      return ok(checked.data);
    } catch (e) {
      return toResult(e, name, log);
    }
  };
}

function toResult(e: unknown, name: CallName, log: Log): Result<never> {
  if (e instanceof CoreError) return fail(e.kind, e.message, e.issues);
  log('error', `${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return fail('internal', `${name} failed: ${e instanceof Error ? e.message : String(e)}`);
}
