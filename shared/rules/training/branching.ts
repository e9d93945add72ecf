import type { ScenarioNode, TrainingEnd, TrainingScenario } from '../../schema/training';
import { detectIntents, matchKeyPoints } from './match';
import { readText, type Tokenize } from './text';

/** Where the simulated customer is: the node it last spoke from, and how many fallbacks it used there. */
export interface DriverPosition {
  nodeId: string;
  fallbacksUsed: number;
}

/** The customer's answer to what the trainee wrote since its last message. */
export interface CustomerStep {
  /** The node the customer is at afterwards (the same one after a fallback). */
  nodeId: string;
  /** What it says; null: nothing (no branch held and the node has no fallback). */
  text: string | null;
  /** Whether a branch was taken (false: a fallback or silence). */
  branched: boolean;
  fallbacksUsed: number;
  /** Key point ids the replies covered (all of the scenario's, required or not). */
  matched: string[];
  /** Set when the node reached ends the conversation. */
  end: TrainingEnd | null;
}

export function nodeOf(scenario: TrainingScenario, id: string): ScenarioNode | undefined {
  return scenario.nodes.find((n) => n.id === id);
}

/**
 * The branching rule (docs/rules.md "Training"): the trainee's replies since the customer last spoke are read
 * together; the first branch of the current node whose condition holds (every `all` key point, one `any` key point
 * when listed, every intent) moves the customer to its node, which says its text. No branch: the node's next
 * fallback (the last one repeats) and the customer stays put. Pure; the same function drives practice and "try it".
 */
export function customerStep(
  scenario: TrainingScenario,
  at: DriverPosition,
  replies: string,
  workspace: { escalated: boolean },
  tokenize: Tokenize,
): CustomerStep {
  const node = nodeOf(scenario, at.nodeId);
  if (!node) throw new Error(`scenario ${scenario.id} has no node ${at.nodeId}`);
  const read = readText(replies, tokenize);
  const matched = matchKeyPoints(read, scenario.keyPoints, tokenize).map((h) => h.id);
  const has = new Set(matched);
  const intents = new Set(detectIntents(read.norm, workspace));
  const branch = node.branches.find(
    (b) => b.when.all.every((k) => has.has(k)) && (b.when.any.length === 0 || b.when.any.some((k) => has.has(k))) && b.when.intents.every((i) => intents.has(i)),
  );
  if (branch) {
    const next = nodeOf(scenario, branch.next);
    if (!next) throw new Error(`scenario ${scenario.id} has no node ${branch.next}`);
    return { nodeId: next.id, text: next.customer, branched: true, fallbacksUsed: 0, matched, end: next.end };
  }
  if (node.fallbacks.length === 0) return { nodeId: node.id, text: null, branched: false, fallbacksUsed: at.fallbacksUsed, matched, end: null };
  const text = node.fallbacks[Math.min(at.fallbacksUsed, node.fallbacks.length - 1)];
  return { nodeId: node.id, text, branched: false, fallbacksUsed: at.fallbacksUsed + 1, matched, end: null };
}

/** The impatient follow-up due now, if any: `afterSeconds` after the customer's last message (or the previous follow-up) without a reply. */
export function impatienceDue(
  scenario: TrainingScenario,
  lastCustomerAt: number,
  followUpsSent: number,
  repliedSince: boolean,
  now: number,
): { text: string; at: number } | null {
  const imp = scenario.impatience;
  if (!imp || repliedSince || followUpsSent >= imp.messages.length) return null;
  const at = lastCustomerAt + imp.afterSeconds * 1000;
  return now >= at ? { text: imp.messages[followUpsSent], at } : null;
}

/**
 * How long the simulated customer takes to answer: reading the reply and typing its own text, like a person on a
 * phone (1.5 s, plus 150 ms a character up to 80 characters: 2.7 s for "好的", 13.5 s for a long message).
 */
export function typingDelayMs(text: string): number {
  return 1500 + 150 * Math.min(80, Array.from(text).length);
}
