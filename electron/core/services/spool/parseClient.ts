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
export function createParseClient(opts: { gate?: Promise<unknown> } = {}) {
  let worker: Worker | null = null;
  /** Lines the worker parsed (the rest of a big file's were parsed here while it started). */
  let workerLines = 0;
  /** The running worker has answered a request (it is up: no need to wait for it). */
  let answering = false;
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
      answering = true;
      const next = waiting.shift();
      if (r.ok) next?.resolve(r.lines);
      else next?.reject(new ParseWorkerError(`spool parse worker: ${r.error}`));
    });
    w.on('error', (e) => fail(new ParseWorkerError(`spool parse worker failed: ${e.message}`)));
    w.on('exit', (code) => {
      if (worker === w) {
        worker = null;
        answering = false;
      }
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
    answering = false;
    if (w) await w.terminate();
  }

  /**
   * The file's batches from `offset`: on this thread until the worker has started (from source that takes ~0.6 s,
   * bundled ~50 ms: no batch waits for it), then from the worker, one batch ahead. `fd` is the file open here.
   */
  async function* batches(file: string, fd: number, offset: number, line: number, size: number, n: number): AsyncGenerator<ReadLine[]> {
    // A worker that already answered takes the file from its first line. (`gate`: a test holds the switch back
    // to see it happen mid-file.)
    let started = answering && !opts.gate;
    if (!started) {
      const ready = Promise.all([request({ type: 'ping' }), opts.gate]).then(() => (started = true));
      ready.catch(() => {}); // a worker that cannot start leaves the whole file to this thread
    }
    const here = inlineBatches(fd, offset, line, size, n);
    let at = { offset, line };
    while (!started) {
      const r = here.next();
      if (r.done) return release();
      const last = r.value[r.value.length - 1].line;
      at = { offset: last.end, line: last.line };
      yield r.value;
    }
    here.return(undefined);
    await request({ type: 'open', file, offset: at.offset, line: at.line, size });
    let next: Promise<ReadLine[]> | null = request({ type: 'next', lines: n });
    try {
      for (;;) {
        const lines: ReadLine[] = await next;
        next = null;
        if (lines.length === 0) return;
        next = request({ type: 'next', lines: n }); // parsed while this batch is applied
        workerLines += lines.length;
        yield lines;
      }
    } finally {
      // Stopped early (an error while applying): the batch still being parsed is not wanted.
      await next?.catch(() => []);
      if (worker) await request({ type: 'close' }).catch(() => []);
      release();
    }
  }

  /** Starts the worker now and resolves once it answers (so the next big file is read on it from its first line). */
  const warm = () => request({ type: 'ping' }).then(() => undefined);

  return { batches, stop, warm, workerLines: () => workerLines };
}
export type ParseClient = ReturnType<typeof createParseClient>;
