import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { topic, type Topic } from '../../../../shared/contract';
import type { SpoolFileProgress } from '../../../../shared/contract/spool';
import type { SpoolProblemReason } from '../../../../shared/schema';
import type { CoreContext } from '../../context';
import { ChangeFeed } from '../../feed';
import type { Change, Store } from '../../store/types';
import { applyEvent, SpoolRefusal, type ApplyScope, type Receive } from './applyEvent';
import { BatchStore, delegatingStore } from './batchStore';
import type { SpoolLine } from './lineReader';
import { createParseClient, inlineBatches, ParseWorkerError, type ParseClient } from './parseClient';
import type { ReadLine } from './parseLine';
import type { LinkIndex } from './links';
import type { Outbox } from './outbox';
import { createSeenIds, SEEN_RETENTION_DAYS, seenRecordId } from './seenIds';

/** Inbound files: `*.jsonl` directly in the spool folder (not its `outbox/`), imported in name order. */
export const isSpoolFile = (name: string) => name.endsWith('.jsonl') && !name.startsWith('.');
export const DEFAULT_BATCH_LINES = 1000;
/**
 * From this much unread (~6 000 lines) a file is parsed on the worker: below it, starting the thread (~30 ms) and
 * passing lines across cost more than parsing them here.
 */
export const PARSE_WORKER_MIN_BYTES = 1024 * 1024;
const RAW_MAX = 100_000;

/**
 * Topics the import's services publish during a batch are collected and published once, after its commit. Outside
 * a batch they go straight to the core's feed: the services built on the import's context (one routing and bot per
 * core, see intake.ts) also publish from their own handlers and from routing's drain after a commit.
 */
class CollectingFeed extends ChangeFeed {
  readonly topics = new Set<Topic>();
  collecting = false;
  constructor(
    now: () => number,
    private readonly real: ChangeFeed,
  ) {
    super(now);
  }
  override publish(topics: Iterable<Topic>): void {
    if (!this.collecting) return this.real.publish(topics);
    for (const t of topics) this.topics.add(t);
  }
  override subscribe(listener: Parameters<ChangeFeed['subscribe']>[0]): () => void {
    return this.real.subscribe(listener);
  }
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 40);
export const cursorIdOf = (file: string) => `sc-${hash(file)}`;
/** Names a file in the records of its applied event ids (seenIds.ts). */
export const fileKeyOf = (file: string) => hash(file).slice(0, 16);

export interface ImporterDeps {
  ctx: CoreContext;
  /** Commits here do not pass the outbox hook again: each inner commit of a batch was augmented already. */
  rawStore: Store;
  links: LinkIndex;
  outbox: Outbox;
  folder: () => string;
  /** Builds intake's `receive` on the import's context (called once). */
  makeReceive: (ctx: CoreContext) => Receive;
  /**
   * Records other services derive from a batch's changes, committed with them (the complaint records of its
   * complaint conversations, complaintsRecords.ts): one commit per batch, and nothing in between to recover.
   */
  batchRecords?: (changes: readonly Change[]) => Change[];
  batchLines?: number;
  /** Files with at least this many bytes left to read are parsed on the worker (default PARSE_WORKER_MIN_BYTES). */
  parseWorkerMinBytes?: number;
  /** The worker's client (tests pass one that fails, to see the import go on without it). */
  parser?: ParseClient;
}

/**
 * Imports spool files: new files and the new lines of growing ones, in batches of up to `batchLines` lines. Each
 * batch is ONE store commit holding the changes its events caused, the file's cursor after its last line, the ids
 * of the events it applied and the lines it quarantined; then ONE change is published. So a crash anywhere
 * leaves a batch wholly in or wholly out, and the next scan resumes at the cursor. An event id already applied
 * (a duplicate line, a copied file) changes nothing.
 */
