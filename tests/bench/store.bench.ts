import { generateDemoData } from '../../electron/core/seed/demoData';
import { benchStore } from './storeBench';

/**
 * Store: durable action p50/p95, cold load, memory, and the same action as a whole-file lowdb rewrite,
 * at 10 000 and 50 000 conversations × 20 messages. `BENCH_STORE_SIZES=2000 npm run bench -- store` for a quick run.
 */
export default async function run() {
  const sizes = (process.env.BENCH_STORE_SIZES ?? '10000,50000').split(',').map(Number);
  const now = Date.parse('2026-11-24T09:00:00+08:00');
  await benchStore(sizes, (n) => generateDemoData({ seed: 7, now, conversations: n, messagesPerConversation: 20 }));
}
