import { jsonDepthExceeds, MAX_JSON_DEPTH } from './jsonDepth';
import { z } from 'zod';
import { ErrorCause, zodCause } from '../contract/errors';
import { CannedScope } from '../schema/canned';
import { Category, Locale } from '../schema/common';
import { JsonSyntaxError, jsonValueOffsets, lineAt, lineIndex } from './jsonPositions';

/**
 * The canned-reply library as a JSON file: what export writes and import reads. Import checks the whole file
 * before anything is stored; each problem names the line, the item and the field.
 */
export const CANNED_FILE_FORMAT = 'kefu-desk/canned-replies';

export const CannedFileItem = z
  .object({
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(5000),
    category: Category.nullable().default(null),
    locale: Locale,
    shortcut: z
      .string()
      .trim()
      .max(40)
      .regex(/^\S*$/u, 'A shortcut has no spaces')
      .default(''),
    scope: CannedScope.default('personal'),
  })
  .strict();
export type CannedFileItem = z.infer<typeof CannedFileItem>;

/**
 * What is wrong with an imported file, for the UI to phrase (canned.importProblem.<code> in the locales; a new
 * code needs a sentence in both).
 */
export const IMPORT_PROBLEM_CODES = [
  /** The file is not JSON (the line of the syntax error). */
  'not_json',
  /** Nested deeper than any canned-reply file needs (params: max). */
  'too_deep',
  /** The JSON holds no list of canned replies (params: format). */
  'not_a_list',
  /** More replies than one file may hold (params: max). */
  'too_many',
  /** A field the file format does not have (params: field). */
  'unknown_field',
  /** A field's value fails its check: `cause` says which check, as for a contract error (errors.cause.*). */
  'invalid_field',
  /** A team or everyone reply in an agent's file: only leads manage those. */
  'lead_only',
  /** The same shortcut twice in one scope of the file (params: shortcut, first: the item that has it first). */
  'shortcut_twice',
] as const;
export const ImportProblemCode = z.enum(IMPORT_PROBLEM_CODES);
export type ImportProblemCode = z.infer<typeof ImportProblemCode>;

export const ImportProblem = z.object({
  line: z.number().int().min(1),
  /** 1-based position in the file's list; null for a problem with the file as a whole. */
  item: z.number().int().min(1).nullable(),
  /** The field at fault ("body"), or null. */
  field: z.string().nullable(),
  /** What is wrong, machine-readable: the UI says it in the user's language. */
  code: ImportProblemCode,
  /** Values for the code's sentence. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** For `invalid_field`: the failed check, with its limits. */
  cause: ErrorCause.optional(),
  /** English detail for the log; never shown as the user's message. */
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export type ParsedFile = { ok: true; items: CannedFileItem[]; lines: number[] } | { ok: false; problems: ImportProblem[] };

const MAX_ITEMS = 5000;

export function parseCannedFile(text: string): ParsedFile {
  let offsets: Map<string, number>;
  let data: unknown;
  // A pathological nesting is refused in one linear pass before the recursive scanner and JSON.parse see it.
  const deep = jsonDepthExceeds(text);
  if (deep.exceeded) {
    return { ok: false, problems: [{ line: lineAt(text, deep.offset), item: null, field: null, code: 'too_deep', params: { max: MAX_JSON_DEPTH }, message: `Nested deeper than ${MAX_JSON_DEPTH} levels` }] };
  }
  try {
    // Our scanner first: it knows where a syntax error is; JSON.parse then builds the value.
    offsets = jsonValueOffsets(text.replace(/^\uFEFF/u, ''));
    data = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (e) {
    const line = e instanceof JsonSyntaxError ? lineAt(text, e.offset) : 1;
    return { ok: false, problems: [{ line, item: null, field: null, code: 'not_json', message: `Not valid JSON: ${(e as Error).message}` }] };
  }
  const bare = Array.isArray(data);
  const list: unknown = bare ? data : (data as { cannedReplies?: unknown } | null)?.cannedReplies;
  const base = bare ? '' : '/cannedReplies';
  if (!Array.isArray(list)) {
    const message = `Expected a list of canned replies (or { "format": "${CANNED_FILE_FORMAT}", "cannedReplies": [...] })`;
    return { ok: false, problems: [{ line: 1, item: null, field: null, code: 'not_a_list', params: { format: CANNED_FILE_FORMAT }, message }] };
  }
  if (list.length > MAX_ITEMS) {
    return { ok: false, problems: [{ line: 1, item: null, field: null, code: 'too_many', params: { max: MAX_ITEMS }, message: `At most ${MAX_ITEMS} replies per file` }] };
  }

  const lineOf = lineIndex(text);
  const items: CannedFileItem[] = [];
  const lines: number[] = [];
  const problems: ImportProblem[] = [];
  list.forEach((raw, index) => {
    const itemLine = lineOf(offsets.get(`${base}/${index}`) ?? 0);
    const r = CannedFileItem.safeParse(raw);
    if (r.success) {
      items.push(r.data);
      lines.push(itemLine);
      return;
    }
    for (const issue of r.error.issues) {
      // An unknown key is reported on that key's line.
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const field = keys[0] ?? (issue.path.length ? String(issue.path[0]) : null);
      const at = field !== null ? offsets.get(`${base}/${index}/${field}`) : undefined;
      const line = at !== undefined ? lineOf(at) : itemLine;
      if (keys.length > 0) {
        // One problem per unknown key, each on its own line.
        for (const key of keys) {
          const keyAt = offsets.get(`${base}/${index}/${key}`);
          problems.push({ line: keyAt !== undefined ? lineOf(keyAt) : itemLine, item: index + 1, field: key, code: 'unknown_field', params: { field: key }, message: issue.message });
        }
        continue;
      }
      problems.push({ line, item: index + 1, field, code: 'invalid_field', cause: zodCause(issue), message: issue.message });
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, items, lines };
}

/** The file export writes: readable, one field per line, so a lead can review it in any editor. */
export function serializeCannedFile(items: readonly CannedFileItem[], exportedAt: number): string {
  const cannedReplies = items.map(({ title, body, category, locale, shortcut, scope }) => ({ title, body, category, locale, shortcut, scope }));
  return `${JSON.stringify({ format: CANNED_FILE_FORMAT, version: 1, exportedAt: new Date(exportedAt).toISOString(), cannedReplies }, null, 2)}\n`;
}
