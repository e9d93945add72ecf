import { formatDuration, type DurationTranslate } from '../../app/format';
import { CATEGORIES } from '../../../../shared/schema/common';

/** Any `t` (i18next's or a test's). */
export type Translate = DurationTranslate;

type Params = Record<string, string | number>;

/**
 * The values of a grader's code made readable before they go into the sentence: a duration (a key ending in `Ms`,
 * or `seconds` / `…Seconds`) in words, an empty value as "none", a category id as its name, any other number in the
 * user's number format. The sentence itself is `training.why.<code>` / `training.note.<code>`, so the grader never
 * puts English on the screen.
 */
export function readableParams(params: Params, t: Translate, locale: string): Record<string, string> {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'number') out[k] = k.endsWith('Ms') ? formatDuration(v, t) : k === 'seconds' || k.endsWith('Seconds') ? formatDuration(v * 1000, t) : n.format(v);
    else if (v === '') out[k] = t('training.nothing');
    else if ((CATEGORIES as readonly string[]).includes(v)) out[k] = t(`category.${v}`);
    else if (k === 'item' || k.endsWith('Item')) out[k] = itemName(v, t);
    else out[k] = v;
  }
  return out;
}

/**
 * A sentence for a code under `prefix`; a code this build has no sentence for (a newer core) still says something
 * true in the user's language, naming the code, rather than showing a key path.
 */
function coded(prefix: 'why' | 'note', code: string, params: Params, t: Translate, locale: string): string {
  const key = `training.${prefix}.${code}`;
  // `count` stays a number as well, for the sentence's plural forms.
  const count = typeof params.count === 'number' ? { count: params.count } : {};
  const said = t(key, { ...readableParams(params, t, locale), ...count, defaultValue: '' });
  return said && said !== key ? said : t(`training.${prefix}Unknown`, { code });
}

/** Why a rubric item was met or missed, in words. */
export const whyText = (why: { code: string; params: Params }, t: Translate, locale: string) => coded('why', why.code, why.params, t, locale);

/** One of the grader's notes on a turn of the replay, in words. */
export const noteText = (note: { code: string; params: Params }, t: Translate, locale: string) => coded('note', note.code, note.params, t, locale);

/** A rubric item's name ("Greeting" / "问候语"); an item this build does not know keeps its id. */
export function itemName(item: string, t: Translate): string {
  const key = `training.item.${item}`;
  const said = t(key, { defaultValue: '' });
  return said && said !== key ? said : item;
}

/** A score as a whole number in the user's format ("85"). */
export const scoreText = (score: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(score);
