import { rankCanned, suggestCanned, type RankableReply } from '../../shared/rules/cannedRanking';
import { parseCannedFile, serializeCannedFile } from '../../shared/rules/cannedExchange';
import { pinyinInitials } from '../../shared/rules/pinyinInitials';
import { CANNED } from '../../electron/core/seed/phrases';

/**
 * The `/` picker ranks on every keystroke in the renderer, and import checks a whole file before storing it.
 * Prints per-keystroke ranking time for libraries far larger than the demo's, and import parse time.
 */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function library(n: number): RankableReply[] {
  return Array.from({ length: n }, (_, i) => {
    const c = CANNED[i % CANNED.length];
    const title = `${c.title} ${i}`;
    return { id: `cr-${i}`, title, body: c.body, shortcut: `${c.shortcut}${i}`, category: c.category, locale: c.locale, usageCount: i % 97, initials: pinyinInitials(title) };
  });
}

export default async function () {
  const ctx = { category: 'payment' as const, locale: 'zh-CN' as const, lastCustomerMessage: '我充值了但是一直没有到账，怎么办？' };
  for (const n of [100, 1000, 5000]) {
    const lib = library(n);
    const queries = ['', 't', 'tk', 'tui', '退款', 'refund', '到账'];
    const times: number[] = [];
    for (let round = 0; round < 15; round++) {
      for (const q of queries) {
        const t0 = performance.now();
        if (q) rankCanned(lib, q, ctx);
        else suggestCanned(lib, ctx, 3);
        times.push(performance.now() - t0);
      }
    }
    console.log(`rank/suggest, ${n} replies: median ${median(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms per keystroke`);
  }
  const t0 = performance.now();
  const initials = library(1000);
  console.log(`pinyin initials for 1000 titles: ${(performance.now() - t0).toFixed(0)} ms (computed once per title in the core, cached)`);
  const text = serializeCannedFile(initials.map((r) => ({ title: r.title, body: r.body, category: r.category, locale: r.locale, shortcut: r.shortcut, scope: 'personal' as const })), Date.now());
  const t1 = performance.now();
  const parsed = parseCannedFile(text);
  console.log(`import check of a 1000-reply file (${(text.length / 1024).toFixed(0)} KiB): ${(performance.now() - t1).toFixed(0)} ms, ok=${parsed.ok}`);
}
