import type { ImportProblem } from '../../../../shared/rules/cannedExchange';
import { causeMessage, type Translate } from '../../app/errorMessage';

/**
 * One problem of an imported canned-reply file as a sentence in the user's language: a failed field check is
 * said like a form error (errors.cause.*) with the library's own field names (canned.library.fields.*); every
 * other problem has its sentence under canned.importProblem.<code>. Never the core's English `message`.
 */
export function importProblemText(p: ImportProblem, t: Translate, locale = 'en'): string {
  const fieldName = p.field !== null ? t(`canned.library.fields.${p.field}`, { defaultValue: p.field }) : '';
  if (p.code === 'invalid_field' && p.cause) {
    // The file's fields are named as in the library's editor, not as in the contract ("Text", not "Reply").
    const inLibrary: Translate = (key, options) =>
      key.startsWith('errors.fields.') ? t(`canned.library.fields.${key.slice('errors.fields.'.length)}`, options) : t(key, options);
    const said = causeMessage({ ...p.cause, path: p.field !== null ? [p.field] : p.cause.path }, inLibrary, locale);
    if (said) return said;
  }
  const n = new Intl.NumberFormat(locale);
  const params = Object.fromEntries(Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? n.format(v) : v]));
  return t(`canned.importProblem.${p.code}`, { field: fieldName, ...params });
}
