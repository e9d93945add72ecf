/**
 * The demo's complaint records (issue 12): one per complaint conversation that reached a person, laid out around
 * "now" from their conversations: waiting ones open, worked ones open or under investigation, resolved ones with a
 * result, closed ones closed; a share of results given after the deadline (closed late); some upheld. Deterministic:
 * its own random stream, so the other demo records do not move when this changes.
 */
import type { Complaint, Conversation, Locale, Message } from '../../../shared/schema';
import { DEFAULT_SETTINGS } from '../../../shared/schema';
import { complaintDeadline, dueSoonAt, escalationReasons } from '../../../shared/rules/complaints';
import { suggestSeverity, suggestSubject } from '../../../shared/rules/complaintSeverity';
import { LEAD_ID } from './demoAgents';
import { Rng } from './random';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const RESULTS: Record<Locale, { upheld: string[]; rejected: string[] }> = {
  'zh-CN': {
    upheld: [
      '经核实，当时的处理确有不当。我们已向您致歉，退回相关款项，并对相关客服进行了辅导。',
      '核实情况属实：问题未在承诺时间内解决。已为您补发权益并赠送 30 元优惠券，对给您带来的不便深表歉意。',
      '投诉成立。我们已修复问题并恢复您的账号功能，同时将在流程上改进，避免再次发生。',
    ],
    rejected: [
      '经调取记录核实，扣款为您开通的自动续费所产生，符合当时的协议约定。我们已为您关闭自动续费。',
      '经核实，相关视频因违反社区规范被限流，处理符合平台规则。如有异议可再次提交申诉材料。',
      '核实通话与聊天记录，客服回复符合服务规范。我们仍会持续改进沟通方式，感谢您的反馈。',
    ],
  },
  en: {
    upheld: [
      'We checked and the handling was not right. We apologise, have refunded the charge and coached the agent involved.',
      'Confirmed: the problem was not fixed in the time we promised. We restored your benefits and added a $5 coupon; sorry for the trouble.',
      'Your complaint is upheld. The problem is fixed, your account works again, and we are changing the process so it does not recur.',
    ],
    rejected: [
      'We checked the records: the charge comes from the auto-renewal you turned on, as agreed at the time. We have switched auto-renewal off for you.',
      'We checked: the video was limited for breaking the community guidelines, in line with the rules. You may appeal again with more material.',
      'We reviewed the chat: the agent replied within our service standards. We will still work on how we explain things; thank you for telling us.',
    ],
  },
};

export function generateDemoComplaints(opts: {
  seed: number;
  now: number;
  conversations: readonly Conversation[];
  messages: readonly Message[];
  locales: ReadonlyMap<string, Locale>;
}): Complaint[] {
  const { now } = opts;
  const rng = new Rng(opts.seed);
  const complaints = opts.conversations.filter((c) => c.category === 'complaint' && c.queuedAt !== null);
  const ids = new Set(complaints.map((c) => c.id));
  const words = new Map<string, string[]>();
  for (const m of opts.messages) {
    if (m.author !== 'customer' || !ids.has(m.conversationId)) continue;
    const list = words.get(m.conversationId);
    if (list) list.push(m.body);
    else words.set(m.conversationId, [m.body]);
  }
  const byId = new Map(opts.conversations.map((c) => [c.id, c]));
  const width = Math.max(4, String(complaints.length).length);
  // The demo shows a late result at least once: the first complaint old enough for one always has it.
  let lateShown = false;

  return complaints.map((c, i): Complaint => {
    const text = [c.subject, ...(words.get(c.id) ?? [])].join('\n');
    const suggestion = suggestSeverity(text);
    const subject = suggestSubject(text);
    const locale = opts.locales.get(c.customerId) ?? 'zh-CN';
    const openedAt = c.queuedAt as number;
    const dueAt = complaintDeadline(openedAt, DEFAULT_SETTINGS).dueAt;
    const prior = c.linkedToId ? byId.get(c.linkedToId) : undefined;
    const rec: Complaint = {
      id: `cp-${String(i + 1).padStart(width, '0')}`,
      conversationId: c.id,
      customerId: c.customerId,
      // An attitude complaint on a follow-up is about whoever had the issue before.
      aboutAgentId: subject === 'attitude' && prior?.ownerId ? prior.ownerId : null,
      subject,
      severity: c.severity,
      suggestedSeverity: suggestion.severity,
      severitySignals: suggestion.signals,
      severityMatches: suggestion.matches.map((m) => m.slice(0, 60)),
      // The lead took the severe ones (demoData makes them the owner); other suggestions wait for a look.
      severityConfirmedBy: c.severity === 'severe' ? LEAD_ID : null,
      status: 'open',
      openedAt,
      dueAt,
      handlerId: null,
      result: '',
      resultAt: null,
      upheld: null,
      closedAt: null,
      escalatedAt: null,
      escalationReason: null,
      escalations: [],
      createdBy: 'system',
      updatedAt: openedAt,
    };
    if (c.status === 'open' || c.status === 'pending') {
      if (rng.chance(0.6)) Object.assign(rec, { status: 'investigating', handlerId: c.severity === 'severe' ? LEAD_ID : (c.ownerId ?? LEAD_ID) });
    } else if (c.status === 'resolved' || c.status === 'closed') {
      const upheld = rng.chance(0.4);
      const eligible = now - dueAt > DAY;
      const late = eligible && (!lateShown || rng.chance(0.5));
      if (late) lateShown = true;
      const resultAt = late ? Math.floor(dueAt + rng.float(HOUR, Math.min(2 * DAY, now - dueAt - HOUR))) : Math.max(openedAt, c.resolvedAt ?? openedAt);
      const pool = RESULTS[locale][upheld ? 'upheld' : 'rejected'];
      Object.assign(rec, { status: 'result_given', handlerId: c.ownerId ?? LEAD_ID, result: rng.pick(pool), upheld, resultAt, updatedAt: resultAt });
      // Most results given are closed by now; a closed conversation's complaint always is.
      if (c.status === 'closed' || late || rng.chance(0.7)) {
        const closedAt = Math.min(now, resultAt + Math.floor(rng.float(HOUR, DAY)));
        Object.assign(rec, { status: 'closed', closedAt, updatedAt: closedAt });
      }
    }
    // Thresholds already passed count as escalated at their time (the demo starts without a flood of notices).
    const at = { severe: openedAt, due_soon: dueSoonAt(rec), overdue: dueAt } as const;
    const reasons = rec.status === 'closed' && rec.resultAt !== null && rec.resultAt >= dueAt ? (['overdue'] as const) : escalationReasons(rec, now);
    if (reasons.length > 0) {
      rec.escalations = reasons.map((reason) => ({ reason, at: Math.min(now, at[reason]) }));
      rec.escalatedAt = Math.min(...rec.escalations.map((e) => e.at));
      rec.escalationReason = [...rec.escalations].sort((a, b) => a.at - b.at)[0].reason;
      rec.updatedAt = Math.max(rec.updatedAt, rec.escalatedAt);
    }
    return rec;
  });
}
