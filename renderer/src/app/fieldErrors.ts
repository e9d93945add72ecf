import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, ErrorCode } from '../../../shared/contract';
import { causeMessage, errorMessage, type Translate } from './errorMessage';

export interface PlacedErrors<F extends string> {
  /** The sentence to show under each field the error points at. */
  byField: Partial<Record<F, string>>;
  /** The error when it points at no field of the form (shown once, below the form), else null. */
  rest: ContractError | null;
}

/**
 * A contract error placed on the form's fields, so a validation message shows under the field it is about:
 * each cause whose path is one of `fields` (joined by "/", as "slaHours/vip"), and a domain `code` the form knows
 * the field of. What cannot be placed stays whole in `rest` (ErrorText says it). The core's English detail goes
 * to the console, as ErrorText does.
 */
export function placeError<F extends string>(
  error: ContractError | null,
  fields: Record<F, string>,
  t: Translate,
  locale: string,
  codes: Partial<Record<ErrorCode, F>> = {},
): PlacedErrors<F> {
  const byField: Partial<Record<F, string>> = {};
  if (!error) return { byField, rest: null };
  const fieldOfPath = new Map<string, F>(Object.entries(fields).map(([f, path]) => [path as string, f as F]));
  const coded = error.code ? codes[error.code] : undefined;
  if (coded) byField[coded] = errorMessage(error, t, locale);
  for (const c of error.causes ?? []) {
    const field = fieldOfPath.get(c.path.filter((p) => typeof p === 'string').join('/'));
    const text = field ? causeMessage(c, t, locale) : null;
    if (field && text && !byField[field]) byField[field] = text;
  }
  return { byField, rest: Object.keys(byField).length > 0 ? null : error };
}

/** placeError for a component, logging the core's detail once per error (the field messages do not). */
export function usePlacedError<F extends string>(error: ContractError | null, fields: Record<F, string>, codes: Partial<Record<ErrorCode, F>> = {}): PlacedErrors<F> {
  const { t, i18n } = useTranslation();
  const placed = placeError(error, fields, t as unknown as Translate, i18n.language, codes);
  const logged = placed.rest === null ? error : null; // ErrorText logs what it shows itself
  useEffect(() => {
    if (logged) console.warn(`[kefu] ${logged.kind}${logged.code ? ` (${logged.code})` : ''}: ${logged.message}`, ...(logged.issues ? [logged.issues] : []));
  }, [logged]);
  return placed;
}

/** Props that make a Mantine field's error message an alert read out as it appears. */
export const alertError = { errorProps: { role: 'alert' } } as const;
