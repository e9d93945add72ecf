import type { ChangeEvent, Topic } from '../../shared/contract';

export type ChangeListener = (event: ChangeEvent) => void;

/**
 * Change events to every subscriber (IPC windows, web pages). Topics published in the same tick are merged into
 * one event on the next microtask, so a burst of commits costs one refetch, and delivery stays well under 50 ms.
 */
export class ChangeFeed {
  private listeners = new Set<ChangeListener>();
  private pending = new Set<string>();
  private seq = 0;
  private scheduled = false;

  constructor(private readonly now: () => number) {}

  publish(topics: Iterable<Topic>): void {
    for (const t of topics) this.pending.add(t);
    if (this.scheduled || this.pending.size === 0) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private flush(): void {
    this.scheduled = false;
    const event: ChangeEvent = { seq: ++this.seq, topics: [...this.pending], at: this.now() };
    this.pending.clear();
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A broken subscriber (a closed window) must not stop the others.
      }
    }
  }
}
