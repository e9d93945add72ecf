import { describe, expect, it } from 'vitest';
import { ok, type ChangeEvent } from '../../shared/contract';
import { pendingCore, type CoreGateway as CoreLike } from '../../electron/core/pendingCore';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('the window opens before the store has loaded', () => {
  it('calls made while the store opens wait for it, and change listeners attach once it is there', async () => {
    const opening = deferred<CoreLike>();
    const core = pendingCore(opening.promise);
    const answer = core.call('session.get', {}, 's');
    const events: ChangeEvent[] = [];
    core.subscribe((e) => events.push(e));
    let feed: ((e: ChangeEvent) => void) | null = null;
    opening.resolve({ call: async (name) => ok(`answered ${name}`), subscribe: (l) => ((feed = l), () => (feed = null)) });
    expect(await answer).toEqual(ok('answered session.get'));
    await Promise.resolve();
    feed!({ seq: 1, topics: ['queue'], at: 1 });
    expect(events).toHaveLength(1);
  });

  it('answers every call with the reason when the store cannot be opened', async () => {
    const core = pendingCore(Promise.reject(new Error('snapshot from a newer version')));
    expect(await core.call('queue.page', {}, 's')).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringContaining('newer version') } });
  });

  it('an unsubscribe before the store is open means no listener later', async () => {
    const opening = deferred<CoreLike>();
    const core = pendingCore(opening.promise);
    const off = core.subscribe(() => {});
    off();
    let subscribed = false;
    opening.resolve({ call: async () => ok(1), subscribe: () => ((subscribed = true), () => {}) });
    await core.call('x', {}, 's');
    expect(subscribed).toBe(false);
  });
});

describe('the sign-in screen while the store opens (a preview of its profiles)', () => {
  const PREVIEW = { state: 'signed_out' as const, agent: null, firstRun: false, profiles: [{ id: 'a-1', name: '林娜', role: 'agent' as const, demoPin: null }], problems: [], opening: true };

  it('answers session.status from the preview for a caller without a session, read once, and nothing else', async () => {
    const opening = deferred<CoreLike>();
    let reads = 0;
    const core = pendingCore(opening.promise, undefined, () => (reads++, PREVIEW));
    expect(await core.call('session.status', {}, null)).toEqual(ok(PREVIEW));
    expect(await core.call('session.status', {}, null)).toEqual(ok(PREVIEW));
    expect(reads).toBe(1);
    // A caller holding a session, a sign-in and a malformed status call all wait for the opened core.
    const waiting = [core.call('session.status', {}, 's-1'), core.call('session.signIn', { agentId: 'a-1', secret: '111111' }, null), core.call('session.status', { x: 1 }, null)];
    let settled = 0;
    for (const w of waiting) void w.then(() => settled++);
    await new Promise((r) => setTimeout(r, 5));
    expect(settled).toBe(0);
    opening.resolve({ call: async (name, _input, session) => ok(`core: ${name} ${session}`), subscribe: () => () => {} });
    expect(await Promise.all(waiting)).toEqual([ok('core: session.status s-1'), ok('core: session.signIn null'), ok('core: session.status null')]);
    // Once open, the core answers status too.
    expect(await core.call('session.status', {}, null)).toEqual(ok('core: session.status null'));
  });

  it('tells every listener to ask again once the store is open (the true profiles and problems), only if it answered from the preview', async () => {
    for (const served of [true, false]) {
      const opening = deferred<CoreLike>();
      const core = pendingCore(opening.promise, undefined, () => PREVIEW);
      const events: ChangeEvent[] = [];
      core.subscribe((e) => events.push(e));
      const off = core.subscribe(() => events.push({ seq: -1, topics: ['unsubscribed'], at: 0 }));
      off();
      if (served) await core.call('session.status', {}, null);
      opening.resolve({ call: async () => ok(1), subscribe: () => () => {} });
      await core.call('x', {}, 's');
      await Promise.resolve();
      expect(events.map((e) => e.topics)).toEqual(served ? [['session']] : []);
    }
  });

  it('waits for the open when the preview has nothing certain to offer, and never answers a failed open from it', async () => {
    const opening = deferred<CoreLike>();
    const core = pendingCore(opening.promise, undefined, () => null);
    const status = core.call('session.status', {}, null);
    opening.resolve({ call: async () => ok('from the core'), subscribe: () => () => {} });
    expect(await status).toEqual(ok('from the core'));

    const failed = pendingCore(Promise.reject(new Error('disk gone')), undefined, () => PREVIEW);
    await Promise.resolve();
    await Promise.resolve();
    expect(await failed.call('session.status', {}, null)).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});
