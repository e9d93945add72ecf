/** Hand-written customer stories the demo and the tests rely on. */
import type { Category, Locale, Status, Tier } from '../../../shared/schema';

// ---------------------------------------------------------------------------------------------------
// Featured customers: hand-written stories that the demo and the tests rely on
// ---------------------------------------------------------------------------------------------------

export interface FeaturedConversation {
  category: Category;
  status: Status;
  /** Hours before now. */
  ageH: number;
  template: number;
  severe?: boolean;
  owner?: string;
}

export interface FeaturedCustomer {
  name: string;
  locale: Locale;
  tier: Tier;
  conversations: FeaturedConversation[];
}

export const FEATURED: FeaturedCustomer[] = [
  {
    // VIP with repeated upload trouble who ends up filing a severe complaint.
    name: '王小明', locale: 'zh-CN', tier: 'vip',
    conversations: [
      { category: 'video_upload', status: 'resolved', ageH: 6 * 24 + 5, template: 0, owner: 'a-lina' },
      { category: 'video_upload', status: 'open', ageH: 20.5, template: 1 },
      { category: 'complaint', status: 'open', ageH: 5, template: 2, severe: true },
      { category: 'payment', status: 'pending', ageH: 50, template: 3, owner: 'a-lina' },
    ],
  },
  {
    name: 'Emily Carter', locale: 'en', tier: 'normal',
    conversations: [
      { category: 'payment', status: 'closed', ageH: 9 * 24, template: 1, owner: 'a-lina' },
      { category: 'payment', status: 'resolved', ageH: 4 * 24, template: 1 },
      { category: 'payment', status: 'queued', ageH: 3, template: 1 },
    ],
  },
  {
    name: '李娜', locale: 'zh-CN', tier: 'normal',
    conversations: [
      { category: 'payment', status: 'resolved', ageH: 11 * 24, template: 1, owner: 'a-zhangwei' },
      { category: 'account', status: 'open', ageH: 8, template: 3, owner: 'a-lina' },
      { category: 'payment', status: 'queued', ageH: 23, template: 4 },
    ],
  },
  {
    name: '欧阳娜娜', locale: 'zh-CN', tier: 'vip',
    conversations: [
      { category: 'account', status: 'closed', ageH: 12 * 24, template: 1, owner: 'a-lina' },
      { category: 'account', status: 'open', ageH: 11, template: 1 },
      { category: 'other', status: 'bot', ageH: 0.15, template: 0 },
    ],
  },
];
/** Below this many conversations the featured stories are left out (they need room). */
export const FEATURED_MIN_CONVERSATIONS = 40;

