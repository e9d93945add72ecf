/** Which kinds of message a conversation of a given status has, in order. */
import type { Status } from '../../../shared/schema';
import type { Rng } from './random';

// ---------------------------------------------------------------------------------------------------
// Message plans
// ---------------------------------------------------------------------------------------------------

export const S_BOT_GREET = 0;
export const S_PROBLEM = 1;
export const S_BOT_FAQ = 2;
export const S_ASK_HUMAN = 3;
export const S_SYSTEM = 4;
export const S_AGENT = 5;
export const S_CUSTOMER = 6;
export const S_NOTE = 7;
export const S_NUDGE = 8;
export const S_BOT_WAIT = 9;
export const S_CUSTOMER_TO_BOT = 10;
export const S_BOT_FOLLOW = 11;

export const PRE_SLOTS = [S_BOT_GREET, S_PROBLEM, S_BOT_FAQ, S_ASK_HUMAN];
export const BOT_SLOTS = [S_BOT_GREET, S_PROBLEM, S_BOT_FAQ, S_CUSTOMER_TO_BOT, S_BOT_FOLLOW];

export interface Plan {
  /** Slots with the bot before the hand-over. */
  pre: number[];
  system: boolean;
  /** Slots after the hand-over. */
  post: number[];
}

export function planMessages(status: Status, n: number, rng: Rng): Plan {
  if (status === 'bot') {
    const pre: number[] = [];
    for (let i = 0; i < n; i++) pre.push(i < BOT_SLOTS.length ? BOT_SLOTS[i] : i % 2 === 1 ? S_CUSTOMER_TO_BOT : S_BOT_FOLLOW);
    return { pre, system: false, post: [] };
  }
  const preLen = n >= 6 ? 4 : n === 5 ? (rng.chance(0.5) ? 4 : 2) : Math.min(n, 2);
  const pre = PRE_SLOTS.slice(0, preLen);
  const rest = n - preLen;
  let system = rest >= 1 && rng.chance(status === 'queued' ? 0.6 : 0.45);
  let m = rest - (system ? 1 : 0);
  if (status !== 'queued' && m === 0 && system) {
    // An agent turn matters more than the hand-over notice.
    system = false;
    m = 1;
  }
  if (status === 'pending' && m >= 1 && m % 2 === 0) {
    // Waiting for the customer: the last public message is the agent's, so make the post part odd.
    if (system) {
      system = false;
      m++;
    } else {
      system = true;
      m--;
    }
  }
  const post: number[] = [];
  if (status === 'queued') {
    for (let i = 0; i < m; i++) post.push(i % 2 === 0 ? S_NUDGE : S_BOT_WAIT);
  } else {
    for (let i = 0; i < m; i++) post.push(i % 2 === 0 ? S_AGENT : S_CUSTOMER);
    if (m >= 3 && rng.chance(0.2)) {
      // An internal note in place of a customer turn: agent, note, agent.
      const candidates: number[] = [];
      for (let j = 1; j < m - 1; j++) if (post[j] === S_CUSTOMER) candidates.push(j);
      if (candidates.length > 0) post[rng.pick(candidates)] = S_NOTE;
    }
  }
  return { pre, system, post };
}

