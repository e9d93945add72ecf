import { classify, evaluate, features, stratifiedSplit, train, type Example } from '../../shared/rules/classify';
import { buildFaqIndex, matchFaq } from '../../shared/rules/faq';
import { builtinFaq, labelledMessages } from '../../electron/core/services/bot/knowledge';
import { cutHan } from '../../electron/core/services/bot/segmenter';

/**
 * `npm run bench -- classifier`: the bot's category classifier on its labelled data set (shared/data/intents.*.json).
 * Held-out split: every 5th message of each category is held out (stratified, deterministic); the model is trained
 * on the rest. Prints accuracy, per-category precision/recall, the confusion matrix, the 5-fold mean, and timings.
 */
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export default async function () {
  const t0 = performance.now();
  cutHan('预热');
  console.log(`jieba dictionary load: ${(performance.now() - t0).toFixed(0)} ms (once per process)`);
  const raw = labelledMessages();
  const t1 = performance.now();
  const all = raw.map((m) => ({ label: m.label, features: features(m.text, cutHan), zh: /\p{Script=Han}/u.test(m.text) }));
  console.log(`data set: ${raw.length} messages (${all.filter((m) => m.zh).length} with Chinese); features in ${(performance.now() - t1).toFixed(0)} ms`);

  const { train: tr, test } = stratifiedSplit(all, 5, 0);
  const t2 = performance.now();
  const model = train(tr);
  console.log(`trained on ${tr.length} in ${(performance.now() - t2).toFixed(1)} ms; held out ${test.length}`);
  const r = evaluate(model, test);
  console.log(`\nheld-out accuracy: ${pct(r.accuracy)} (goal ≥ 90 %)`);
  for (const lang of [true, false]) {
    const part = test.filter((m) => m.zh === lang);
    console.log(`  ${lang ? 'with Chinese' : 'English only'}: ${pct(evaluate(model, part).accuracy)} of ${part.length}`);
  }
  console.log('\ncategory      precision  recall  support');
  for (const p of r.perCategory) console.log(`${p.category.padEnd(13)} ${pct(p.precision).padStart(9)} ${pct(p.recall).padStart(7)} ${String(p.support).padStart(8)}`);
  console.log('\nconfusion (rows: truth, columns: predicted)');
  console.log(`${''.padEnd(13)}${r.labels.map((l) => l.slice(0, 9).padStart(10)).join('')}`);
  r.confusion.forEach((row, i) => console.log(`${r.labels[i].padEnd(13)}${row.map((n) => String(n).padStart(10)).join('')}`));

  const folds: number[] = [];
  for (let k = 0; k < 5; k++) {
    const s = stratifiedSplit<Example>(all, 5, k);
    folds.push(evaluate(train(s.train), s.test).accuracy);
  }
  console.log(`\n5-fold cross-validation: ${folds.map(pct).join(', ')}; mean ${pct(folds.reduce((a, b) => a + b) / 5)}`);

  // Per-message cost of a bot turn's text work: segmentation + classification + FAQ match.
  const index = buildFaqIndex(builtinFaq(), (t) => features(t, cutHan));
  const full = train(all);
  const times: number[] = [];
  for (const m of raw) {
    const s = performance.now();
    const c = classify(full, features(m.text, cutHan));
    matchFaq(index, features(m.text, cutHan), { category: c.category });
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(`bot text work per message: p50 ${times[Math.floor(times.length / 2)].toFixed(3)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(3)} ms`);
}
