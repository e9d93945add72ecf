/**
 * Deterministic demo data for Kefu Desk: customers, agents, conversations with bot triage transcripts,
 * canned replies, ratings, reminders and training scenarios, in Simplified Chinese and English.
 *
 * Same options → deep-equal output: all randomness comes from a seeded PRNG and "now" is an option.
 * Every record passes its schema in shared/schema (the unit test checks it); the generator itself does
 * no zod parsing so that benchmark-sized data (1 000 000 messages) builds in a few seconds.
 */
import {
  COLLECTIONS,
  DEFAULT_SETTINGS,
  type Agent,
  type CannedReply,
  type Category,
  type CollectionName,
  type Conversation,
  type Customer,
  type Locale,
  type Message,
  type Rating,
  type RecordOf,
  type Reminder,
  type TrainingAssignment,
  type Severity,
  type Status,
  type Tier,
} from '../../../shared/schema';
import {
  CANNED,
  EN_FIRST_NAMES,
  EN_LAST_NAMES,
  FOLLOW_UP_SUBJECT,
  GENERIC,
  NOTES,
  RATING_COMMENTS,
  REMINDER_NOTES,
  TRAINING_ASSIGNMENTS,
  SEVERE_COMPLAINTS,
  TEMPLATES,
  ZH_COMPOUND_SURNAMES,
  ZH_GIVEN_NAMES,
  ZH_SURNAMES,
  type IssueTemplate,
} from './phrases';
import { Rng, deriveSeed } from './random';
import { generateDemoComplaints } from './demoComplaints';
import { DEMO_AGENTS, LEAD_ID, cloneAgent } from './demoAgents';
import { type FeaturedConversation, type FeaturedCustomer, FEATURED, FEATURED_MIN_CONVERSATIONS } from './demoFeatured';
import { STATUS_SHARE, CATEGORY_SHARE, CATEGORY_INDEX, MIN_MESSAGES, CONVERSATIONS_PER_CUSTOMER, RATING_WEIGHTS, TRAINEE_RATING_WEIGHTS, quota, ageFor, pad } from './demoDistributions';
import { S_BOT_GREET, S_PROBLEM, S_BOT_FAQ, S_ASK_HUMAN, S_SYSTEM, S_AGENT, S_CUSTOMER, S_NOTE, S_NUDGE, S_BOT_WAIT, S_CUSTOMER_TO_BOT, S_BOT_FOLLOW, PRE_SLOTS, BOT_SLOTS, type Plan, planMessages } from './demoMessagePlan';


export interface DemoOptions {
  seed: number;
  /** "Now" in epoch ms; every generated time is at or before it (reminders excepted: they are due later). */
  now: number;
  conversations: number;
  /** Exactly this many messages per conversation, with ~200-character bodies (benchmarks). Default: 2–8. */
  messagesPerConversation?: number;
}

export type DemoData = { [K in CollectionName]: RecordOf<K>[] };

export const DEMO_SEED = 20261124;
export const DEMO_CONVERSATIONS = 320;
/** The signed-in agent of the demo. */
export const DEMO_DEFAULT_AGENT_ID = 'a-lina';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------------------

interface CustomerMeta {
  id: string;
  name: string;
  tier: Tier;
  locale: Locale;
  firstConversationAt: number;
}

interface Spec {
  order: number;
  customer: number;
  category: Category;
  status: Status;
  createdAt: number;
  featured: boolean;
  template?: number;
  severe?: boolean;
  owner?: string;
}

function makeName(locale: Locale, rng: Rng): string {
  if (locale === 'zh-CN') {
    const surname = rng.chance(0.08) ? rng.pick(ZH_COMPOUND_SURNAMES) : rng.pick(ZH_SURNAMES);
    return surname + rng.pick(ZH_GIVEN_NAMES);
  }
  return `${rng.pick(EN_FIRST_NAMES)} ${rng.pick(EN_LAST_NAMES)}`;
}

