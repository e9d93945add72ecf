import type { Worker } from 'node:worker_threads';
import { startCoreWorker } from '../../coreWorker';
import type { Collected, Slot } from './engine';
import type { GroupData } from './filters';
import type { EngineLink } from './link';
import { ADD, KILL, KILL_EVERYWHERE, KILL_PICK, pushSlot, PUT, SET_DATA, TRIM, type CollectRequest, type EngineStats, type OpCell, type SlotPick } from './ops';
import { SEARCH_WORKER_MARK, type FromSearchWorker, type ToSearchWorker } from './searchWorker';

/**
 * Changes go over in messages of about this many cells (ops.ts; structured clone copies the texts), and always
 * before a query or when the service's slice ends (flush).
 */
const CELLS_PER_MESSAGE = 8192;

/** The index on its own thread (searchWorker.ts). `start` makes the thread (tests give one that fails). */
export function workerLink(start: () => Worker = startSearchWorker): EngineLink {
  return linkTo(start());
}

/**
 * A small young generation: the texts that arrive are garbage as soon as they are tokenised, and with the default
 * one the thread's heap ran far ahead of what it keeps. Web mode on a 50 000 x 20 store, peak RSS during the
 * start-up build: 1 648 MiB with the default, 1 455-1 490 MiB with 8 MiB (1 145 MiB with the index on the main
 * thread; settled 1 371-1 417 against 1 145: the thread's own heap and the ids it holds as copies).
 */
export const startSearchWorker = (): Worker =>
  startCoreWorker({ bundled: 'search-worker.js', source: 'searchWorker.ts' }, import.meta.url, { mark: SEARCH_WORKER_MARK }, { maxYoungGenerationSizeMb: 8 });

function linkTo(worker: Worker): EngineLink {
  /** Groups with slots, kept here as the worker keeps them (add makes one, a kill of the whole group ends it). */
  const groups = new Set<string>();
  let out: OpCell[] = [];
  let sent = 0;
  let applied = 0;
  let nextId = 0;
  let failed: Error | null = null;
  let closing = false;
  const waitingApplied: { seq: number; resolve: () => void }[] = [];
  const waiting = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  const failListeners: ((e: Error) => void)[] = [];

  const fail = (e: Error) => {
    if (failed || closing) return;
    failed = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    // Nothing more will be applied: whoever waits for it goes on (the service starts again on its own thread).
    for (const w of waitingApplied.splice(0)) w.resolve();
    for (const l of failListeners) l(e);
  };
  worker.on('message', (m: FromSearchWorker) => {
    if (m.t === 'applied') {
      applied = m.seq;
      while (waitingApplied.length > 0 && waitingApplied[0].seq <= applied) waitingApplied.shift()!.resolve();
      return;
    }
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (!w) return;
    if (m.t === 'stats') w.resolve(m.value as never);
    else if (m.ok) w.resolve(m.value as never);
    else w.reject(new Error(`search index: ${m.error}`));
  });
  worker.on('error', (e) => fail(new Error(`search index thread failed: ${e.message}`)));
  worker.on('exit', (code) => fail(new Error(`search index thread exited (code ${code})`)));
  // The thread must not keep the process alive on its own (the core closes it; a crashed app must still exit).
  worker.unref();

  const post = (m: ToSearchWorker) => {
    if (!failed) worker.postMessage(m);
  };
  const flush = () => {
    if (out.length === 0) return;
    post({ t: 'ops', seq: ++sent, cells: out });
    out = [];
  };
  const sent_ = () => {
    if (out.length >= CELLS_PER_MESSAGE) flush();
  };
  const ask = <T>(m: (id: number) => ToSearchWorker): Promise<T> => {
    flush();
    if (failed) return Promise.reject(failed);
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: never) => void, reject });
      post(m(id));
    });
  };

  return {
    threaded: true,
    add(group: string, slots: Slot[]) {
      groups.add(group);
      out.push(ADD, group, slots.length);
      for (const sl of slots) pushSlot(out, sl);
      sent_();
    },
    put(group: string, slot: Slot) {
      groups.add(group);
      out.push(PUT, group);
      pushSlot(out, slot);
      sent_();
    },
    kill(group: string, pick?: SlotPick) {
      if (!pick) {
        groups.delete(group);
        out.push(KILL, group);
      } else out.push(KILL_PICK, group, pick.kind ?? null, pick.id ?? null);
      sent_();
    },
    killEverywhere(pick: SlotPick) {
      out.push(KILL_EVERYWHERE, pick.kind ?? null, pick.id ?? null);
      sent_();
    },
    setData(group: string, data: GroupData) {
      out.push(SET_DATA, group, data.category, data.customerId, data.ownerId, data.assigneeId);
      sent_();
    },
    trim() {
      out.push(TRIM);
      sent_();
    },
    hasGroup: (group: string) => groups.has(group),
    flush,
    collect: (req: CollectRequest) => ask<Collected>((id) => ({ t: 'collect', id, req })),
    get behind() {
      return sent - applied;
    },
    applied() {
      flush();
      if (failed || applied >= sent) return Promise.resolve();
      return new Promise<void>((resolve) => waitingApplied.push({ seq: sent, resolve }));
    },
    stats: () => ask<EngineStats>((id) => ({ t: 'stats', id })),
    onFail: (l) => void failListeners.push(l),
    async close() {
      closing = true;
      for (const w of waiting.values()) w.reject(new Error('search index closed'));
      waiting.clear();
      for (const w of waitingApplied.splice(0)) w.resolve();
      await worker.terminate();
    },
  };
}
