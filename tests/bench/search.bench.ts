import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateDemoData } from '../../electron/core/seed/demoData';
import type { CoreContext } from '../../electron/core/context';
import { createSearch } from '../../electron/core/services/search';
import { SHARD_SIZE } from '../../electron/core/services/search/engine';
import type { Output } from '../../shared/contract';
import { runsOf } from '../../shared/rules/segment';

/**
 * Search at scale: index 1 000 000 messages (zh + en, ~200 characters each) in chunks like the app's start-up
 * build, then time a few hundred queries (Chinese words, Chinese substrings across word boundaries, English
 * words, mixed) and report p50/p95 and the heap the index holds. `BENCH_SEARCH_CONVERSATIONS` (20 messages each) or
 * `BENCH_SEARCH_MESSAGES` overrides the size.
 */
const heapMb = () => process.memoryUsage().heapUsed / 2 ** 20;

// `npm run bench` does not pass --expose-gc; enabling it at run time gives a real heap delta after collection.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const gc = () => collect();
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export default async function bench() {
  const perConversation = 20;
  const target = Number(process.env.BENCH_SEARCH_MESSAGES ?? Number(process.env.BENCH_SEARCH_CONVERSATIONS ?? 50_000) * perConversation);
  const t0 = performance.now();
  const data = generateDemoData({ seed: 7, now: Date.parse('2026-11-24T09:00:00+08:00'), conversations: Math.ceil(target / perConversation), messagesPerConversation: perConversation });
  const messages = data.messages.slice(0, target);
  const zhShare = messages.filter((m) => /\p{Script=Han}/u.test(m.body)).length / messages.length;
  console.log(`generated ${messages.length.toLocaleString('en')} messages (${(zhShare * 100).toFixed(0)} % with Chinese) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Queries drawn from the data: a Chinese 2–4 character substring (often across a segmenter's word boundary),
  // an English word or two, and mixed; plus a few fixed ones from the issue.
  const rnd = (() => {
    let s = 12345;
    return () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  })();
  const queries: string[] = ['视频上传', '款申', '退款申请', 'refund', 'upload failed', '账号 login'];
  while (queries.length < 300) {
    const m = messages[Math.floor(rnd() * messages.length)];
    const runs = runsOf(m.body);
    const r = runs[Math.floor(rnd() * runs.length)];
    if (!r) continue;
    if (r.han) {
      const chars = Array.from(r.text);
      if (chars.length < 2) continue;
      const len = 2 + Math.floor(rnd() * Math.min(3, chars.length - 1));
      const at = Math.floor(rnd() * (chars.length - len + 1));
      queries.push(chars.slice(at, at + len).join(''));
    } else {
      const next = runs[runs.indexOf(r) + 1];
      queries.push(next && !next.han && rnd() < 0.5 ? `${r.text} ${next.text}` : r.text);
    }
  }

  // The real search service over an in-memory store holding the generated records (the app's start-up build:
  // time slices between setImmediate). The index's memory includes the service's own per-conversation lists.
  const colls = new Map<string, Map<string, any>>();
  for (const [name, recs] of Object.entries(data)) colls.set(name, new Map((recs as { id: string }[]).map((r) => [r.id, r])));
  const kept = new Set(messages.map((m) => m.id));
  for (const id of [...colls.get('messages')!.keys()]) if (!kept.has(id)) colls.get('messages')!.delete(id);
  const store = {
    get: (coll: string, id: string) => colls.get(coll)?.get(id),
    all: (coll: string) => colls.get(coll) ?? new Map(),
    onCommit: () => () => {},
  };
  const ctx = { store, feed: { publish: () => {} }, log: () => {} } as unknown as CoreContext;
  gc();
  const before = heapMb();
  const started = performance.now();
  const search = createSearch(ctx);
  const timer = setInterval(() => {
    const p = search.progress();
    console.log(`  … ${p.indexed.toLocaleString('en')} of ${p.total.toLocaleString('en')} indexed, ${((performance.now() - started) / 1000).toFixed(1)} s, heap ${heapMb().toFixed(0)} MB`);
  }, 60_000);
  await search.whenReady();
  clearInterval(timer);
  const buildS = (performance.now() - started) / 1000;
  gc();
  const indexMb = heapMb() - before;
  console.log(`index build (one document per conversation, shards of ≤ ${SHARD_SIZE.toLocaleString('en')} documents): ${messages.length.toLocaleString('en')} messages in ${buildS.toFixed(1)} s (${Math.round(messages.length / buildS).toLocaleString('en')} msg/s)`);
  console.log(`index memory (heap delta after GC): ${indexMb.toFixed(0)} MB (${((indexMb * 2 ** 20) / messages.length).toFixed(0)} B/message)`);

  // Timed through the service's handler: index lookup, per-message check of the hit conversations, highlighting.
  const query = (q: string) => search.handlers['search.query']({ q, filters: {}, limit: 30 }, undefined as never) as Output<'search.query'>;
  for (const q of queries.slice(0, 20)) query(q); // warm-up
  const times: number[] = [];
  const totals: number[] = [];
  let slowest = { q: '', ms: 0 };
  for (const q of queries) {
    const t = performance.now();
    const r = query(q);
    const ms = performance.now() - t;
    times.push(ms);
    totals.push(r.total);
    if (ms > slowest.ms) slowest = { q, ms };
  }
  const found = totals.filter((n) => n > 0).length;
  console.log(`queries: ${queries.length}, found something: ${found}, median matches ${pct(totals, 50).toLocaleString('en')}`);
  console.log(`query p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${slowest.ms.toFixed(1)} ms ("${slowest.q}") — goal p95 ≤ 50 ms`);
  for (const q of ['视频上传', '款申', '退款申请', 'refund', 'upload failed']) {
    const t = performance.now();
    const r = query(q);
    console.log(`  "${q}": ${r.total.toLocaleString('en')} matches, ${r.hits.length} hits (${r.hits.filter((h) => h.phrase).length} exact) in ${(performance.now() - t).toFixed(1)} ms`);
  }
  search.stop();
}
