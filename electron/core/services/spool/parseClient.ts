import type { Worker } from 'node:worker_threads';
import { startCoreWorker } from '../../coreWorker';
import { readLines } from './lineReader';
import { parseSpoolLine, type ReadLine } from './parseLine';
import { PARSE_WORKER_MARK, type ParseReply, type ParseRequest } from './parseWorker';

/** The parse worker failed (it would not start, or died): the importer goes on without it. */
export class ParseWorkerError extends Error {}

/** How long an idle parse worker is kept for the next big file before its thread and memory are given back. */
const IDLE_MS = 30_000;

/** A file's new lines in batches of up to `n` lines, each line parsed (parseLine.ts), on this thread. */
export function* inlineBatches(fd: number, offset: number, line: number, size: number, n: number): Generator<ReadLine[]> {
  let batch: ReadLine[] = [];
  for (const l of readLines(fd, offset, line, size)) {
    batch.push({ line: l, parsed: parseSpoolLine(l) });
    if (batch.length >= n) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The same batches from the parse worker (parseWorker.ts), one batch ahead: while the importer applies a batch, the
 * worker reads and parses the next. One worker per importer, started on first use and stopped when idle.
 */
export function createParseClient() {
  let worker: Worker | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;
  /** Replies come in request order. */
  const waiting: { resolve: (lines: ReadLine[]) => void; reject: (e: Error) => void }[] = [];

  const fail = (e: Error) => {
    for (const w of waiting.splice(0)) w.reject(e);
  };
  const ensure = (): Worker => {
    if (idle) clearTimeout(idle);
    idle = null;
    if (worker) return worker;
    const w = startCoreWorker({ bundled: 'spool-parse-worker.js', source: 'parseWorker.ts' }, import.meta.url, { mark: PARSE_WORKER_MARK });
    w.on('message', (r: ParseReply) => {
      const next = waiting.shift();
      if (r.ok) next?.resolve(r.lines);
      else next?.reject(new ParseWorkerError(`spool parse worker: ${r.error}`));
    });
    w.on('error', (e) => fail(new ParseWorkerError(`spool parse worker failed: ${e.message}`)));
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      fail(new ParseWorkerError(`spool parse worker exited (code ${code})`));
    });
    return (worker = w);
  };
  const request = (req: ParseRequest) =>
    new Promise<ReadLine[]>((resolve, reject) => {
      waiting.push({ resolve, reject });
      ensure().postMessage(req);
    });
  const release = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void stop(), IDLE_MS);
    idle.unref();
  };
  async function stop(): Promise<void> {
    if (idle) clearTimeout(idle);
    idle = null;
    const w = worker;
    worker = null;
    if (w) await w.terminate();
  }

  async function* batches(file: string, offset: number, line: number, size: number, n: number): AsyncGenerator<ReadLine[]> {
    await request({ type: 'open', file, offset, line, size });
    let next: Promise<ReadLine[]> | null = request({ type: 'next', lines: n });
    try {
      for (;;) {
        const lines: ReadLine[] = await next;
        next = null;
        if (lines.length === 0) return;
        next = request({ type: 'next', lines: n }); // parsed while this batch is applied
        yield lines;
      }
    } finally {
      // Stopped early (an error while applying): the batch still being parsed is not wanted.
      await next?.catch(() => []);
      if (worker) await request({ type: 'close' }).catch(() => []);
      release();
    }
  }

  return { batches, stop };
}
export type ParseClient = ReturnType<typeof createParseClient>;
