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

export const topic = {
  queue: 'queue',
  clock: 'clock',
  notices: 'notices',
  session: 'session',
  conversation: (id: string) => `conversation:${id}`,
  customer: (id: string) => `customer:${id}`,
  /** Sent to one window only: bring this conversation up (a desktop notification was clicked). */
  open: (id: string) => `open:${id}`,
} as const;

/** The conversation an `open:<id>` topic asks for, if any (see topic.open). */
export function conversationToOpen(topics: readonly string[]): string | null {
  const prefix = topic.open('');
  const t = topics.find((x) => x.startsWith(prefix) && x.length > prefix.length);
  return t ? t.slice(prefix.length) : null;
}
