import type { Result } from '../../shared/contract';
import type { OpeningProgress } from '../../shared/contract/session';
import { systemClock, type Clock } from './clock';
import type { CoreContext, Handlers } from './context';
import { createDispatcher, type Call, type SessionSink } from './dispatcher';
import { ChangeFeed, type ChangeListener } from './feed';
import { makeIdFactory } from './ids';
import { consoleLog, type Log } from './log';
import { seedDemoData } from './seed/seedStore';
import { createCanned } from './services/canned';
import { createComplaints } from './services/complaints';
import { createConversations } from './services/conversations';
import { createConversationTimeline } from './services/conversationTimeline';
import { createDataAdmin } from './services/dataAdmin';
import { createDrafts } from './services/drafts';
import { createOwnership } from './services/ownership';
import { createSearch } from './services/search';
import { createIntake } from './services/intake';
import { createMessageIndex } from './services/messageIndex';
import { createNotices } from './services/notices';
import { createPerformance } from './services/performance';
import { createProblems } from './services/problems';
import { createSlaDesk } from './services/slaDesk';
import { createReminders } from './services/reminders';
import { createSessions } from './services/sessions';
import { createProfiles } from './services/profiles';
import { withCommitHook } from './services/spool/commitHook';
import { createSpool, createSpoolHook } from './services/spool';
import type { ParseClient } from './services/spool/parseClient';
import type { TeamDbConfig } from './team/teamDb';
import { desktopIdOf } from './team/desktopId';
import { startTeamSync, teamView, type TeamSync } from './team/teamSync';
import { createTraining } from './services/training';
import { openStore } from './store/openStore';
import { waitForMessages } from './messagesGate';
import { holdMessagesRead, messagesLoaded } from './store/lazyMessages';
import { createFirstPageGate, FIRST_PAGE_CAP_MS, openGateOnFirstPage } from './firstPageGate';
import { compactingGc, HEAP_COMPACTION, scheduleHeapCompaction, type CompactingGc } from './heapCompaction';
import type { Change, Store } from './store/types';
import { createTicker } from './ticker';
import { DEFAULT_SETTINGS } from '../../shared/schema';

export interface CoreOptions {
  /** The folder holding the store (snapshot, journal, quarantine). */
  dataDir: string;
  clock?: Clock;
  log?: Log;
  /** Real time for security timeouts (default Date.now); tests pass their own. */
  realNow?: () => number;
  /** Seed demo data on first run (default true). */
  seedDemo?: boolean;
  /** Watch the spool folder and import at start (default true); tests drive `spool.scan` instead. */
  spoolWatch?: boolean;
  /** Lines per spool import batch (one commit, one change event each); default 1000. */
  spoolBatchLines?: number;
  /** Spool files with at least this many bytes to read are parsed on a worker thread (default 1 MiB; tests: 0). */
  spoolParseWorkerMinBytes?: number;
  /** Team mode: the team's PostgreSQL (the Electron main and web mode read KEFU_TEAM_DATABASE_URL). */
  team?: TeamDbConfig;
  /** Team mode: actions sent per database transaction when a backlog waits (default 200; the bench compares 1). */
  teamSendChunk?: number;
  /** The spool parse worker's client (tests: one that fails). */
  spoolParser?: ParseClient;
  /**
   * Load the bot's dictionary and model in the background once the search index is built (default true; off under
   * vitest and with KEFU_WARM_BOT=0, the end-to-end tests' servers: each would pay ~0.8 s of CPU for a bot most of
   * them never use; the bot then loads on first use).
   */
  warmBot?: boolean;
  /**
   * Keep the search index on a worker thread of its own (services/search/searchWorker.ts; KEFU_SEARCH_WORKER=1).
   * Default off: on a 50 000 x 20 store it imports ~8 % faster and catches search up after an import in ~0.3 s
   * instead of 2-3 s, but the process holds ~220 MiB more (docs/measurements.md, "Search index on its own thread").
   */
  searchWorker?: boolean;
  /** Leave the snapshot's messages on disk until read (default true; see OpenStoreOptions.lazyMessages). */
  lazyMessages?: boolean;
  /**
   * The start-up work that can wait (the messages' read, the search index, the SLA start-up check, the compaction
   * after the open) waits for the first queue page, or FIRST_PAGE_CAP_MS (firstPageGate.ts). For hosts with a
   * window; default off (open at once).
   */
  firstPageFirst?: boolean;
  /** With firstPageFirst: how long the gate waits for a first page at most (default FIRST_PAGE_CAP_MS; tests). */
  firstPageCapMs?: number;
  /**
   * Once the start-up work is done and no call has come for a second, one compacting collection gives back the heap
   * pages the start left fragmented (heapCompaction.ts; large stores only). For the hosts; default off (tests: their
   * own thresholds and collector).
   */
  compactHeapWhenSettled?: boolean | (Partial<typeof HEAP_COMPACTION> & { gc?: CompactingGc });
  /** How far opening has got, while createCore runs (the transports answer `session.opening` with it meanwhile). */
  onOpenProgress?: (p: OpeningProgress) => void;
}

