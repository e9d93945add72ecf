import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Result } from '../../../../shared/contract';
import { clockOnHandOver } from '../../../../shared/rules/sla';
import type { Agent, CannedReply, Conversation, Customer, Message, Settings, TrainingScenario } from '../../../../shared/schema';
import type { Core } from '../../index';
import { hashSecret } from '../../identity/secrets';
import type { Change } from '../../store/types';

/** Opens a core on a folder (createCore with seedDemo and spoolWatch off and the live core's clock and log). */
export type OpenSandboxCore = (dir: string) => Promise<Core>;

/** The folder of one practice's sandbox store: `<dataDir>/training/<attemptId>`. */
export const sandboxDir = (dataDir: string, attemptId: string): string => path.join(dataDir, 'training', attemptId);

/**
 * One practice's sandbox: a complete core of its own on its own folder, where the practising person is an agent and
 * the only customer is the scenario's. Workspace calls of the person's session are answered here (the forwarding in
 * services/training/index.ts), under a session this sandbox issued; nothing it does touches the live store.
 */
export class Sandbox {
  private sessionId: string | null = null;
  private readonly secret = randomBytes(18).toString('base64url');

  constructor(
    readonly core: Core,
    readonly dir: string,
    readonly agentId: string,
  ) {}

  /** Signs the person in on the sandbox with a one-time secret its copy of the profile was given. */
  async signIn(): Promise<void> {
    // The copy's credential is replaced with the sandbox's own secret each time it opens (the live secret is never known here).
    const now = this.core.clock.now();
    await this.core.store.commit([{ op: 'put', coll: 'credentials', rec: await hashSecret(this.agentId, this.secret, now) }]);
    let issued: string | null = null;
    const r = await this.core.call('session.signIn', { agentId: this.agentId, secret: this.secret }, null, { issued: (id) => (issued = id) });
    if (!r.ok || !issued) throw new Error(`sandbox sign-in failed: ${r.ok ? 'no session' : r.error.message}`);
    this.sessionId = issued;
  }

  /** A workspace call as the practising person; a lapsed sandbox session is renewed once. */
  async call(name: string, input: unknown): Promise<Result<unknown>> {
    if (!this.sessionId) await this.signIn();
    const r = await this.core.call(name, input, this.sessionId);
    if (!r.ok && r.error.kind === 'unauthenticated') {
      await this.signIn();
      return this.core.call(name, input, this.sessionId);
    }
    return r;
  }

  async close(): Promise<void> {
    await this.core.close();
  }

  /** Closes the sandbox and removes its folder: nothing of it is kept (the attempt keeps the transcript). */
  async discard(): Promise<void> {
    await this.core.close().catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface SandboxSeed {
  scenario: TrainingScenario;
  person: Agent;
  leads: Agent[];
  canned: CannedReply[];
  settings: Settings;
  newId(prefix: string): string;
  now: number;
}

/**
 * The sandbox's first records: the person as an agent (so the sandbox's own permission table lets a trainee work),
 * the leads (to escalate or transfer to), the canned replies the person can use, the team's settings, the scenario's
 * customer with its history as earlier closed conversations, and the practice conversation with the opening message,
 * assigned to the person and owed a response from now.
 */
export function sandboxRecords(s: SandboxSeed): { changes: Change[]; conversationId: string; customerId: string } {
  const { scenario, now } = s;
  const me: Agent = { ...s.person, role: 'agent', presence: 'online', disabled: false, capacity: Math.max(1, s.person.capacity) };
  const customer: Customer = { id: s.newId('cu-'), name: scenario.persona.name, tier: scenario.persona.tier, locale: scenario.locale, createdAt: now - 400 * 86_400_000 };
  const base = {
    customerId: customer.id,
    category: scenario.startCategory,
    tierAtArrival: scenario.persona.tier,
    ownerId: me.id,
    assigneeId: me.id,
    tags: [],
    contactCount: 1,
    severity: 'normal' as const,
    resolvedAt: null,
    slaClockStartedAt: null,
    responseTier: null,
    slaPausedAt: null,
    slaPausedMs: 0,
    resultClockStartedAt: null,
    resultPausedMs: 0,
    escalatedAt: null,
    linkedToId: null,
    ownerAway: false,
    snoozedUntil: null,
  };
  const changes: Change[] = [
    { op: 'put', coll: 'settings', rec: s.settings },
    { op: 'put', coll: 'agents', rec: me },
    ...s.leads.filter((l) => l.id !== me.id).map((l): Change => ({ op: 'put', coll: 'agents', rec: { ...l, disabled: false } })),
    ...s.canned.map((c): Change => ({ op: 'put', coll: 'cannedReplies', rec: c })),
    { op: 'put', coll: 'customers', rec: customer },
  ];
  // The persona's history, as closed conversations the context panel lists (oldest furthest back).
  scenario.persona.history.forEach((line, i) => {
    const at = now - (scenario.persona.history.length - i) * 21 * 86_400_000;
    const past: Conversation = { ...base, id: s.newId('c-'), status: 'closed', subject: line.slice(0, 500), createdAt: at, queuedAt: at, dueAt: null, updatedAt: at, lastMessageAt: at, resolvedAt: at, ownerId: null, assigneeId: null };
    const note: Message = { id: s.newId('m-'), conversationId: past.id, author: 'system', authorId: null, body: line, at, internal: false };
    changes.push({ op: 'put', coll: 'conversations', rec: past }, { op: 'put', coll: 'messages', rec: note });
  });
  const opening = scenario.nodes[0].customer;
  const fresh: Conversation = { ...base, id: s.newId('c-'), status: 'open', subject: opening.slice(0, 80), createdAt: now, queuedAt: now, dueAt: null, updatedAt: now, lastMessageAt: now };
  const conversation: Conversation = { ...fresh, ...clockOnHandOver(fresh, now, scenario.persona.tier, s.settings), status: 'open' };
  const message: Message = { id: s.newId('m-'), conversationId: conversation.id, author: 'customer', authorId: customer.id, body: opening, at: now, internal: false };
  changes.push({ op: 'put', coll: 'conversations', rec: conversation }, { op: 'put', coll: 'messages', rec: message });
  return { changes, conversationId: conversation.id, customerId: customer.id };
}

/** Creates a sandbox folder and core and fills it. */
export async function createSandbox(open: OpenSandboxCore, dir: string, seed: SandboxSeed): Promise<{ sandbox: Sandbox; conversationId: string }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const core = await open(dir);
  const sandbox = new Sandbox(core, dir, seed.person.id);
  try {
    const { changes, conversationId } = sandboxRecords(seed);
    await core.store.commit(changes);
    await sandbox.signIn();
    return { sandbox, conversationId };
  } catch (e) {
    await sandbox.discard();
    throw e;
  }
}

/**
 * Reopens a practice's sandbox after a restart. Undefined when it cannot continue: the folder is gone, the store
 * found anything it had to quarantine, or the practice conversation is missing.
 */
export async function reopenSandbox(open: OpenSandboxCore, dir: string, agentId: string, conversationId: string): Promise<Sandbox | undefined> {
  if (!existsSync(dir)) return undefined;
  let core: Core;
  try {
    core = await open(dir);
  } catch {
    return undefined;
  }
  const sandbox = new Sandbox(core, dir, agentId);
  if (core.store.isNew || core.store.problems.length > 0 || !core.store.get('conversations', conversationId) || !core.store.get('agents', agentId)) {
    await sandbox.close().catch(() => {});
    return undefined;
  }
  try {
    await sandbox.signIn();
  } catch {
    await sandbox.close().catch(() => {});
    return undefined;
  }
  return sandbox;
}
