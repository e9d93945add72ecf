import { z } from 'zod';
import { zodCause, type ErrorCause } from '../../contract/errors';
import { TrainingScenario } from '../../schema/training';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../jsonDepth';
import { JsonSyntaxError, jsonValueOffsets } from '../jsonPositions';

/**
 * Training scenarios as a JSON file: what export writes and import reads (like the canned-reply file,
 * shared/rules/cannedExchange.ts). Import checks every scenario before anything is stored; each problem names the
 * line and column of the offending value and its path inside the file.
 */
export const SCENARIO_FILE_FORMAT = 'kefu-desk/training-scenarios';
const MAX_SCENARIOS = 500;

export interface ScenarioFileProblem {
  line: number;
  column: number | null;
  /** "/scenarios/2/nodes/0/branches/1/next" (empty for the file as a whole). */
  path: string;
  message: string;
  /** A field check that failed (zod's issue without its English): what the UI words in the user's language. */
  cause?: ErrorCause;
}

export type ParsedScenarioFile = { ok: true; scenarios: TrainingScenario[] } | { ok: false; problems: ScenarioFileProblem[] };

/** Line and column (1-based) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Reads a scenario file: `{ "format": "kefu-desk/training-scenarios", "scenarios": [...] }`, a bare list, or one
 * scenario object. Duplicate ids in the file are a problem too.
 */
export function parseScenarioFile(text: string): ParsedScenarioFile {
  const body = text.replace(/^\uFEFF/u, '');
  const deep = jsonDepthExceeds(body);
  if (deep.exceeded) {
    const at = lineColumn(body, deep.offset);
    return { ok: false, problems: [{ ...at, path: '', message: `Nested deeper than ${MAX_JSON_DEPTH} levels` }] };
  }
  let offsets: Map<string, number>;
  let data: unknown;
  try {
    offsets = jsonValueOffsets(body);
    data = JSON.parse(body);
  } catch (e) {
    const at = e instanceof JsonSyntaxError ? lineColumn(body, e.offset) : { line: 1, column: null };
    return { ok: false, problems: [{ ...at, path: '', message: `Not valid JSON: ${(e as Error).message}` }] };
  }
  let list: unknown[];
  let base: string;
  if (Array.isArray(data)) {
    list = data;
    base = '';
  } else if (data && typeof data === 'object' && Array.isArray((data as { scenarios?: unknown }).scenarios)) {
    list = (data as { scenarios: unknown[] }).scenarios;
    base = '/scenarios';
  } else if (data && typeof data === 'object' && 'nodes' in data) {
    list = [data];
    base = '';
  } else {
    return { ok: false, problems: [{ line: 1, column: 1, path: '', message: `Expected a list of scenarios (or { "format": "${SCENARIO_FILE_FORMAT}", "scenarios": [...] })` }] };
  }
  if (list.length > MAX_SCENARIOS) return { ok: false, problems: [{ line: 1, column: 1, path: base, message: `At most ${MAX_SCENARIOS} scenarios per file` }] };
  const single = base === '' && !Array.isArray(data);
  const pathOf = (index: number) => (single ? '' : `${base}/${index}`);
  /** The deepest path of the issue that has a position in the file. */
  const where = (p: string, issuePath: readonly PropertyKey[]) => {
    const parts = issuePath.map(String);
    for (let n = parts.length; n >= 0; n--) {
      const full = [p, ...parts.slice(0, n)].join('/');
      const at = offsets.get(full);
      if (at !== undefined) return { path: [p, ...parts].join('/'), ...lineColumn(body, at) };
    }
    return { path: [p, ...parts].join('/'), line: 1, column: null };
  };
  const problems: ScenarioFileProblem[] = [];
  const scenarios: TrainingScenario[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, index) => {
    const r = TrainingScenario.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [null];
        for (const key of keys) problems.push({ ...where(pathOf(index), key === null ? issue.path : [...issue.path, key]), message: issue.message, cause: zodCause(issue) });
      }
      return;
    }
    const first = seen.get(r.data.id);
    if (first !== undefined) problems.push({ ...where(pathOf(index), ['id']), message: `Duplicate id ${r.data.id} (also scenario ${first + 1})` });
    seen.set(r.data.id, index);
    scenarios.push(r.data);
  });
  problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return problems.length ? { ok: false, problems } : { ok: true, scenarios };
}

/** The file export writes: one field per line, readable in any editor. */
export function serializeScenarioFile(scenarios: readonly TrainingScenario[], exportedAt: number): string {
  return `${JSON.stringify({ format: SCENARIO_FILE_FORMAT, version: 1, exportedAt: new Date(exportedAt).toISOString(), scenarios }, null, 2)}\n`;
}

/** Validates one scenario from a form (authoring), with issue paths for the form's fields. */
export function checkScenario(raw: unknown): { ok: true; scenario: TrainingScenario } | { ok: false; issues: { path: string; message: string }[] } {
  const r = TrainingScenario.safeParse(raw);
  if (r.success) return { ok: true, scenario: r.data };
  return { ok: false, issues: r.error.issues.map((i: z.core.$ZodIssue) => ({ path: i.path.map(String).join('/'), message: i.message })) };
}
