import { randomBytes } from 'node:crypto';
import { clockOnCustomerMessage } from '../../../../shared/rules/sla';
import { customerStep, impatienceDue, typingDelayMs } from '../../../../shared/rules/training/branching';
import type { Tokenize } from '../../../../shared/rules/training/text';
import type { Transcript, TranscriptMessage } from '../../../../shared/rules/training/transcript';
import { DEFAULT_SETTINGS, type Conversation, type Message, type TrainingAttempt } from '../../../../shared/schema';
import { topic, type Topic } from '../../../../shared/contract';
import type { Clock } from '../../clock';
import type { Sandbox } from './sandbox';

export type DriverState = TrainingAttempt['driver'];

export interface DriverHooks {
  clock: Clock;
  tokenize: Tokenize;
  /** Keeps the driver's position in the live attempt record (so a restart resumes where it was). */
  save(state: DriverState): Promise<void>;
  /** Change topics for the live feed (the renderer listens there). */
  publish(topics: Topic[]): void;
  log(level: 'info' | 'warn' | 'error', msg: string): void;
}

/**
 * The simulated customer of one practice. It reads the sandbox conversation: when the trainee has replied since the
 * customer last spoke, it answers after a typing delay (shared/rules/training/branching.ts) on the core's clock,
 * following the scenario's branches; when the trainee is silent for the scenario's impatience time, it chases.
 * `evaluate` runs on every tick of the live core (a manual clock ticks when moved, so tests never sleep), on every
 * sandbox commit, and on a timer at the next moment something is due when the clock is the system clock.
 */