export function createImporter(deps: ImporterDeps) {
  const { ctx, rawStore, links } = deps;
  const batchLines = deps.batchLines ?? DEFAULT_BATCH_LINES;
  const seen = createSeenIds(rawStore);

  // The services an event goes through, built once on a context whose store is the current batch.
  let current: BatchStore | null = null;
  let eventNow: number | null = null;
  const feed = new CollectingFeed(() => ctx.clock.now(), ctx.feed);
  const importCtx: CoreContext = {
    ...ctx,
    store: delegatingStore(() => current ?? ctx.store),
    feed,
    clock: { now: () => eventNow ?? ctx.clock.now(), manual: ctx.clock.manual, advance: (ms) => ctx.clock.advance(ms) },
  };
  const intakeReceive = deps.makeReceive(importCtx);
  /** Time spent in intake (the bot, routing) vs. the import itself, logged per scan: where an import's time goes. */
  const receive: Receive = (m) => {
    const t = performance.now();
    try {
      return intakeReceive(m);
    } finally {
      stats.intakeMs += performance.now() - t;
    }
  };

  const progress = new Map<string, SpoolFileProgress>();
  /**
   * Wall times (intake inside the lines, the store commits) and, per batch, this process's CPU time for its lines
   * and for its commit: on a busy machine wall time also counts waiting for a core, CPU time does not.
   */
  const stats = { imported: 0, duplicates: 0, quarantinedNow: 0, batches: 0, intakeMs: 0, commitMs: 0, linesCpuMs: 0, commitCpuMs: 0 };
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let importing = false;
  let lastError: string | null = null;
  let lastScanAt: number | null = null;

  type Outcome = 'applied' | 'duplicate' | 'quarantined' | 'blank';

  function quarantine(batch: BatchStore, file: string, l: SpoolLine, reason: SpoolProblemReason, issues: string[], eventId: string | null): Outcome {
    // A copy of its own: a line's text is a slice of the whole chunk it was read with (lineReader.ts), and a record
    // holding the slice would keep that chunk in memory for as long as the entry is kept.
    const raw = JSON.parse(JSON.stringify(l.text.length > RAW_MAX ? l.text.slice(0, RAW_MAX) : l.text)) as string;
    batch.apply({
      op: 'put',
      coll: 'spoolQuarantine',
      // The same line of the same file read again (after a crash) is the same entry.
      rec: { id: `sq-${hash(`${file}\n${l.line}\n${l.text}`)}`, file, line: l.line, raw, truncated: l.tooLong || raw.length < l.text.length, reason, issues, eventId, at: ctx.clock.now() },
    });
    return 'quarantined';
  }

  /**
   * What applyEvent gets, built once per batch (not per line): `linked` collects the links the current event made,
   * with what each replaced, so a failed event takes them back.
   */
  function scopeOf(batch: BatchStore, batchLinks: Map<string, string>) {
    const linked: [string, string | undefined][] = [];
    const apply: ApplyScope = {
      ctx,
      batch,
      receive,
      setNow: (t) => (eventNow = t),
      linkOf: (ext) => batchLinks.get(ext) ?? links.internalOf(ext),
      link: (conversationId, externalId, at) => {
        linked.push([externalId, batchLinks.get(externalId)]);
        batchLinks.set(externalId, conversationId);
        batch.apply({ op: 'put', coll: 'spoolLinks', rec: { id: conversationId, externalId, createdAt: at } });
      },
      topics: feed.topics,
    };
    return { apply, linked, batchLinks };
  }

  async function handleLine(batch: BatchStore, file: string, r: ReadLine, ids: Set<string>, scope: ReturnType<typeof scopeOf>): Promise<Outcome> {
    const { linked, batchLinks } = scope;
    const { line: l, parsed } = r;
    if (parsed.kind === 'blank') return 'blank';
    if (parsed.kind === 'problem') return quarantine(batch, file, l, parsed.reason, parsed.issues, parsed.eventId);
    const ev = parsed.event;
    if (seen.has(ev.id) || ids.has(ev.id)) return 'duplicate';
    batch.savepoint();
    linked.length = 0;
    try {
      await applyEvent(scope.apply, ev);
      ids.add(ev.id);
      return 'applied';
    } catch (e) {
      batch.rollback();
      for (const [ext, before] of linked.reverse()) {
        if (before === undefined) batchLinks.delete(ext);
        else batchLinks.set(ext, before);
      }
      const reason = e instanceof SpoolRefusal ? e.reason : 'rejected';
      return quarantine(batch, file, l, reason, [e instanceof Error ? e.message : String(e)], ev.id);
    } finally {
      eventNow = null;
    }
  }

  /** One batch: every line applied into a BatchStore, then one real commit with the cursor. Throws if refused. */
  async function runBatch(file: string, lines: ReadLine[], validate: boolean): Promise<{ ids: Set<string>; outcomes: Record<Outcome, number> }> {
    const batch = new BatchStore(rawStore, validate, (changes, before) => deps.outbox.augment(changes, before, () => true));
    const ids = new Set<string>();
    const batchLinks = new Map<string, string>();
    const outcomes: Record<Outcome, number> = { applied: 0, duplicate: 0, quarantined: 0, blank: 0 };
    feed.topics.clear();
    current = batch;
    feed.collecting = true;
    const cpuLines = cpuMs();
    try {
      const scope = scopeOf(batch, batchLinks);
      for (const l of lines) outcomes[await handleLine(batch, file, l, ids, scope)]++;
    } finally {
      current = null;
      feed.collecting = false;
    }
    const cpuCommit = cpuMs();
    stats.linesCpuMs += cpuCommit - cpuLines;
    for (const ch of deps.batchRecords?.(batch.changes()) ?? []) batch.apply(ch);
    const last = lines[lines.length - 1].line;
    const now = ctx.clock.now();
    batch.apply({ op: 'put', coll: 'spoolCursors', rec: { id: cursorIdOf(file), file, offset: last.end, line: last.line, updatedAt: now } });
    if (ids.size > 0) batch.apply({ op: 'put', coll: 'spoolSeen', rec: { id: seenRecordId(fileKeyOf(file), ctx.newId('')), eventIds: [...ids], at: now } });
    const t = performance.now();
    // Trusted: every record was built by typed core code from lines that passed SpoolInEvent (store/validate.ts,
    // checkFrames, says what that trades); an import commit holds ~3 500 records.
    await rawStore.commit(batch.changes(), { trusted: !validate });
    stats.commitMs += performance.now() - t;
    stats.commitCpuMs += cpuMs() - cpuCommit;
    return { ids, outcomes };
  }

  async function commitLines(file: string, lines: ReadLine[]): Promise<void> {
    let r: Awaited<ReturnType<typeof runBatch>>;
    try {
      r = await runBatch(file, lines, false);
    } catch (e) {
      // The store refused the batch (a record failed its schema): run it again checking each event, so the one at
      // fault is quarantined as `rejected` and the rest imports.
      ctx.log('warn', `spool: a batch of ${file} was refused (${e instanceof Error ? e.message : String(e)}); retrying event by event`);
      r = await runBatch(file, lines, true);
    }
    seen.addAll(r.ids);
    stats.imported += r.outcomes.applied;
    stats.duplicates += r.outcomes.duplicate;
    stats.quarantinedNow += r.outcomes.quarantined;
    stats.batches++;
    const last = lines[lines.length - 1].line;
    const p = progress.get(file);
    if (p) Object.assign(p, { bytesDone: last.end, linesDone: last.line });
    if (r.outcomes.quarantined > 0) ctx.log('warn', `spool: ${r.outcomes.quarantined} line(s) of ${file} quarantined`);
    // One publication per batch: everything its events touched, and the progress.
    ctx.feed.publish([...feed.topics, topic.spool]);
    feed.topics.clear();
  }

  /** Lets the event loop serve calls (and the feed deliver) between batches, so the UI stays responsive. */
  const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

  /** Reads a big remainder of a file on the parse worker's thread (parseClient.ts); a few new lines here. */
  const parser = deps.parser ?? createParseClient();
  const parseWorkerMinBytes = deps.parseWorkerMinBytes ?? PARSE_WORKER_MIN_BYTES;

  async function importFile(dir: string, file: string): Promise<void> {
    const full = path.join(dir, file);
    const fd = openSync(full, 'r');
    try {
      const size = fstatSync(fd).size;
      const at = () => {
        const cursor = rawStore.get('spoolCursors', cursorIdOf(file)) ?? { offset: 0, line: 0 };
        // Spool files only grow; a shorter one was replaced. Read it again from the start: ids keep it idempotent.
        return size < cursor.offset ? { offset: 0, line: 0 } : cursor;
      };
      const done = rawStore.get('spoolCursors', cursorIdOf(file))?.offset ?? 0;
      if (size < done) ctx.log('warn', `spool: ${file} is shorter than what was imported (${size} < ${done} bytes); reading it again`);
      let cursor = at();
      progress.set(file, { file, bytesDone: cursor.offset, bytesTotal: size, linesDone: cursor.line });
      if (size === cursor.offset) return;
      const apply = async (batches: AsyncIterable<ReadLine[]> | Iterable<ReadLine[]>) => {
        for await (const lines of batches) {
          await commitLines(file, lines);
          await breathe();
        }
      };
      if (size - cursor.offset < parseWorkerMinBytes) return await apply(inlineBatches(fd, cursor.offset, cursor.line, size, batchLines));
      try {
        await apply(parser.batches(full, fd, cursor.offset, cursor.line, size, batchLines));
      } catch (e) {
        if (!(e instanceof ParseWorkerError)) throw e;
        // The lines are the same on this thread, only slower: go on from the last batch committed.
        ctx.log('warn', `spool: ${e.message}; reading ${file} on the main thread`);
        cursor = at();
        await apply(inlineBatches(fd, cursor.offset, cursor.line, size, batchLines));
      }
    } finally {
      closeSync(fd);
    }
  }

  /** At most hourly (desk clock): the records are scanned whole, and a watched folder may be scanned every second. */
  const PRUNE_EVERY_MS = 3600_000;
  let prunedAt = Number.NEGATIVE_INFINITY;
  async function pruneSeen(files: string[]): Promise<void> {
    const now = ctx.clock.now();
    if (now - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = now;
    try {
      const forgotten = await seen.prune(now, new Set(files.map(fileKeyOf)));
      if (forgotten > 0) ctx.log('info', `spool: forgot ${forgotten} applied event ids imported over ${SEEN_RETENTION_DAYS} days ago from files no longer in the folder`);
    } catch (e) {
      // Nothing was forgotten (the ids stay refused); the next hour tries again.
      ctx.log('warn', `spool: could not prune applied event ids: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function scanOnce(): Promise<void> {
    const dir = deps.folder();
    mkdirSync(dir, { recursive: true });
    const files = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isFile() && isSpoolFile(d.name))
      .map((d) => d.name)
      .sort();
    importing = true;
    const t0 = performance.now();
    const before = { ...stats };
    const workerBefore = parser.workerLines();
    try {
      for (const file of files) await importFile(dir, file);
      lastError = null;
      await pruneSeen(files);
      if (stats.batches > before.batches) {
        const ms = (x: number) => Math.round(x);
        ctx.log('info', `spool: ${stats.imported - before.imported} events applied, ${stats.duplicates - before.duplicates} duplicates, ${stats.quarantinedNow - before.quarantinedNow} quarantined in ${stats.batches - before.batches} batches (${parser.workerLines() - workerBefore} lines parsed on the worker thread), ${ms(performance.now() - t0)} ms (intake ${ms(stats.intakeMs - before.intakeMs)} ms, store commits ${ms(stats.commitMs - before.commitMs)} ms; CPU: lines ${ms(stats.linesCpuMs - before.linesCpuMs)} ms, store commits ${ms(stats.commitCpuMs - before.commitCpuMs)} ms)`);
      }
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
      ctx.log('error', `spool: import stopped: ${lastError}`);
    } finally {
      importing = false;
      lastScanAt = ctx.clock.now();
      ctx.feed.publish([topic.spool]);
    }
  }

  let running: Promise<void> | null = null;
  let again = false;
  /** Imports whatever is new; concurrent calls share one run (and a call during a run makes it go round again). */
  function scan(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await scanOnce();
      } while (again);
    })().finally(() => (running = null));
    return running;
  }

  return {
    scan,
    /** Resolves when no scan is running. */
    idle: () => running ?? Promise.resolve(),
    /** True while a scan imports lines (between its first batch and its last). */
    importing: () => importing,
    status: () => {
      const files = [...progress.values()].sort((a, b) => a.file.localeCompare(b.file));
      return {
        importing,
        files,
        bytesDone: files.reduce((n, f) => n + f.bytesDone, 0),
        bytesTotal: files.reduce((n, f) => n + f.bytesTotal, 0),
        imported: stats.imported,
        lastError,
        lastScanAt,
      };
    },
    stats,
    /** Stops the parse worker (the core is closing). */
    close: () => parser.stop(),
  };
}
export type Importer = ReturnType<typeof createImporter>;