export function generateDemoData(opts: DemoOptions): DemoData {
  const conversationCount = Math.floor(opts.conversations);
  if (!Number.isFinite(conversationCount) || conversationCount < 0) throw new Error('conversations must be ≥ 0');
  if (!Number.isFinite(opts.now) || opts.now < 0) throw new Error('now must be an epoch-ms time');
  const fixedMessages = opts.messagesPerConversation;
  if (fixedMessages !== undefined && !(Number.isInteger(fixedMessages) && fixedMessages >= 0)) {
    throw new Error('messagesPerConversation must be a non-negative integer');
  }
  const now = Math.floor(opts.now);
  const earliest = Math.max(0, now - 14 * DAY);

  // Independent streams: e.g. changing the message count does not reshuffle customers or conversations.
  const rngCustomers = new Rng(deriveSeed(opts.seed, 1));
  const rngSpecs = new Rng(deriveSeed(opts.seed, 2));
  const rngConv = new Rng(deriveSeed(opts.seed, 3));
  const rngMsg = new Rng(deriveSeed(opts.seed, 4));
  const rngExtras = new Rng(deriveSeed(opts.seed, 5));

  // --- customers -------------------------------------------------------------------------------------
  const featured = conversationCount >= FEATURED_MIN_CONVERSATIONS ? FEATURED : [];
  const customerCount = conversationCount === 0 ? 0 : Math.max(1, Math.round(conversationCount / 2.5));
  const customerWidth = Math.max(4, String(customerCount).length);
  const customers: CustomerMeta[] = [];
  for (let i = 0; i < customerCount; i++) {
    const f = featured[i];
    const locale: Locale = f ? f.locale : rngCustomers.chance(0.6) ? 'zh-CN' : 'en';
    const tier: Tier = f ? f.tier : rngCustomers.chance(0.2) ? 'vip' : 'normal';
    const name = f ? f.name : makeName(locale, rngCustomers);
    customers.push({ id: `cu-${pad(i + 1, customerWidth)}`, name, tier, locale, firstConversationAt: Infinity });
  }

  // --- conversation specs ----------------------------------------------------------------------------
  const specs: Spec[] = [];
  featured.forEach((f, ci) => {
    for (const c of f.conversations) {
      specs.push({
        order: specs.length, customer: ci, category: c.category, status: c.status,
        createdAt: Math.max(earliest, now - Math.round(c.ageH * HOUR)), featured: true,
        template: c.template, severe: c.severe, owner: c.owner,
      });
    }
  });
  const genericCount = conversationCount - specs.length;
  if (genericCount > 0) {
    const statuses = quota(STATUS_SHARE, genericCount, rngSpecs);
    const categories = quota(CATEGORY_SHARE, genericCount, rngSpecs);
    // How many conversations each generic customer has; adjusted so the total is exact.
    const first = featured.length;
    const generic = customerCount - first;
    const perCustomer: number[] = [];
    let total = 0;
    for (let i = 0; i < generic; i++) {
      const c = rngSpecs.weightedIndex(CONVERSATIONS_PER_CUSTOMER) + 1;
      perCustomer.push(c);
      total += c;
    }
    for (let guard = 0; total !== genericCount && guard < genericCount * 20; guard++) {
      const i = rngSpecs.int(0, generic - 1);
      if (total < genericCount) {
        perCustomer[i]++;
        total++;
      } else if (perCustomer[i] > 1) {
        perCustomer[i]--;
        total--;
      }
    }
    for (let i = 0; total > genericCount && i < generic; i++) {
      while (perCustomer[i] > 1 && total > genericCount) {
        perCustomer[i]--;
        total--;
      }
    }
    for (let i = 0; total < genericCount; i = (i + 1) % generic) {
      perCustomer[i]++;
      total++;
    }
    const owners: number[] = [];
    perCustomer.forEach((c, i) => {
      for (let k = 0; k < c; k++) owners.push(first + i);
    });
    rngSpecs.shuffle(owners);
    for (let k = 0; k < genericCount; k++) {
      const status = statuses[k];
      specs.push({
        order: specs.length, customer: owners[k], category: categories[k], status,
        createdAt: Math.max(earliest, now - Math.round(ageFor(status, rngSpecs))), featured: false,
      });
    }
    // Repeat contacts about the same problem: align some later conversations with the customer's first one.
    const byCustomer = new Map<number, Spec[]>();
    for (const s of specs) {
      if (s.featured) continue;
      const list = byCustomer.get(s.customer);
      if (list) list.push(s);
      else byCustomer.set(s.customer, [s]);
    }
    for (const list of byCustomer.values()) {
      if (list.length < 2) continue;
      list.sort((a, b) => a.createdAt - b.createdAt || a.order - b.order);
      for (let j = 1; j < list.length; j++) if (rngSpecs.chance(0.3)) list[j].category = list[0].category;
    }
    for (const s of specs) {
      if (!s.featured && s.category === 'complaint') s.severe = rngSpecs.chance(0.12);
    }
  }
  specs.sort((a, b) => a.createdAt - b.createdAt || a.order - b.order);

  // --- agents and routing ----------------------------------------------------------------------------
  const agents = DEMO_AGENTS.map(cloneAgent);
  const agentById = new Map(agents.map((a) => [a.id, a]));
  const load = new Map<string, number>(agents.map((a) => [a.id, 0]));
  const candidatesFor = new Map<string, { agent: Agent; weight: number }[]>();
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const [category] of CATEGORY_SHARE) {
      const list: { agent: Agent; weight: number }[] = [];
      for (const a of agents) {
        const skill = a.skills[category] ?? 0;
        if (!a.languages.includes(locale) || skill < 1) continue;
        if (a.role === 'trainee' && (category === 'complaint' || skill < 2)) continue;
        let weight = skill * skill;
        if (a.id === DEMO_DEFAULT_AGENT_ID) weight *= 1.3;
        if (a.role === 'lead') weight *= 0.3;
        if (a.presence === 'away') weight *= 0.5;
        if (a.presence === 'offline') weight *= 0.25;
        list.push({ agent: a, weight });
      }
      candidatesFor.set(`${locale}|${category}`, list);
    }
  }
  const pickAgent = (locale: Locale, category: Category, active: boolean): string => {
    const all = candidatesFor.get(`${locale}|${category}`) ?? [];
    let list = active ? all.filter((c) => (load.get(c.agent.id) ?? 0) < c.agent.capacity) : all;
    if (list.length === 0) list = all;
    if (list.length === 0) return DEMO_DEFAULT_AGENT_ID;
    return list[rngConv.weightedIndex(list.map((c) => c.weight))].agent.id;
  };

  // --- text helpers ----------------------------------------------------------------------------------
  const padded = new Map<string, string>();
  const benchBody = (body: string, kind: 'customer' | 'agent' | 'bot', locale: Locale): string => {
    if (fixedMessages === undefined) return body;
    const key = `${kind}\u0000${body}`;
    let out = padded.get(key);
    if (out === undefined) {
      const fillers = GENERIC[locale].filler[kind];
      let h = 0;
      for (let i = 0; i < body.length; i++) h = (h * 31 + body.charCodeAt(i)) >>> 0;
      const sep = locale === 'en' ? ' ' : '';
      out = body;
      for (let k = 0; out.length < 190; k++) out += sep + fillers[(h + k) % fillers.length];
      padded.set(key, out);
    }
    return out;
  };
  const introCache = new Map<string, string>();
  const agentIntro = (agentId: string, locale: Locale): string => {
    const key = `${agentId}|${locale}`;
    let s = introCache.get(key);
    if (s === undefined) {
      const name = agentById.get(agentId)?.name ?? agentId;
      s = GENERIC[locale].agentIntro.replace('%s', name);
      introCache.set(key, s);
    }
    return s;
  };

  // --- conversations and messages --------------------------------------------------------------------
  const conversations: Conversation[] = [];
  const messages: Message[] = [];
  const ratings: Rating[] = [];
  const convWidth = Math.max(5, String(specs.length).length);
  const msgWidth = 7;
  let messageSeq = 0;
  const lastByIssue = new Map<number, { id: string; ownerId: string | null; contactCount: number }>();

  specs.forEach((spec, index) => {
    const id = `c-${pad(index + 1, convWidth)}`;
    const cust = customers[spec.customer];
    const locale = cust.locale;
    const { category, status, createdAt } = spec;
    const severity: Severity = category === 'complaint' && spec.severe ? 'severe' : 'normal';
    const upgradedLater = !spec.featured && cust.tier === 'vip' && now - createdAt > 10 * DAY && rngConv.chance(0.3);
    const tierAtArrival: Tier = upgradedLater ? 'normal' : cust.tier;

    const pool: IssueTemplate[] = severity === 'severe' ? SEVERE_COMPLAINTS[locale] : TEMPLATES[locale][category];
    const template = pool[(spec.template ?? rngConv.int(0, pool.length - 1)) % pool.length];

    // Repeated contact about the same kind of issue goes back to the dedicated owner.
    const issueKey = spec.customer * 8 + CATEGORY_INDEX[category];
    const prior = lastByIssue.get(issueKey);
    const followUp = prior !== undefined && (spec.featured || rngConv.chance(0.75));
    const contactCount = followUp ? prior.contactCount + 1 : !spec.featured && rngConv.chance(0.1) ? 2 : 1;

    const handled = status === 'open' || status === 'pending' || status === 'resolved' || status === 'closed';
    const active = status === 'open' || status === 'pending';
    let ownerId: string | null = null;
    let assigneeId: string | null = null;
    if (handled) {
      if (spec.owner) ownerId = spec.owner;
      else if (severity === 'severe') ownerId = LEAD_ID;
      else if (followUp && prior.ownerId) ownerId = prior.ownerId;
      else ownerId = pickAgent(locale, category, active);
      assigneeId = ownerId;
      const owner = agentById.get(ownerId);
      if (active && owner && owner.presence !== 'online' && rngConv.chance(0.3)) {
        // The owner is away: a colleague covers for now.
        assigneeId = pickAgent(locale, category, true);
      } else if (active && owner && followUp && (load.get(ownerId) ?? 0) >= owner.capacity) {
        // The dedicated owner is full: they stay the owner, a colleague works it now.
        assigneeId = pickAgent(locale, category, true);
      }
      if (active) load.set(assigneeId, (load.get(assigneeId) ?? 0) + 1);
    } else if (status === 'queued') {
      if (severity === 'severe') ownerId = LEAD_ID;
      else if (followUp && prior.ownerId) ownerId = prior.ownerId;
    }
    lastByIssue.set(issueKey, { id, ownerId: ownerId ?? prior?.ownerId ?? null, contactCount });

    const tags = [...template.tags];
    if (tierAtArrival === 'vip') tags.push('vip');
    if (followUp) tags.push('follow-up');
    else if (contactCount > 1) tags.push('repeat-contact');
    if (severity === 'severe') tags.push('severe', 'escalated');

    // Times.
    const botDuration = status === 'bot' ? 0 : rngConv.int(2 * MIN, 8 * MIN);
    const queuedAt = status === 'bot' ? null : Math.min(createdAt + botDuration, now - MIN);
    let dueAt: number | null = null;
    if (queuedAt !== null && (status === 'queued' || status === 'open' || status === 'pending')) {
      dueAt = queuedAt + (category === 'complaint' ? 9 * DAY : tierAtArrival === 'vip' ? 12 * HOUR : 24 * HOUR);
    }
    let resolvedAt: number | null = null;
    let closedAt = 0;
    let postStart = 0;
    let postEnd = 0;
    if (queuedAt !== null) {
      const span = now - queuedAt;
      if (status === 'resolved' || status === 'closed') {
        const hi = Math.min(2 * DAY, span * 0.8);
        resolvedAt = Math.floor(queuedAt + rngConv.float(Math.min(30 * MIN, hi), hi));
        const work = resolvedAt - queuedAt;
        postStart = queuedAt + Math.floor(rngConv.float(Math.min(2 * MIN, work * 0.2), Math.max(work * 0.2, Math.min(3 * HOUR, work * 0.4))));
        postEnd = resolvedAt - 30_000;
        if (status === 'closed') closedAt = Math.min(now, resolvedAt + Math.floor(rngConv.float(1 * DAY, 3 * DAY)));
      } else if (status === 'queued') {
        postStart = queuedAt + 20_000;
        postEnd = now - 5_000;
      } else {
        const firstResponse = Math.min(span * 0.5, Math.max(2 * MIN, Math.min(3 * HOUR, span * 0.5)));
        postStart = queuedAt + Math.floor(rngConv.float(Math.min(2 * MIN, firstResponse), firstResponse));
        postEnd = now - Math.floor(rngConv.float(0.02, 0.3) * (now - postStart));
      }
    }

    // Messages.
    const n = fixedMessages ?? rngMsg.int(MIN_MESSAGES[status], 8);
    const plan = planMessages(status, n, rngMsg);
    const g = GENERIC[locale];
    const agentId = assigneeId ?? ownerId ?? DEMO_DEFAULT_AGENT_ID;
    let agentSlotsLeft = 0;
    for (const s of plan.post) if (s === S_AGENT) agentSlotsLeft++;
    let agentSeen = 0;
    let customerSeen = 0;
    let botFaqSeen = false;
    let lastAt = -1;
    let lastPublicAgentAt = null as number | null;
    const resolvedLike = status === 'resolved' || status === 'closed';

    const emit = (slot: number, at: number, isLast: boolean): void => {
      let author: Message['author'];
      let authorId: string | null = null;
      let body: string;
      let internal = false;
      switch (slot) {
        case S_BOT_GREET:
          author = 'bot';
          body = benchBody(rngMsg.pick(g.botGreet), 'bot', locale);
          break;
        case S_PROBLEM:
          author = 'customer';
          authorId = cust.id;
          body = benchBody(template.problem, 'customer', locale);
          break;
        case S_BOT_FAQ:
          author = 'bot';
          body = benchBody(template.botFaq, 'bot', locale);
          botFaqSeen = true;
          break;
        case S_BOT_FOLLOW:
          author = 'bot';
          body = benchBody(botFaqSeen ? rngMsg.pick(g.botFollow) : template.botFaq, 'bot', locale);
          break;
        case S_BOT_WAIT:
          author = 'bot';
          body = benchBody(rngMsg.pick(g.botWait), 'bot', locale);
          break;
        case S_ASK_HUMAN:
          author = 'customer';
          authorId = cust.id;
          body = benchBody(rngMsg.pick(g.askHuman), 'customer', locale);
          break;
        case S_CUSTOMER_TO_BOT:
          author = 'customer';
          authorId = cust.id;
          body = benchBody(rngMsg.pick(g.customerToBot), 'customer', locale);
          break;
        case S_NUDGE:
          author = 'customer';
          authorId = cust.id;
          body = benchBody(rngMsg.pick(g.nudge), 'customer', locale);
          break;
        case S_SYSTEM:
          author = 'system';
          body = g.system;
          break;
        case S_NOTE:
          author = 'agent';
          authorId = agentId;
          internal = true;
          body = benchBody(rngMsg.pick(NOTES[locale][category]), 'agent', locale);
          break;
        case S_AGENT: {
          author = 'agent';
          authorId = agentId;
          agentSeen++;
          const first = agentSeen === 1;
          const last = agentSeen === agentSlotsLeft;
          let text: string;
          if (last && resolvedLike) text = template.agentSolve;
          else if (first) text = template.agentAsk;
          else if (last && status === 'pending') text = rngMsg.pick(g.agentPendingAsk);
          else text = rngMsg.pick(g.agentProgress);
          body = benchBody(first ? agentIntro(agentId, locale) + text : text, 'agent', locale);
          break;
        }
        default: {
          author = 'customer';
          authorId = cust.id;
          customerSeen++;
          let text: string;
          if (isLast && resolvedLike) text = rngMsg.pick(g.customerThanks);
          else if (customerSeen === 1) text = template.customerInfo;
          else text = rngMsg.pick(g.customerFollow);
          body = benchBody(text, 'customer', locale);
        }
      }
      const t = at > lastAt ? at : lastAt + 1;
      lastAt = t;
      if (author === 'agent' && !internal) lastPublicAgentAt = t;
      messageSeq++;
      messages.push({
        id: `m-${pad(messageSeq, msgWidth)}`,
        conversationId: id,
        author,
        authorId,
        body,
        at: t,
        internal,
      });
    };

    const total = plan.pre.length + (plan.system ? 1 : 0) + plan.post.length;
    let emitted = 0;
    if (status === 'bot') {
      const end = Math.max(createdAt + plan.pre.length * 1000, now - 5_000);
      const step = (end - createdAt) / Math.max(1, plan.pre.length);
      plan.pre.forEach((slot, i) => {
        const at = i === 0 ? createdAt : createdAt + Math.floor(step * (i - 0.9 + 0.8 * rngMsg.next()));
        emit(slot, Math.min(at, now), ++emitted === total);
      });
    } else {
      const qAt = queuedAt as number;
      const step = (qAt - createdAt) / Math.max(1, plan.pre.length);
      plan.pre.forEach((slot, i) => {
        const at = i === 0 ? createdAt : createdAt + Math.floor(step * (i + 0.1 + 0.8 * rngMsg.next()));
        emit(slot, at, ++emitted === total);
      });
      if (plan.system) emit(S_SYSTEM, qAt, ++emitted === total);
      const m = plan.post.length;
      if (m > 0) {
        const end = Math.max(postEnd, postStart + m * 1000);
        const pstep = (end - postStart) / m;
        plan.post.forEach((slot, j) => {
          const at = postStart + Math.floor(pstep * (j + 0.1 + 0.8 * rngMsg.next()));
          emit(slot, Math.min(at, now), ++emitted === total);
        });
      }
    }

    const lastMessageAt = lastAt >= 0 ? lastAt : createdAt;
    // The clocks (the SLA engine recomputes the due time from them): from the hand-over while work is owed; a
    // pending conversation is paused since the agent's last message.
    const slaClockStartedAt = dueAt !== null ? queuedAt : null;
    const slaPausedAt = status === 'pending' ? lastPublicAgentAt ?? Math.max(lastMessageAt, (queuedAt as number) + MIN) : null;
    const ownerPresence = ownerId ? agentById.get(ownerId)?.presence : undefined;
    const ownerAway = active || status === 'queued' ? ownerPresence !== undefined && ownerPresence !== 'online' && assigneeId !== ownerId : false;
    const updatedAt = Math.max(lastMessageAt, queuedAt ?? 0, resolvedAt ?? 0, slaPausedAt ?? 0, closedAt, createdAt);
    const subject = followUp ? FOLLOW_UP_SUBJECT[locale] + template.subject : template.subject;
    conversations.push({
      id,
      customerId: cust.id,
      category,
      status,
      tierAtArrival,
      subject,
      createdAt,
      queuedAt,
      dueAt,
      ownerId,
      assigneeId,
      tags,
      contactCount,
      severity,
      updatedAt,
      lastMessageAt,
      resolvedAt,
      slaClockStartedAt,
      responseTier: slaClockStartedAt !== null ? tierAtArrival : null,
      slaPausedAt,
      slaPausedMs: 0,
      resultClockStartedAt: slaClockStartedAt,
      resultPausedMs: 0,
      escalatedAt: severity === 'severe' && queuedAt !== null ? queuedAt : null,
      linkedToId: followUp ? prior.id : null,
      ownerAway,
      snoozedUntil: null,
    });
    if (createdAt < cust.firstConversationAt) cust.firstConversationAt = createdAt;

    if (resolvedLike && assigneeId && resolvedAt !== null && (spec.featured || rngConv.chance(0.6))) {
      const trainee = agentById.get(assigneeId)?.role === 'trainee';
      const score = rngConv.weightedIndex(trainee ? TRAINEE_RATING_WEIGHTS : RATING_WEIGHTS) + 1;
      const comment = rngConv.chance(0.75) ? rngConv.pick(RATING_COMMENTS[locale][score - 1]) : '';
      ratings.push({
        id: '',
        conversationId: id,
        agentId: assigneeId,
        customerId: cust.id,
        score,
        comment,
        at: Math.max(resolvedAt, Math.min(now, resolvedAt + Math.floor(rngConv.float(2 * MIN, 6 * HOUR)))),
      });
    }
  });
  ratings.sort((a, b) => a.at - b.at || (a.conversationId < b.conversationId ? -1 : 1));
  const ratingWidth = Math.max(4, String(ratings.length).length);
  ratings.forEach((r, i) => (r.id = `rt-${pad(i + 1, ratingWidth)}`));

  const customerRecords: Customer[] = customers.map((c) => {
    const anchor = Number.isFinite(c.firstConversationAt) ? c.firstConversationAt : now;
    return {
      id: c.id,
      name: c.name,
      tier: c.tier,
      locale: c.locale,
      createdAt: Math.max(0, anchor - Math.floor(rngCustomers.float(1 * DAY, 900 * DAY))),
    };
  });

  // --- canned replies, reminders, scenarios ----------------------------------------------------------
  const cannedReplies: CannedReply[] = CANNED.map((c, i) => ({
    id: `cr-${pad(i + 1, 2)}`,
    title: c.title,
    body: c.body,
    category: c.category,
    locale: c.locale,
    shortcut: c.shortcut,
    scope: c.scope,
    ownerId: c.scope === 'personal' ? DEMO_DEFAULT_AGENT_ID : null,
    usageCount: c.scope === 'personal' ? rngExtras.int(0, 60) : rngExtras.int(5, 900),
    createdAt: Math.max(0, now - Math.floor(rngExtras.float(20 * DAY, 400 * DAY))),
  }));

  const reminders: Reminder[] = [];
  const mine = conversations.filter(
    (c) => c.ownerId === DEMO_DEFAULT_AGENT_ID && (c.status === 'pending' || c.status === 'open'),
  );
  mine.sort((a, b) => (a.status === b.status ? 0 : a.status === 'pending' ? -1 : 1));
  const reminderDue = [2 * HOUR, 26 * HOUR, 3 * DAY];
  for (let i = 0; i < Math.min(3, mine.length); i++) {
    const c = mine[i];
    reminders.push({
      id: `rm-${pad(i + 1, 2)}`,
      conversationId: c.id,
      agentId: DEMO_DEFAULT_AGENT_ID,
      dueAt: now + reminderDue[i],
      note: REMINDER_NOTES[i % REMINDER_NOTES.length],
      status: 'scheduled',
      createdAt: Math.max(c.createdAt, now - Math.floor(rngExtras.float(10 * MIN, 3 * HOUR))),
      firedAt: null,
      late: false,
    });
  }

  // Training: the scenarios are the built-in library (shared/data/training); the trainee has assignments from the lead.
  const trainee = agents.find((a) => a.role === 'trainee');
  const trainingAssignments: TrainingAssignment[] = trainee
    ? TRAINING_ASSIGNMENTS.map((t, i) => ({
        id: `ta-${pad(i + 1, 2)}`,
        scenarioId: t.scenarioId,
        agentId: trainee.id,
        assignedBy: LEAD_ID,
        assignedAt: now - t.assignedDaysAgo * DAY,
        dueAt: now + t.dueInDays * DAY,
      }))
    : [];

  // Every collection starts empty (training attempts, audit, preferences, drafts, notices, and any added later).
  const out = {} as DemoData;
  for (const coll of COLLECTIONS) (out as Record<CollectionName, unknown[]>)[coll] = [];
  out.customers = customerRecords;
  out.agents = agents;
  out.conversations = conversations;
  out.messages = messages;
  out.cannedReplies = cannedReplies;
  out.reminders = reminders;
  out.ratings = ratings;
  out.trainingAssignments = trainingAssignments;
  out.settings = [{ ...DEFAULT_SETTINGS, slaHours: { ...DEFAULT_SETTINGS.slaHours } }];
  // Complaint records for the complaint conversations (issue 12), on a random stream of their own.
  const locales = new Map(customerRecords.map((c) => [c.id, c.locale]));
  out.complaints = generateDemoComplaints({ seed: deriveSeed(opts.seed, 6), now, conversations, messages, locales });
  return out;
}