export class CustomerDriver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly offCommit: () => void;

  constructor(
    private readonly sandbox: Sandbox,
    private readonly attempt: Pick<TrainingAttempt, 'id' | 'scenario' | 'sandboxConversationId'>,
    private state: DriverState,
    private readonly hooks: DriverHooks,
  ) {
    this.offCommit = sandbox.core.store.onCommit((changes) => {
      if (changes.some((c) => c.coll === 'messages' && c.op === 'put' && c.rec.conversationId === attempt.sandboxConversationId && c.rec.author === 'agent')) {
        queueMicrotask(() => void this.evaluate()); // never commit from inside another commit's listener
      }
    });
  }

  get position(): DriverState {
    return this.state;
  }

  stop(): void {
    this.stopped = true;
    this.offCommit();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private conversation(): Conversation | undefined {
    return this.sandbox.core.store.get('conversations', this.attempt.sandboxConversationId);
  }

  /** The public thread, oldest first: the customer's messages and the trainee's replies (notes never count). */
  thread(): Message[] {
    const out: Message[] = [];
    for (const m of this.sandbox.core.store.all('messages').values()) {
      if (m.conversationId === this.attempt.sandboxConversationId && !m.internal && (m.author === 'customer' || m.author === 'agent')) out.push(m);
    }
    // Same-millisecond messages keep the order they were written in (the store's insertion order; the sort is
    // stable): ids come from two factories (the customer's and the sandbox's), so comparing them says nothing.
    return out.sort((a, b) => a.at - b.at);
  }

  /** Escalated in the workspace: marked severe (escalatedAt) or handed to a lead. */
  escalated(): boolean {
    const c = this.conversation();
    if (!c) return false;
    if (c.escalatedAt !== null) return true;
    const holder = c.assigneeId ?? c.ownerId;
    return holder !== null && holder !== this.sandbox.agentId && this.sandbox.core.store.get('agents', holder)?.role === 'lead';
  }

  /** The practice as the grader reads it. */
  transcript(finishedAt: number): Transcript {
    const impatient = new Set(this.state.impatientIds);
    const messages: TranscriptMessage[] = this.thread().map((m) => ({ who: m.author === 'customer' ? 'customer' : 'trainee', text: m.body, at: m.at, impatient: impatient.has(m.id) }));
    const c = this.conversation();
    return { messages, finishedAt, chosenCategory: c?.category ?? null, escalated: this.escalated(), end: this.state.end, allowedIds: c ? [c.id] : [] };
  }

  /** Never rejects: a failure is logged (the practice goes on; the trainee's next action evaluates again). */
  async evaluate(): Promise<void> {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      const next = await this.step();
      if (this.stopped) return;
      if (next !== null && !this.hooks.clock.manual) {
        this.timer = setTimeout(() => void this.evaluate(), Math.max(50, next - this.hooks.clock.now()));
        this.timer.unref?.();
      }
    } catch (e) {
      this.hooks.log('error', `training: the simulated customer of ${this.attempt.id} failed: ${(e as Error).stack ?? e}`);
    }
  }

  /** Says what is due now; returns when something is due next (null: nothing until the trainee acts). */
  private async step(): Promise<number | null> {
    if (this.state.end !== null) return null;
    const c = this.conversation();
    if (!c || c.status === 'closed' || c.status === 'resolved') return null;
    const now = this.hooks.clock.now();
    const thread = this.thread();
    let lastCustomer = -1;
    thread.forEach((m, i) => {
      if (m.author === 'customer') lastCustomer = i;
    });
    const replies = thread.slice(lastCustomer + 1);
    const scenario = this.attempt.scenario;
    if (replies.length > 0) {
      const said = replies.map((m) => m.body).join('\n');
      const s = customerStep(scenario, this.state, said, { escalated: this.escalated() }, this.hooks.tokenize);
      if (s.text === null) return null;
      const due = replies[replies.length - 1].at + typingDelayMs(s.text);
      if (now < due) return due;
      const id = await this.say(c, s.text, now);
      this.state = { ...this.state, nodeId: s.nodeId, fallbacksUsed: s.fallbacksUsed, followUpsSent: 0, end: s.end, impatientIds: this.state.impatientIds };
      await this.hooks.save(this.state);
      this.hooks.log('info', `training ${this.attempt.id}: customer ${s.branched ? `→ ${s.nodeId}` : 'fallback'} (${id})`);
      return null;
    }
    const last = thread[lastCustomer];
    if (!last) return null;
    const imp = impatienceDue(scenario, last.at, this.state.followUpsSent, false, now);
    if (imp) {
      const id = await this.say(c, imp.text, now);
      this.state = { ...this.state, followUpsSent: this.state.followUpsSent + 1, impatientIds: [...this.state.impatientIds, id] };
      await this.hooks.save(this.state);
      return scenario.impatience && this.state.followUpsSent < scenario.impatience.messages.length ? now + scenario.impatience.afterSeconds * 1000 : null;
    }
    return scenario.impatience && this.state.followUpsSent < scenario.impatience.messages.length ? last.at + scenario.impatience.afterSeconds * 1000 : null;
  }

  /** The customer's message lands like intake's: a pending conversation resumes, a response is owed. */
  private async say(c: Conversation, text: string, now: number): Promise<string> {
    const store = this.sandbox.core.store;
    const customer = store.get('customers', c.customerId);
    const settings = store.get('settings', 'global') ?? DEFAULT_SETTINGS;
    const tier = customer?.tier ?? c.tierAtArrival;
    const after: Conversation = {
      ...c,
      status: c.status === 'queued' ? 'queued' : 'open',
      ...clockOnCustomerMessage(c, now, tier, settings),
      snoozedUntil: null,
      updatedAt: now,
      lastMessageAt: now,
    };
    const message: Message = { id: `m-tr${now.toString(36)}${randomBytes(4).toString('hex')}`, conversationId: c.id, author: 'customer', authorId: c.customerId, body: text, at: now, internal: false };
    await store.commit([
      { op: 'put', coll: 'conversations', rec: after },
      { op: 'put', coll: 'messages', rec: message },
    ]);
    this.hooks.publish([topic.queue, topic.conversation(c.id), topic.customer(c.customerId)]);
    return message.id;
  }
}
