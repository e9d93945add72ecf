import { contract, CoreError, fail, isCallName, ok, zodIssues, type CallName, type Result } from '../../shared/contract';
import type { Actor, CallContext, Handlers } from './context';
import type { Log } from './log';

/** How a transport learns of a session the core issued (sign-in) or ended (sign-out: null). */
export interface SessionSink {
  issued(sessionId: string | null): void;
}

export type Call = (name: string, input: unknown, sessionId: string | null, sink?: SessionSink) => Promise<Result<unknown>>;

/** The session behind an id: who, and whether it is locked; undefined when unknown, expired or ended. */
export type ResolveSession = (sessionId: string | null) => { actor: Actor; locked: boolean } | undefined;

/**
 * The one gate every call passes, whatever the transport: unknown name, bad payload, wrong role and handler
 * failures all come back as typed errors. Outputs are checked too, so a core bug cannot leak a malformed value.
 */
export function createDispatcher(handlers: Handlers, resolveSession: ResolveSession, log: Log): Call {
  return async (name, rawInput, sessionId, sink) => {
    if (!isCallName(name)) return fail('not_found', `Unknown call "${String(name)}"`);
    const entry = contract[name];
    const parsed = entry.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('validation', `Invalid input for ${name}`, zodIssues(parsed.error, 'input'));
    // Who is calling comes from the session the core issued, never from the payload.
    const session = resolveSession(sessionId || null);
    const needs = 'session' in entry ? entry.session : undefined;
    if (needs !== 'none') {
      if (!session) return fail('unauthenticated', `${name} needs a signed-in session`);
      if (session.locked && needs !== 'locked') return fail('locked', `The session is locked; unlock it to call ${name}`);
      if (!(entry.roles as readonly string[]).includes(session.actor.agent.role)) {
        log('warn', `forbidden: ${session.actor.agent.id} (${session.actor.agent.role}) called ${name}`);
        return fail('forbidden', `${session.actor.agent.role} may not call ${name}`);
      }
    }
    const call: CallContext = { sessionId: session?.actor.sessionId ?? null, issue: (id) => sink?.issued(id) };
    try {
      const handler = handlers[name] as (input: unknown, actor: Actor | undefined, call: CallContext) => unknown;
      const value = await handler(parsed.data, session?.actor, call);
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
