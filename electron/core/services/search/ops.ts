import type { SearchFilters } from '../../../../shared/contract/search';
import type { Collected, Engine, Slot, SlotKind } from './engine';
import { engineFilterOf, type GroupData } from './filters';

/** Which slots of a group a kill takes out: all of them, those of one kind, or one record's. Plain data (it may cross threads). */
export interface SlotPick {
  kind?: SlotKind;
  id?: string;
}

/**
 * Changes to the index on their way to its thread, as one flat array of strings, numbers and nulls (structured
 * clone copies such an array faster than as many small objects, each with its property names: ~1.4 µs an op
 * as objects, on the thread that also imports). Each op is a code and its fields:
 *   ADD group n (kind id text at author)×n     PUT group kind id text at author (kill that slot, then add it)
 *   KILL group                                  KILL_PICK group kind|null id|null
 *   KILL_EVERYWHERE kind|null id|null           SET_DATA group category customerId ownerId assigneeId
 *   TRIM
 */
export type OpCell = string | number | null;
export const ADD = 1;
export const PUT = 2;
export const KILL = 3;
export const KILL_PICK = 4;
export const KILL_EVERYWHERE = 5;
export const SET_DATA = 6;
export const TRIM = 7;

/** The engine's predicate for a pick (null: any kind, any id). */
export const picker = (kind: OpCell, id: OpCell) => (k: SlotKind, i: string) => (kind === null || k === kind) && (id === null || i === id);

/** Applies every op of `cells` to the engine, in order. */
export function applyOps(engine: Engine, cells: readonly OpCell[]): void {
  let i = 0;
  const str = () => cells[i++] as string;
  const slot = (): Slot => {
    const kind = cells[i++] as SlotKind;
    const id = cells[i++] as string;
    const text = cells[i++] as string;
    const at = cells[i++] as number;
    const author = cells[i++] as string | null;
    return author === null ? { kind, id, text, at } : { kind, id, text, at, author };
  };
  while (i < cells.length) {
    const code = cells[i++];
    if (code === ADD) {
      const group = str();
      const n = cells[i++] as number;
      const slots: Slot[] = [];
      for (let k = 0; k < n; k++) slots.push(slot());
      engine.add(group, slots);
    } else if (code === PUT) {
      const group = str();
      const s = slot();
      engine.kill(group, picker(s.kind, s.id));
      engine.add(group, [s]);
    } else if (code === KILL) engine.kill(str());
    else if (code === KILL_PICK) {
      const group = str();
      const kind = cells[i++];
      engine.kill(group, picker(kind, cells[i++]));
    } else if (code === KILL_EVERYWHERE) {
      const kind = cells[i++];
      engine.killEverywhere(picker(kind, cells[i++]));
    } else if (code === SET_DATA) {
      const group = str();
      const data: GroupData = { category: str() as GroupData['category'], customerId: str(), ownerId: cells[i++] as string | null, assigneeId: cells[i++] as string | null };
      engine.setData(group, data);
    } else if (code === TRIM) engine.trim();
    else throw new Error(`search index: unknown op ${String(code)} at ${i - 1}`);
  }
}

/** Appends a slot's fields to an op array (ADD, PUT). */
export function pushSlot(out: OpCell[], s: Slot): void {
  out.push(s.kind, s.id, s.text, s.at, s.author ?? null);
}

export interface CollectRequest {
  query: string;
  offset: number;
  limit: number;
  filters: SearchFilters;
}
export const collectFrom = (engine: Engine, r: CollectRequest): Collected => engine.collect(r.query, { offset: r.offset, limit: r.limit, filter: engineFilterOf(r.filters) });

export interface EngineStats {
  size: number;
  docCount: number;
  termCount: number;
}
export const statsOf = (engine: Engine): EngineStats => ({ size: engine.size, docCount: engine.docCount, termCount: engine.termCount });
