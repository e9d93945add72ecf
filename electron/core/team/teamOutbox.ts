import { closeSync, existsSync, fdatasyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../atomicFile';
import { TeamAction, TeamOutcome, type AppliedAction } from './teamActions';

/** One line of the outbox file: an action the agent did, or the outcome that settled one. */
const OutboxLine = z.union([z.object({ action: TeamAction }), z.object({ done: z.string().min(1), outcome: TeamOutcome })]);

export interface ReplayResult {
  /** Actions settled by this replay, with how each came out (a conflict is shown to the agent). */
  settled: { action: TeamAction; outcome: TeamOutcome; duplicate: boolean }[];
  /** Still waiting (the database went away again): replayed next time, in order. */
  waiting: number;
  /** Why the replay stopped early, if it did. */
  error: string | null;
}

/**
 * The desktop's outbox of team actions: an action is acknowledged to the agent once it is fsynced here, whether
 * or not the team database is reachable ("not yet synced" until replayed), and `replay` sends the waiting ones in
 * order. Each is applied exactly once: the database keeps applied ids (teamActions.ts), so an action sent again
 * after a crash between "applied there" and "marked done here" is recognised, not applied twice. A line that does
 * not read back (a torn write at a crash) is set aside in `<file>.bad`, never dropped silently.
 */
export class TeamOutbox {
  private readonly order: TeamAction[] = [];
  /** The ids in `order` (a commit's actions are checked against it, not against a copy of the whole list). */
  private readonly known = new Set<string>();
  private readonly done = new Set<string>();
  /** Lines that did not read back, set aside. */
  readonly badLines: string[] = [];

  constructor(private readonly file: string) {
    if (!existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        json = undefined;
      }
      const r = OutboxLine.safeParse(json);
      if (!r.success) this.badLines.push(raw);
      else if ('action' in r.data) {
        this.order.push(r.data.action);
        this.known.add(r.data.action.id);
      } else this.done.add(r.data.done);
    }
    if (this.badLines.length > 0) {
      this.appendTo(`${file}.bad`, this.badLines.map((l) => `${l}\n`).join(''));
      this.rewrite(); // the file now holds only what reads back
    }
  }

  /** How many actions wait (counted, not listed: asked after every commit). */
  get waiting(): number {
    let settled = 0;
    for (const id of this.done) if (this.known.has(id)) settled++;
    return this.order.length - settled;
  }

  /** Actions not yet settled by the database, oldest first. */
  pending(): TeamAction[] {
    return this.order.filter((a) => !this.done.has(a.id));
  }

  /** Keeps an action durably (fsynced) before the agent is told it is done. */
  enqueue(input: TeamAction): void {
    this.enqueueAll([input]);
  }

  /** Keeps several actions with one write and one fsync (a commit's worth). */
  enqueueAll(inputs: readonly TeamAction[]): void {
    const fresh = new Map<string, TeamAction>();
    for (const input of inputs) {
      const a = TeamAction.parse(input);
      if (!this.known.has(a.id) && !fresh.has(a.id)) fresh.set(a.id, a);
    }
    if (fresh.size === 0) return;
    this.appendTo(this.file, [...fresh.values()].map((action) => `${JSON.stringify({ action })}\n`).join(''));
    for (const a of fresh.values()) {
      this.order.push(a);
      this.known.add(a.id);
    }
  }

  /**
   * Sends the waiting actions in order, in chunks of at most `max` (each chunk one call of `apply`, one database
   * transaction, one fsync of its outcomes here). `cutBefore` ends a chunk early before an action that must see an
   * earlier one of the same chunk settled first. A chunk that fails is tried again one action at a time, so one
   * action the database refuses holds up only itself and what follows it, as before chunking; the first single
   * failure stops the replay (the rest wait, in order).
   */
  async replay(
    apply: (chunk: TeamAction[]) => Promise<AppliedAction[]>,
    opts: { max?: number; cutBefore?: (next: TeamAction, chunk: readonly TeamAction[]) => boolean } = {},
  ): Promise<ReplayResult> {
    const max = Math.max(1, opts.max ?? 1);
    const settled: ReplayResult['settled'] = [];
    const pending = this.pending();
    const note = (chunk: TeamAction[], results: AppliedAction[]) => {
      if (results.length !== chunk.length) throw new Error(`team outbox: ${chunk.length} actions sent, ${results.length} outcomes back`);
      this.appendTo(this.file, chunk.map((action, i) => `${JSON.stringify({ done: action.id, outcome: results[i].outcome })}\n`).join(''));
      chunk.forEach((action, i) => {
        this.done.add(action.id);
        settled.push({ action, ...results[i] });
      });
    };
    for (let at = 0; at < pending.length; ) {
      const chunk: TeamAction[] = [pending[at]];
      while (chunk.length < max && at + chunk.length < pending.length && !opts.cutBefore?.(pending[at + chunk.length], chunk)) chunk.push(pending[at + chunk.length]);
      try {
        note(chunk, await apply(chunk));
      } catch (e) {
        if (chunk.length === 1) return { settled, waiting: this.pending().length, error: e instanceof Error ? e.message : String(e) };
        for (const action of chunk) {
          try {
            note([action], await apply([action]));
          } catch (single) {
            return { settled, waiting: this.pending().length, error: single instanceof Error ? single.message : String(single) };
          }
        }
      }
      at += chunk.length;
    }
    // Everything settled: start the file afresh instead of letting it grow for ever.
    if (this.order.length > 0 && this.pending().length === 0) {
      this.order.length = 0;
      this.known.clear();
      this.done.clear();
      this.rewrite();
    }
    return { settled, waiting: 0, error: null };
  }

  private appendTo(file: string, text: string): void {
    const fd = openSync(file, 'a');
    try {
      writeSync(fd, text);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  private rewrite(): void {
    const keep = this.pending();
    writeFileAtomic(this.file, keep.map((action) => `${JSON.stringify({ action })}\n`).join(''));
  }
}
