import type { Collected, Engine, Slot } from './engine';
import { createEngine } from './engine';
import type { GroupData } from './filters';
import { collectFrom, picker, statsOf, type CollectRequest, type EngineStats, type SlotPick } from './ops';

/**
 * The search service's way to its index, which lives on this thread (localLink) or on a worker thread of its own
 * (workerLink.ts). Changes are sent in order and applied in that order; a query is answered after every change
 * sent before it. The service itself stays the same either way.
 */
export interface EngineLink {
  /** The index is on a thread of its own (indexing there does not hold this thread). */
  readonly threaded: boolean;
  add(group: string, slots: Slot[]): void;
  /** Takes out the group's slot of this kind and id (if any), then adds this one: a message put again. */
  put(group: string, slot: Slot): void;
  kill(group: string, pick?: SlotPick): void;
  killEverywhere(pick: SlotPick): void;
  setData(group: string, data: GroupData): void;
  trim(): void;
  /** The group has slots in the index (known here, without asking the other thread). */
  hasGroup(group: string): boolean;
  /** Hands over what was sent so far (a worker link batches changes into one message). */
  flush(): void;
  /** A query's hits as the index has them once every change sent before is applied. */
  collect(req: CollectRequest): Promise<Collected>;
  /** Change batches handed over and not yet applied (the start-up build waits when the index is far behind). */
  readonly behind: number;
  /** Resolves when every change sent so far is applied. */
  applied(): Promise<void>;
  stats(): Promise<EngineStats>;
  /** Called once if the index is lost (its thread died): the service starts again on this thread. */
  onFail(listener: (e: Error) => void): void;
  close(): Promise<void>;
}

/** Turns a pick into the engine's predicate. */
const pickerOf = (pick: SlotPick) => picker(pick.kind ?? null, pick.id ?? null);

/** The index on this thread: each change applied as it is sent. */
export function localLink(engine: Engine = createEngine()): EngineLink {
  return {
    threaded: false,
    add: (group, slots) => engine.add(group, slots),
    put(group, slot) {
      engine.kill(group, pickerOf({ kind: slot.kind, id: slot.id }));
      engine.add(group, [slot]);
    },
    kill: (group, pick) => engine.kill(group, pick ? pickerOf(pick) : undefined),
    killEverywhere: (pick) => engine.killEverywhere(pickerOf(pick)),
    setData: (group, data) => engine.setData(group, data),
    trim: () => engine.trim(),
    hasGroup: (group) => engine.hasGroup(group),
    flush: () => {},
    collect: (req) => Promise.resolve(collectFrom(engine, req)),
    behind: 0,
    applied: () => Promise.resolve(),
    stats: () => Promise.resolve(statsOf(engine)),
    onFail: () => {},
    close: () => Promise.resolve(),
  };
}
