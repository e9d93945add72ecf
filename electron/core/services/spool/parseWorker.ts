/**
 * The spool's line parser on a thread of its own: reads a file's new lines and parses and validates each one
 * (parseLine.ts) a batch ahead of the importer, which meanwhile applies the previous batch on the main thread. On a
 * big import that takes JSON.parse and zod (~1 s per 100 000 events) off the thread that serves the app.
 *
 * Requests, one at a time: `ping` (answered once the thread runs), `open` a file from a cursor, then `next` for each batch of up to `lines` lines (answered
 * with the batch, empty when the file holds no more complete lines), then `close`. Built as its own entry
 * (spool-parse-worker.js) by electron-vite; from source it is started through tsx (coreWorker.ts).
 */
import { closeSync, openSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readLines } from './lineReader';
import { parseSpoolLine, type ReadLine } from './parseLine';

export const PARSE_WORKER_MARK = 'kefu-spool-parse';

export type ParseRequest =
  /** Answered once the thread runs (the importer reads on its own thread until then). */
  | { type: 'ping' }
  | { type: 'open'; file: string; offset: number; line: number; size: number }
  | { type: 'next'; lines: number }
  | { type: 'close' };
export type ParseReply = { ok: true; lines: ReadLine[] } | { ok: false; error: string };

/** The request handler, apart from the thread (so it can be tested in process). */
export function createLineParser() {
  let fd: number | null = null;
  let lines: Generator<ReturnType<typeof readLines> extends Generator<infer L> ? L : never> | null = null;
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
    lines = null;
  };
  return (req: ParseRequest): ReadLine[] => {
    if (req.type === 'ping') return [];
    if (req.type === 'close') {
      close();
      return [];
    }
    if (req.type === 'open') {
      close();
      fd = openSync(req.file, 'r');
      lines = readLines(fd, req.offset, req.line, req.size);
      return [];
    }
    if (!lines) throw new Error('parse worker: no file open');
    const out: ReadLine[] = [];
    while (out.length < req.lines) {
      const r = lines.next();
      if (r.done) break;
      out.push({ line: r.value, parsed: parseSpoolLine(r.value) });
    }
    return out;
  };
}

if (!isMainThread && parentPort && (workerData as { mark?: string } | null)?.mark === PARSE_WORKER_MARK) {
  const port = parentPort;
  const handle = createLineParser();
  port.on('message', (req: ParseRequest) => {
    let reply: ParseReply;
    try {
      reply = { ok: true, lines: handle(req) };
    } catch (e) {
      reply = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}
