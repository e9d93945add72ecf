import type { ContractError, ErrorCause } from '../../../shared/contract';

/** The slice of i18next's `t` this needs (so it is a pure function, testable without React). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const MISSING = '\u0000missing';
/** At most this many causes are spelled out (the first ones; a form rarely has more wrong at once). */
const MAX_CAUSES = 3;

/** Params whose values are themselves translatable (a status, a category) and where their words live. */
const PARAM_WORDS: Record<string, string> = { from: 'status', to: 'status', status: 'status', category: 'category' };

function lookup(t: Translate, key: string, options: Record<string, unknown> = {}): string | null {
  const s = t(key, { ...options, defaultValue: MISSING });
  return typeof s === 'string' && s !== MISSING && s !== key ? s : null;
}

/**
 * The field a cause points at, in the user's language: `errors.items.<path>` for one element of a list
 * ("each tag"), then `errors.fields.<path>` ("slaHours/vip"), then `errors.fields.<last segment>`.
 */
export function fieldName(path: readonly (string | number)[], t: Translate): string | null {
  const names = path.filter((p): p is string => typeof p === 'string');
  if (names.length === 0) return null;
  const item = typeof path[path.length - 1] === 'number';
  // Nested paths are flat keys joined by "/" ("slaHours/vip"), so a parent never clashes with its children.
  const joined = names.join('/');
  return (
    (item ? lookup(t, `errors.items.${joined}`) : null) ??
    lookup(t, `errors.fields.${joined}`) ??
    (names.length > 1 ? lookup(t, `errors.fields.${names[names.length - 1]}`) : null)
  );
}

/** A wait such as `retryAfterMs`, rounded up: "45 seconds", "3 minutes" (errors.duration.*). */
export function duration(ms: number, t: Translate, locale = 'en'): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const n = new Intl.NumberFormat(locale);
  if (seconds < 120) return t('errors.duration.seconds', { count: seconds, n: n.format(seconds) });
  const minutes = Math.ceil(seconds / 60);
  return t('errors.duration.minutes', { count: minutes, n: n.format(minutes) });
}

/** Which sentence (errors.cause.<key>) says this cause. */
function causeKey(c: ErrorCause): string {
  const measured = c.origin === 'string' ? 'string' : c.origin === 'array' || c.origin === 'set' ? 'array' : c.origin === 'date' ? 'date' : 'number';
  switch (c.code) {
    case 'too_big':
      return measured === 'number' && c.inclusive === false ? 'too_big_number_exclusive' : `too_big_${measured}`;
    case 'too_small':
      if (measured === 'string' && c.minimum === 1) return 'empty';
      return measured === 'number' && c.inclusive === false ? 'too_small_number_exclusive' : `too_small_${measured}`;
    case 'invalid_type':
      return c.expected === 'int' ? 'int' : c.expected === 'number' ? 'number' : 'invalid_type';
    default:
      // invalid_value, invalid_format, a refinement's own code (`secret_too_short`)...; "not valid" when unsaid.
      return c.code;
  }
}

/** One cause as a sentence, or null when it cannot be placed on a field we can name. */
export function causeMessage(c: ErrorCause, t: Translate, locale = 'en'): string | null {
  if (c.code === 'unrecognized_keys') return lookup(t, 'errors.cause.unrecognized_keys');
  const field = fieldName(c.path, t);
  if (field === null) return null;
  const n = new Intl.NumberFormat(locale);
  const limit = c.maximum ?? c.minimum;
  const options = {
    field,
    minimum: c.minimum === undefined ? undefined : n.format(c.minimum),
    maximum: c.maximum === undefined ? undefined : n.format(c.maximum),
    count: limit,
  };
  return lookup(t, `errors.cause.${causeKey(c)}`, options) ?? lookup(t, 'errors.cause.invalid', options);
}

/**
 * A contract error as the sentence the user reads, in their language: the domain reason (errors.code.*),
 * else what is wrong with which field (errors.cause.* + errors.fields.*), else the kind's sentence
 * (errors.<kind>). Never the core's English `message`: that belongs in the log.
 */
export function errorMessage(error: ContractError, t: Translate, locale = 'en'): string {
  if (error.code) {
    const params: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(error.params ?? {})) {
      if (/Ms$/u.test(k) && typeof v === 'number') params[k.slice(0, -2)] = duration(v, t, locale);
      else params[k] = PARAM_WORDS[k] ? (lookup(t, `${PARAM_WORDS[k]}.${String(v)}`) ?? v) : typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : v;
    }
    const s = lookup(t, `errors.code.${error.code}`, params);
    if (s) return s;
  }
  const sentences = [...new Set((error.causes ?? []).map((c) => causeMessage(c, t, locale)).filter((s): s is string => s !== null))];
  if (sentences.length > 0) return sentences.slice(0, MAX_CAUSES).join(' ');
  return lookup(t, `errors.${error.kind}`) ?? t('errors.internal');
}
