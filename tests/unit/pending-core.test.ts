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
