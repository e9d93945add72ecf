/** The demo team. */
import type { Agent } from '../../../shared/schema';

// ---------------------------------------------------------------------------------------------------
// Agents
// ---------------------------------------------------------------------------------------------------

/**
 * The fixed team; ids are stable. The first one is the default signed-in agent. Two agents have the VIP skill (a
 * Chinese-speaking one online, a bilingual one away) so the demo shows VIP routing both ways: to the VIP-skilled
 * agent when available, to the best other agent when not.
 */
export const DEMO_AGENTS: readonly Agent[] = [
  {
    id: 'a-lina', name: '林娜', role: 'agent', languages: ['zh-CN', 'en'], capacity: 25, presence: 'online', disabled: false,
    skills: { account: 4, video_upload: 4, payment: 3, complaint: 3, other: 3 },
  },
  {
    id: 'a-zhangwei', name: '张伟', role: 'agent', languages: ['zh-CN'], capacity: 25, presence: 'online', disabled: false,
    skills: { payment: 5, account: 3, complaint: 2, other: 2 }, vipSkill: true,
  },
  {
    id: 'a-chenjing', name: '陈静', role: 'agent', languages: ['zh-CN'], capacity: 30, presence: 'online', disabled: false,
    skills: { video_upload: 5, other: 4, account: 2 },
  },
  {
    id: 'a-james', name: 'James Miller', role: 'agent', languages: ['en'], capacity: 18, presence: 'online', disabled: false,
    skills: { account: 4, payment: 4, video_upload: 2, other: 3 },
  },
  {
    id: 'a-sofia', name: 'Sofia Wang', role: 'agent', languages: ['en', 'zh-CN'], capacity: 15, presence: 'away', disabled: false,
    skills: { video_upload: 4, complaint: 4, account: 3, other: 2 }, vipSkill: true,
  },
  {
    id: 'a-oliver', name: 'Oliver Brown', role: 'agent', languages: ['en'], capacity: 20, presence: 'offline', disabled: false,
    skills: { other: 4, complaint: 3, video_upload: 3, payment: 2 },
  },
  {
    id: 'a-liuyang', name: '刘洋', role: 'trainee', languages: ['zh-CN'], capacity: 5, presence: 'online', disabled: false,
    skills: { account: 2, other: 2, video_upload: 1 },
  },
  {
    id: 'a-zhaomin', name: '赵敏', role: 'lead', languages: ['zh-CN', 'en'], capacity: 10, presence: 'online', disabled: false,
    skills: { complaint: 5, payment: 4, account: 4, video_upload: 3, other: 3 },
  },
];

export const LEAD_ID = 'a-zhaomin';

export function cloneAgent(a: Agent): Agent {
  return { ...a, skills: { ...a.skills }, languages: [...a.languages] };
}