export interface Core {
  /**
   * Every contract call goes through here, from IPC and web mode alike. `sessionId` is what the transport holds
   * for its window or page (null: none yet); `sink` learns of a session the call issued or ended.
   */
  call(name: string, input: unknown, sessionId: string | null, sink?: SessionSink): Promise<Result<unknown>>;
  subscribe(listener: ChangeListener): () => void;
  readonly clock: Clock;
  readonly store: Store;
  /**
   * Resolves when the start-up work that runs in slices between calls is done: the search index's build, the
   * performance facts' warm-up and the bot's (benchmarks wait for it, so they measure their own work, not the start's).
   */
  settled(): Promise<void>;
  /** Team mode's sync with the team database (null: this desktop works on its own store). */
  readonly team: TeamSync | null;
  /** Committed changes the search index has not taken yet (benchmarks and tests: how far it lags an import). */
  readonly searchBacklog: number;
  close(): Promise<void>;
}

/**
 * Builds the application: store, services, change feed, and the dispatcher in front of them. The Electron
 * main process and the web server both host exactly this.
 */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? consoleLog;
  // Opening: the store's files are ~85 % of the time, the services' start (indexes, checks) the rest.
  let storeBytes = 0;
  const opening = (p: Omit<OpeningProgress, 'state' | 'bytes'>) => opts.onOpenProgress?.({ state: 'opening', ...p, bytes: storeBytes });
  const firstPage = createFirstPageGate(opts.firstPageFirst ? (opts.firstPageCapMs ?? FIRST_PAGE_CAP_MS) : null);
  const rawStore = await openStore({
    dir: opts.dataDir,
    log,
    lazyMessages: opts.lazyMessages,
    compactAfterOpen: firstPage.opened,
    onProgress: (p) => {
      storeBytes = p.bytes;
      opening({ step: p.step, fraction: 0.85 * p.fraction });
    },
  });
  opening({ step: 'starting', fraction: 0.85 });
  holdMessagesRead(rawStore.all('messages'), firstPage.opened);
  if (rawStore.isNew && opts.seedDemo !== false) await seedDemoData(rawStore, clock.now(), log);
  const newId = makeIdFactory(() => clock.now());
  // Every commit may add outbox entries (replies, status changes on spool conversations) in that same commit.
  const spoolHook = createSpoolHook({ store: rawStore, dataDir: opts.dataDir, log, newId, now: () => clock.now() });
  const store = withCommitHook(rawStore, spoolHook);
  for (const p of store.problems) log('error', `store: ${p.kind} in ${p.source}: ${p.message} (kept in ${p.quarantinedTo})`);

  const feed = new ChangeFeed(() => clock.now());
  const ticker = createTicker(clock);
  let closed = false;
  const ctx: CoreContext = {
    store,
    clock,
    feed,
    log,
    ticker,
    realNow: opts.realNow ?? Date.now,
    settings: () => store.get('settings', 'global') ?? DEFAULT_SETTINGS,
    newId,
    afterFirstPage: firstPage.opened,
  };

  const messages = createMessageIndex(store);
  const sessions = createSessions(ctx);
  const notices = createNotices(ctx);
  // The index's idle slices wait while the spool imports (search/index.ts, yieldWhile); `spool` exists below.
  const search = createSearch(ctx, { worker: opts.searchWorker ?? process.env.KEFU_SEARCH_WORKER === '1', yieldWhile: () => spool.importer.importing() });
  // Training practices run in sandbox cores of their own (services/training): same clock, own folder, no demo, no spool.
  const training = createTraining(ctx, {
    dataDir: opts.dataDir,
    openSandbox: (dir) => createCore({ dataDir: dir, clock, log, realNow: opts.realNow, seedDemo: false, spoolWatch: false, searchWorker: false }),
  });
  // An import batch's complaint conversations get their records in the batch's commit (set once complaints exist).
  let complaintRecords: (changes: readonly Change[]) => Change[] = () => [];
  const spool = createSpool(ctx, spoolHook, { makeReceive: (c) => createIntake(c).receive, batchRecords: (changes) => complaintRecords(changes), watch: opts.spoolWatch !== false, batchLines: opts.spoolBatchLines, parseWorkerMinBytes: opts.spoolParseWorkerMinBytes, parser: opts.spoolParser });
  // Built before the handler table: complaints (issue 12) escalate severe ones through the desk's escalation.
  const slaDesk = createSlaDesk(ctx, notices);
  // Performance facts are derived in the background from the start, so the first dashboard finds them ready.
  const perf = createPerformance(ctx, messages);
  const intake = createIntake(ctx);
  const complaints = createComplaints(ctx, notices, slaDesk.escalation, messages);
  complaintRecords = complaints.recordsForBatch;
  const botWarm = (opts.warmBot ?? (!process.env.VITEST && process.env.KEFU_WARM_BOT !== '0')) ? search.whenReady().then(() => (closed ? undefined : intake.warmBot())) : Promise.resolve();
  // Team mode's sync starts once the services below are listening (its first read commits the team's records).
  let team: TeamSync | null = null;
  const handlers: Handlers = {
    'session.opening': () => ({ state: 'ready', step: null, fraction: 1, bytes: storeBytes }),
    'team.status': () => teamView(team),
    ...sessions.handlers,
    ...createProfiles(ctx, sessions).handlers,
    ...slaDesk.handlers,
    ...createConversations(ctx, messages, createConversationTimeline(store)).handlers,
    ...createOwnership(ctx, messages).handlers,
    ...createDrafts(ctx).handlers,
    ...search.handlers,
    ...intake.handlers,
    ...notices.handlers,
    ...createCanned(ctx).handlers,
    ...createReminders(ctx, notices).handlers,
    ...createDataAdmin(ctx, opts.dataDir).handlers,
    ...createProblems(ctx).handlers,
    ...spool.handlers,
    ...complaints.handlers,
    ...perf.handlers,
    ...training.handlers,
  };
  // A practising person's workspace calls go to their sandbox; everything else to the live dispatcher.
  const dispatch = openGateOnFirstPage(waitForMessages(training.forward(createDispatcher(handlers, sessions.resolve, log), sessions.resolve), store), firstPage);
  // When the last call came (real time): the heap's compaction waits for a quiet desk.
  const realNow = ctx.realNow;
  let lastCallAt = realNow();
  const call: Call = (name, input, sessionId, sink) => {
    lastCallAt = realNow();
    return dispatch(name, input, sessionId, sink);
  };
  ticker.start();
  spool.start();
  await training.start();
  // Team mode: this desktop's store kept in step with the team's PostgreSQL (team/teamSync.ts).
  team = opts.team ? await startTeamSync({ store, dataDir: opts.dataDir, log, feed, now: () => clock.now(), newId, desktopId: desktopIdOf(opts.dataDir), sendChunk: opts.teamSendChunk }, opts.team) : null;

  // The snapshot's messages the open jumped over (lazyMessages.ts) are read from now on (after the first page, with
  // firstPageFirst), between calls.
  void messagesLoaded(store.all('messages'));
  firstPage.arm();
  const startupWork = async () => {
    await search.whenReady();
    await perf.warmed;
    await botWarm;
  };
  const compaction = opts.compactHeapWhenSettled === true ? {} : opts.compactHeapWhenSettled;
  const heapCompaction = compaction
    ? scheduleHeapCompaction({ settled: startupWork().catch(() => {}), quietFor: () => realNow() - lastCallAt, gc: compaction.gc ?? compactingGc(), log, now: realNow, options: compaction })
    : null;

  return {
    call,
    subscribe: (l) => feed.subscribe(l),
    clock,
    store,
    team,
    get searchBacklog() {
      return search.queued;
    },
    settled: startupWork,
    close: async () => {
      closed = true;
      heapCompaction?.stop();
      ticker.stop();
      await training.close();
      await search.stop();
      perf.stop();
      await spool.stop();
      await team?.stop();
      await store.close();
    },
  };
}
