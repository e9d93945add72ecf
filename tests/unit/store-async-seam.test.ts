/**
 * The Store seam is asynchronous (store/types.ts): a commit is durable when its promise resolves, which for a
 * remote store can be later than the call. Services must acknowledge nothing before that, and a commit that fails
 * must reach the caller as an error. Shown here through the core with a store made slow, then failing.
 */
import { describe, expect, it } from 'vitest';
import type { Change, CommitOptions } from '../../electron/core/store/types';
import { coreSandbox, signInDemo } from './coreSandbox';

const sandbox = coreSandbox('kefu-async-seam-');

describe('asynchronous store commits', () => {
  it('a reply is acknowledged only once its commit is durable, however late that is', async () => {
    const { core } = await sandbox.open();
    const id = [...core.store.all('conversations').values()].find((c) => c.status === 'open' && c.assigneeId)!.id;
    const agent = core.store.get('conversations', id)!.assigneeId!;
    const session = await signInDemo(core.raw, agent);
    const original = core.store.commit.bind(core.store);
    const durable: Change[][] = [];
    core.store.commit = (changes: Change[], opts?: CommitOptions) => {
      const done = original(changes, opts);
      // Like a database across a network: durable some time after the call.
      return done.then(() => new Promise<void>((r) => setTimeout(r, 30))).then(() => void durable.push(changes));
    };
    const body = '稍等，正在为您核实';
    const replyDurable = () => durable.some((cs) => cs.some((c) => c.op === 'put' && c.coll === 'messages' && c.rec.body === body));
    const r = await core.raw.call('conversation.reply', { id, body, internal: false }, session);
    const answeredAfterDurable = replyDurable();
    expect(r.ok).toBe(true);
    expect(answeredAfterDurable).toBe(true);
  });

  it('a commit the store cannot make durable is an error to the caller, not a success', async () => {
    const { core } = await sandbox.open();
    const id = [...core.store.all('conversations').values()].find((c) => c.status === 'open' && c.assigneeId)!.id;
    const agent = core.store.get('conversations', id)!.assigneeId!;
    const before = [...core.store.all('messages').values()].filter((m) => m.conversationId === id).length;
    const session = await signInDemo(core.raw, agent);
    core.store.commit = () => new Promise<void>((_, reject) => setTimeout(() => reject(new Error('the team database went away mid-commit')), 10));
    const r = await core.raw.call('conversation.reply', { id, body: '这条不会被确认', internal: false }, session);
    expect(r.ok).toBe(false);
    expect([...core.store.all('messages').values()].filter((m) => m.conversationId === id)).toHaveLength(before);
  });
});
