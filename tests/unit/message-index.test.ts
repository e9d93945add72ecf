/**
 * The per-conversation message index (services/messageIndex.ts): built at start from every stored message, it must
 * list each conversation's messages in time order, ties in store order, exactly as adding them one by one in a stable
 * sort by time would; later commits keep it current.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMessageIndex } from '../../electron/core/services/messageIndex';
import type { Change, Store } from '../../electron/core/store/types';
import type { Message } from '../../shared/schema';

function fakeStore(messages: Message[]) {
  const map = new Map(messages.map((m) => [m.id, m]));
  const listeners: ((changes: readonly Change[]) => void)[] = [];
  const store = {
    all: () => map,
    get: (_coll: string, id: string) => map.get(id),
    onCommit: (l: (changes: readonly Change[]) => void) => (listeners.push(l), () => {}),
  } as unknown as Store;
  const commit = (changes: Change[]) => {
    for (const c of changes) if (c.op === 'put') map.set(c.rec.id, c.rec as Message);
    for (const l of listeners) l(changes);
  };
  return { store, commit };
}

const message = (id: string, conversationId: string, at: number): Message => ({ id, conversationId, author: 'customer', authorId: 'u-1', body: id, at, internal: false });

/** What the index must say: the conversation's messages, stably sorted by time (ties keep the store's order). */
const expected = (messages: Message[], conversationId: string) =>
  messages
    .filter((m) => m.conversationId === conversationId)
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.at - b.m.at || a.i - b.i)
    .map(({ m }) => m.id);

describe('message index', () => {
  it('lists each conversation’s messages in time order, ties in store order, whatever order they were stored in', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('c-1', 'c-2', 'c-3'), fc.integer({ min: 0, max: 20 })), { maxLength: 60 }), (specs) => {
        const messages = specs.map(([c, at], i) => message(`m-${i}`, c, at));
        const { store } = fakeStore(messages);
        const index = createMessageIndex(store);
        for (const c of ['c-1', 'c-2', 'c-3']) {
          expect(index.messagesOf(c).map((m) => m.id)).toEqual(expected(messages, c));
          expect(index.countOf(c)).toBe(expected(messages, c).length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes later messages as they are committed, in time order, once each', () => {
    const { store, commit } = fakeStore([message('m-1', 'c-1', 10), message('m-2', 'c-1', 30)]);
    const index = createMessageIndex(store);
    commit([{ op: 'put', coll: 'messages', rec: message('m-3', 'c-1', 40) }]);
    commit([{ op: 'put', coll: 'messages', rec: message('m-0', 'c-1', 20) }]); // late: sorted into place
    commit([{ op: 'put', coll: 'messages', rec: message('m-3', 'c-1', 40) }]); // again: not twice
    expect(index.messagesOf('c-1').map((m) => m.id)).toEqual(['m-1', 'm-0', 'm-2', 'm-3']);
  });
});
