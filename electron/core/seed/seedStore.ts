import { COLLECTIONS, DEFAULT_SETTINGS, DEMO_PINS } from '../../../shared/schema';
import { hashSecret } from '../identity/secrets';
import { withComputedDue } from '../../../shared/rules/sla';
import type { Log } from '../log';
import type { Change, Store } from '../store/types';
import { DEMO_CONVERSATIONS, DEMO_SEED, generateDemoData } from './demoData';

/**
 * The demo data as changes: the fixed-seed records plus each profile's credentials (hashed demo PIN). Built in
 * memory only; nothing is written.
 */
export async function buildDemoSeed(now: number): Promise<Change[]> {
  const data = generateDemoData({ seed: DEMO_SEED, now, conversations: DEMO_CONVERSATIONS });
  // Due times come from the SLA rules (the generator only lays out a stand-in).
  data.conversations = data.conversations.map((c) => withComputedDue(c, DEFAULT_SETTINGS));
  const changes: Change[] = [];
  for (const coll of COLLECTIONS) {
    for (const rec of data[coll] ?? []) changes.push({ op: 'put', coll, rec } as Change);
  }
  // Each demo profile gets its role's documented demo PIN (README), flagged so the sign-in screen shows it. Hashed
  // side by side: scrypt runs on libuv's thread pool, so the eight take about what two do one after another
  // (`buildDemoSeed` 270 → 150 ms warm, 716 → 551 ms cold: docs/measurements.md "Test suite and CI time (this round)").
  const credentials = await Promise.all(data.agents.map((agent) => hashSecret(agent.id, DEMO_PINS[agent.role], now, true)));
  for (const rec of credentials) changes.push({ op: 'put', coll: 'credentials', rec });
  return changes;
}

/**
 * First run: fill a new store with the demo data in ONE atomic step (Store.seed writes it as the first snapshot:
 * temp file, fsync, rename). A crash before that leaves the folder new, so the next start seeds again; a crash
 * after it leaves the complete seed. Never a store with some records and no agents or credentials.
 */
export async function seedDemoData(store: Store, now: number, log: Log): Promise<void> {
  const started = performance.now();
  const changes = await buildDemoSeed(now);
  await store.seed(changes);
  log('info', `seeded demo data: ${changes.length} records in ${Math.round(performance.now() - started)} ms`);
}
