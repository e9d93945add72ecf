/**
 * `npm run simulate -- --rate 50 --minutes 10 [--spool DIR | --data DIR] [--seed N] [--all-now]`
 *
 * Plays the platform's connector: appends realistic customer events (docs/spool-format.md) to a new file in a spool
 * folder, `--rate` events per minute for `--minutes`, so the app can be watched importing live. Chinese and English
 * customers, every category, VIPs, repeat customers, complaints (some severe), follow-ups, profile changes, ratings,
 * closes, and about 2 % malformed lines (torn JSON, a missing field, an unknown type) for the quarantine.
 *
 * The folder: `--spool DIR`, else `<data>/spool` with `--data DIR`, else web mode's data folder (KEFU_DATA_DIR or
 * ~/.kefu-desk/web). `--all-now` writes every event at once (a large file, to watch the import's progress).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../electron/web/args';
import { EN_FIRST_NAMES, EN_LAST_NAMES, GENERIC, RATING_COMMENTS, SEVERE_COMPLAINTS, TEMPLATES, ZH_GIVEN_NAMES, ZH_SURNAMES } from '../electron/core/seed/phrases';
import { Rng } from '../electron/core/seed/random';
import { CATEGORIES, SpoolInEvent, type Category, type Locale, type Tier } from '../shared/schema';

interface Args {
  rate: number;
  minutes: number;
  spool: string;
  seed: number;
  allNow: boolean;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, dflt: number) => {
    const v = get(name);
    const n = v === undefined ? dflt : Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got ${v})`);
    return n;
  };
  const data = get('data') ?? (process.env.KEFU_DATA_DIR || DEFAULT_DATA_DIR);
  return { rate: num('rate', 50), minutes: num('minutes', 10), spool: path.resolve(get('spool') ?? path.join(data, 'spool')), seed: num('seed', Date.now() % 1e9), allNow: argv.includes('--all-now') };
}

interface SimCustomer {
  id: string;
  name: string;
  tier: Tier;
  locale: Locale;
}
interface SimConversation {
  id: string;
  customer: SimCustomer;
  locale: Locale;
  category: Category;
  messages: number;
}

/** The traffic: a pure function of the seed, one event (or malformed line) per call. */
export function createTraffic(seed: number) {
  const rng = new Rng(seed);
  const run = seed.toString(36);
  let n = 0;
  const customers: SimCustomer[] = [];
  const open: SimConversation[] = [];

  const newCustomer = (): SimCustomer => {
    const locale: Locale = rng.chance(0.6) ? 'zh-CN' : 'en';
    const name = locale === 'zh-CN' ? `${rng.pick(ZH_SURNAMES)}${rng.pick(ZH_GIVEN_NAMES)}` : `${rng.pick(EN_FIRST_NAMES)} ${rng.pick(EN_LAST_NAMES)}`;
    const c: SimCustomer = { id: `sim-${run}-u${customers.length}`, name, tier: rng.chance(0.15) ? 'vip' : 'normal', locale };
    customers.push(c);
    return c;
  };

  /** Returns one spool line (with its newline). */
  return function next(now: number): string {
    n++;
    const id = `sim-${run}-${n}`;
    const at = new Date(now).toISOString();
    const r = rng.next();
    if (r < 0.02) {
      // Malformed on purpose: what a broken connector might write. Each lands in the quarantine with its reason.
      return rng.pick([
        `{"id":"${id}","at":"${at}","type":"customer.message","conversationId":"sim-x","body":"半截\n`,
        `${JSON.stringify({ id, at, type: 'customer.message', conversationId: open[0]?.id ?? 'sim-x' })}\n`,
        `${JSON.stringify({ id, at, type: 'customer.typing', conversationId: open[0]?.id ?? 'sim-x' })}\n`,
      ]);
    }
    let event: unknown;
    if (open.length < 3 || r < 0.3) {
      // A third of the new conversations come from customers who wrote before.
      const customer = customers.length > 0 && rng.chance(0.33) ? rng.pick(customers) : newCustomer();
      const category = rng.pick(CATEGORIES);
      const severe = category === 'complaint' && rng.chance(0.3);
      const t = rng.pick(severe ? SEVERE_COMPLAINTS[customer.locale] : TEMPLATES[customer.locale][category]);
      const conv: SimConversation = { id: `sim-${run}-c${n}`, customer, locale: customer.locale, category, messages: 1 };
      open.push(conv);
      event = { id, at, type: 'conversation.new', conversationId: conv.id, customer, category, subject: t.subject, body: t.problem };
    } else if (r < 0.85) {
      const conv = rng.pick(open);
      const g = GENERIC[conv.locale];
      const t = rng.pick(TEMPLATES[conv.locale][conv.category]);
      const body = conv.messages === 1 && rng.chance(0.4) ? rng.pick(g.askHuman) : rng.pick([t.customerInfo, ...g.nudge, ...g.customerFollow]);
      conv.messages++;
      event = { id, at, type: 'customer.message', conversationId: conv.id, body };
    } else if (r < 0.9 && customers.length > 0) {
      const c = rng.pick(customers);
      c.tier = c.tier === 'vip' ? 'normal' : 'vip';
      event = { id, at, type: 'customer.profile', customerId: c.id, tier: c.tier };
    } else if (r < 0.95) {
      const conv = rng.pick(open);
      const score = rng.int(1, 5);
      event = { id, at, type: 'customer.rating', conversationId: conv.id, score, comment: rng.pick(RATING_COMMENTS[conv.locale][score - 1]) };
    } else {
      const conv = open.splice(rng.int(0, open.length - 1), 1)[0];
      event = { id, at, type: 'customer.closed', conversationId: conv.id };
    }
    SpoolInEvent.parse(event); // the simulator writes only valid events, apart from the malformed ones above
    return `${JSON.stringify(event)}\n`;
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.spool, { recursive: true });
  const file = path.join(args.spool, `sim-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);
  const total = Math.round(args.rate * args.minutes);
  const next = createTraffic(args.seed);
  process.stdout.write(`simulate: ${total} events (${args.rate}/min for ${args.minutes} min, seed ${args.seed}) into ${file}\n`);
  if (args.allNow) {
    const lines: string[] = [];
    for (let i = 0; i < total; i++) lines.push(next(Date.now()));
    appendFileSync(file, lines.join(''));
    process.stdout.write(`simulate: wrote ${total} events\n`);
    return;
  }
  const gapMs = 60_000 / args.rate;
  for (let i = 0; i < total; i++) {
    appendFileSync(file, next(Date.now()));
    if ((i + 1) % 50 === 0) process.stdout.write(`simulate: ${i + 1}/${total}\n`);
    // Irregular like real traffic: exponential gaps around the mean.
    await new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * gapMs));
  }
  process.stdout.write(`simulate: done, ${total} events\n`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('simulate.ts')) {
  main().catch((e: unknown) => {
    process.stderr.write(`simulate: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
