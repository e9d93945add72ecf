import { pendingWritesOf, type PendingWrite } from './spool/batchStore';

/**
 * What an incremental index holds on top of its committed state for one reader with pending writes (a spool import
 * batch, routing's drain round): built from that reader's write log, reading each entry once. A new reader (the
 * next batch) starts a fresh layer; the committed store itself has none.
 */
export class PendingLayer<S> {
  private key: object | null = null;
  private pos = 0;
  private state: S | null = null;

  constructor(
    private readonly fresh: () => S,
    private readonly apply: (state: S, w: PendingWrite) => void,
  ) {}

  /** The layer for `reader` brought up to date with its writes, or null when it is the committed store. */
  of(reader: object): S | null {
    const pw = pendingWritesOf(reader);
    if (!pw) return null;
    if (pw.key !== this.key || this.state === null) {
      this.key = pw.key;
      this.pos = 0;
      this.state = this.fresh();
    }
    const log = pw.log;
    for (; this.pos < log.length; this.pos++) this.apply(this.state, log[this.pos]);
    return this.state;
  }
}
