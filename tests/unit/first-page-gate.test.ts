/**
 * The user's first queue page before the start-up work that can wait (firstPageGate.ts): with `firstPageFirst`, the
 * background read of the snapshot's messages and the SLA start-up check wait for the first page; a call that needs
 * them opens the gate at once; the cap opens it when no page ever comes.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Output, Result } from '../../shared/contract';
import type { Call } from '../../electron/core/dispatcher';
import { createFirstPageGate, openGateOnFirstPage } from '../../electron/core/firstPageGate';
import { FileStore } from '../../electron/core/store/fileStore';
import { LazyMessages, messagesLoaded, messagesPending } from '../../electron/core/store/lazyMessages';
import { manualClock } from '../../electron/core/clock';
import { coreSandbox, SANDBOX_NOW } from './coreSandbox';

const { open, call } = coreSandbox('kefu-first-page-');
const macrotasks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};
/** Far longer than any test runs: a gate that should open by a call but does not makes the test time out. */
const NEVER_MS = 600_000;

/** A demo store whose messages are all in a snapshot with an index (so the open leaves them to a background read). */
async function compactedDemo(): Promise<string> {
  const { core, dataDir } = await open();
  await core.store.compact();
  await core.close();
  return dataDir;
}

const unread = (m: ReadonlyMap<string, unknown>) => (m as LazyMessages).unreadLines;

describe('the first-page gate', () => {
  it('a foreground call neither waits nor opens it; the first page opens it after its answer; any other call at once', async () => {
    const gate = createFirstPageGate(NEVER_MS);
    const seen: { name: string; open: boolean }[] = [];
    const inner: Call = async (name) => {
      seen.push({ name, open: gate.isOpen });
      const refused = name === 'queue.page' && seen.filter((s) => s.name === 'queue.page').length === 1;
      return (refused ? { ok: false, error: { kind: 'internal', message: 'x' } } : { ok: true, value: null }) as Result<unknown>;
    };
    const call = openGateOnFirstPage(inner, gate);
    gate.arm();
    await call('session.status', {}, null);
    await call('queue.counts', {}, null);
    await call('queue.page', { offset: 0, limit: 10 }, null); // refused: no page shown
    await macrotasks(2);
    expect(gate.isOpen).toBe(false);
    await call('queue.page', { offset: 0, limit: 10 }, null);
    expect(gate.isOpen).toBe(false); // the answer goes out first
    await macrotasks(1);
    expect(gate.isOpen).toBe(true);

    const other = createFirstPageGate(NEVER_MS);
    const seenOther: boolean[] = [];
    await openGateOnFirstPage(async () => (seenOther.push(other.isOpen), { ok: true, value: null }), other)('search.query', {}, null);
    expect(seenOther).toEqual([true]); // opened before the call ran
    expect(createFirstPageGate(null).isOpen).toBe(true); // off: open from the start
  });

  it('the cap opens it when no page comes', async () => {
    const gate = createFirstPageGate(20);
    await macrotasks(3);
    expect(gate.isOpen).toBe(false); // not armed yet: the core is still opening
    gate.arm();
    await gate.opened;
    expect(gate.isOpen).toBe(true);
  });

  it('in a core: the messages are read and the SLA start-up check runs only after the first page', async () => {
    const dir = await compactedDemo();
    // Opened the next day: the day's start-up summaries are new.
    const nextDay = () => manualClock(SANDBOX_NOW + 24 * 3600_000);
    const todays = (notices: Iterable<{ id: string; at: number }>) => [...notices].filter((n) => n.id.includes('-summary-') && n.at >= SANDBOX_NOW + 24 * 3600_000);
    const { core } = await open(dir, nextDay(), { firstPageFirst: true, firstPageCapMs: NEVER_MS });
    const messages = core.store.all('messages');
    const before = unread(messages);
    expect(before).toBeGreaterThan(0);
    await core.sessionOf('s1');
    await call(core, 'queue.counts', {});
    await call(core, 'notices.list', {});
    await macrotasks(50);
    expect(unread(messages)).toBe(before); // not a piece read
    expect(todays(core.store.all('notices').values())).toEqual([]);

    const page = await call<Output<'queue.page'>>(core, 'queue.page', { offset: 0, limit: 50 });
    expect(page.items.length).toBeGreaterThan(0);
    await messagesLoaded(messages);
    expect(messagesPending(messages)).toBe(false);
    // The start-up summaries, as a core without the gate raises them at its start (each raised in a commit of its own).
    const { core: plain } = await open(await compactedDemo(), nextDay());
    const ids = (c: typeof core) => todays(c.store.all('notices').values()).map((n) => n.id).sort();
    await vi.waitFor(
      () => {
        expect(ids(plain).length).toBeGreaterThan(1);
        expect(ids(core)).toEqual(ids(plain));
      },
      { timeout: 5000 },
    );
  });

  it('in a core: the compaction an open with journals asks for starts only after the first page', async () => {
    const { core: first, dataDir } = await open();
    await first.store.compact();
    await call(first, 'queue.page', { offset: 0, limit: 10 }); // signs in: a journal line after the snapshot
    await first.close();
    const compactions = vi.spyOn(FileStore.prototype, 'compactInBackground');
    const { core } = await open(dataDir, undefined, { firstPageFirst: true, firstPageCapMs: NEVER_MS });
    await core.sessionOf('s1');
    await macrotasks(20);
    expect(compactions.mock.calls.filter(([why]) => why === 'after open')).toEqual([]);
    await call(core, 'queue.page', { offset: 0, limit: 10 });
    await vi.waitFor(() => expect(compactions.mock.calls.filter(([why]) => why === 'after open')).toHaveLength(1));
    compactions.mockRestore();
  });

  it('in a core: waiting for the start-up work (settled, the heap compaction, the bot warm-up) keeps no CPU busy while the gate holds it', async () => {
    const dir = await compactedDemo();
    const { core } = await open(dir, undefined, { firstPageFirst: true, firstPageCapMs: NEVER_MS });
    let settled = false;
    void core.settled().then(() => (settled = true));
    await macrotasks(5);
    // Over the next 100 ms of timers, the waiting core schedules nothing (it used to poll the index with setImmediate,
    // thousands of turns in that time).
    const turns = vi.spyOn(globalThis, 'setImmediate');
    await new Promise((r) => setTimeout(r, 100));
    const polled = turns.mock.calls.length;
    turns.mockRestore();
    expect(polled).toBeLessThan(20);
    expect(settled).toBe(false);
    await call(core, 'queue.page', { offset: 0, limit: 10 });
    await vi.waitFor(() => expect(settled).toBe(true), { timeout: 10_000 });
  });

  it('in a core: a call that needs every message opens it before any page', async () => {
    const dir = await compactedDemo();
    const { core } = await open(dir, undefined, { firstPageFirst: true, firstPageCapMs: NEVER_MS });
    const customerId = [...core.store.all('conversations').values()][0].customerId;
    await core.sessionOf('s1');
    const history = await call<Output<'customer.history'>>(core, 'customer.history', { customerId });
    expect(history).toBeTruthy();
    expect(messagesPending(core.store.all('messages'))).toBe(false);
  });
});
