import { describe, expect, it } from 'vitest';
import { CALL_NAMES, contract, CoreError, topic } from '../../shared/contract';
import { ChangeFeed } from '../../electron/core/feed';
import { createDispatcher } from '../../electron/core/dispatcher';
import type { Actor, Handlers } from '../../electron/core/context';
import type { Agent } from '../../shared/schema';
import { silentLog } from '../../electron/core/log';

const agent = (role: Agent['role']): Agent => ({ id: `a-${role}`, name: role, role, skills: {}, languages: ['zh-CN'], capacity: 10, presence: 'online', disabled: false });

function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const h = {} as Record<string, unknown>;
  for (const name of CALL_NAMES) h[name] = () => {
    throw new Error(`${name} not faked`);
  };
  return { ...(h as Handlers), ...overrides };
}

describe('the contract', () => {
  it('names the roles allowed for every entry', () => {
    for (const name of CALL_NAMES) {
      const e = contract[name];
      expect(e.roles.length, name).toBeGreaterThan(0);
    }
  });
});

describe('the dispatcher', () => {
  const roleOf = { current: 'agent' as Agent['role'] };
  /** Only session "s" exists; "locked" is a locked one; anything else is unknown. */
  const resolve = (sessionId: string | null): { actor: Actor; locked: boolean } | undefined =>
    sessionId === 's' || sessionId === 'locked' ? { actor: { sessionId, agent: agent(roleOf.current) }, locked: sessionId === 'locked' } : undefined;

  it('rejects an unknown call with not_found', async () => {
    const call = createDispatcher(fakeHandlers(), resolve, silentLog);
    expect(await call('conversation.delete', {}, 's')).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('rejects bad payloads with a validation error naming the field, without running the handler', async () => {
    let ran = false;
    const call = createDispatcher(
      fakeHandlers({ 'conversation.reply': () => ((ran = true), {} as never) }),
      resolve,
      silentLog,
    );
    for (const bad of [null, 'text', { id: 1, body: 'x' }, { id: 'c-1', body: '   ' }, { id: 'c-1', body: 'x', extra: true }]) {
      const r = await call('conversation.reply', bad, 's');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe('validation');
        expect(r.error.issues?.length).toBeGreaterThan(0);
      }
    }
    expect(ran).toBe(false);
  });

  it('enforces roles in the core: a trainee cannot touch live conversations', async () => {
    roleOf.current = 'trainee';
    const call = createDispatcher(fakeHandlers(), resolve, silentLog);
    const r = await call('conversation.get', { id: 'c-1' }, 's');
    expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    roleOf.current = 'agent';
  });

  it('turns CoreError into its typed kind and other throws into internal', async () => {
    const call = createDispatcher(
      fakeHandlers({
        'conversation.get': () => {
          throw new CoreError('not_found', 'No conversation c-9');
        },
        'customer.history': () => {
          throw new TypeError('boom');
        },
      }),
      resolve,
      silentLog,
    );
    expect(await call('conversation.get', { id: 'c-9' }, 's')).toEqual({ ok: false, error: { kind: 'not_found', message: 'No conversation c-9' } });
    expect(await call('customer.history', { customerId: 'x' }, 's')).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });

  it('refuses calls without a session, and all but unlock and sign-out on a locked one', async () => {
    let ran = 0;
    const call = createDispatcher(fakeHandlers({ 'conversation.get': () => (ran++, {} as never), 'session.status': () => (ran++, {} as never) }), resolve, silentLog);
    expect(await call('conversation.get', { id: 'c-1' }, null)).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
    expect(await call('conversation.get', { id: 'c-1' }, 'forged')).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
    expect(await call('conversation.get', { id: 'c-1' }, 'locked')).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(ran).toBe(0);
    // The sign-in screen's own call needs no session.
    await call('session.status', {}, null);
    expect(ran).toBe(1);
  });

  it('refuses to return an output that breaks the contract', async () => {
    const call = createDispatcher(fakeHandlers({ 'prefs.setLocale': () => ({ locale: 'fr' }) as never }), resolve, silentLog);
    expect(await call('prefs.setLocale', { locale: 'en' }, 's')).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});

describe('change topics', () => {
  it('come from one registry: a misspelt topic does not type-check, registry topics do', () => {
    const feed = new ChangeFeed(() => 0);
    const seen: string[][] = [];
    feed.subscribe((e) => seen.push(e.topics));
    // @ts-expect-error 'sesion' is not a topic (npm run typecheck fails if this line ever compiles)
    feed.publish(['sesion']);
    feed.publish([topic.session, topic.conversation('c-1'), topic.views('a-lina')]);
    expect(topic.conversation('c-1')).toBe('conversation:c-1');
  });
});
