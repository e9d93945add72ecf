import { z } from 'zod';

/**
 * What the core pushes to every connected window or page after a change. Topics name what changed
 * ("queue", "conversation:c-00001", "customer:cu-0001", "clock", "notices"); listeners refetch what they show.
 */
export const ChangeEvent = z.object({
  seq: z.number().int(),
  topics: z.array(z.string()),
  at: z.number(),
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

/**
 * Every change topic, in one registry: the core publishes only these and the renderer listens only to these, so a
 * topic cannot be misspelt on one side. Fixed topics name a whole area; functions name one record's topic.
 */
export const topic = {
  queue: 'queue',
  clock: 'clock',
  notices: 'notices',
  session: 'session',
  settings: 'settings',
  profiles: 'profiles',
  backups: 'backups',
  canned: 'canned',
  search: 'search',
  reminders: 'reminders',
  /** Spool import progress and the quarantined-line count (one publication per import batch). */
  spool: 'spool',
  /** Team mode's sync state (online, not yet synced, changes that gave way). */
  team: 'team',
  /** Complaint records (issue 12): created, stepped, escalated. */
  complaints: 'complaints',
  /** Training (issue 13): practices, attempts, assignments and the scenario library. */
  training: 'training',
  conversation: (id: string) => `conversation:${id}` as const,
  customer: (id: string) => `customer:${id}` as const,
  /** One agent's saved queue views. */
  views: (agentId: string) => `views:${agentId}` as const,
  /** Sent to one window only: bring this conversation up (a desktop notification was clicked). */
  open: (id: string) => `open:${id}` as const,
} as const;

type Fixed = { [K in keyof typeof topic]: (typeof topic)[K] extends string ? (typeof topic)[K] : never }[keyof typeof topic];
type PerRecord = { [K in keyof typeof topic]: (typeof topic)[K] extends (id: string) => infer R ? R : never }[keyof typeof topic];
/** A topic from the registry above (a typo does not type-check). */
export type Topic = Fixed | PerRecord;

/** The conversation an `open:<id>` topic asks for, if any (see topic.open). */
export function conversationToOpen(topics: readonly string[]): string | null {
  const prefix = topic.open('');
  const t = topics.find((x) => x.startsWith(prefix) && x.length > prefix.length);
  return t ? t.slice(prefix.length) : null;
}
