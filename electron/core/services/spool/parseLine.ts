import type { z } from 'zod';
import { SpoolInEvent, type SpoolProblemReason } from '../../../../shared/schema';
import { MAX_LINE_BYTES, type SpoolLine } from './lineReader';

/**
 * What one spool line is, decided from its text alone (no store): blank, a problem for the quarantine (with the
 * reason, the issues and the event id it claimed, if any), or a well-formed event. Pure, so the importer can run it
 * on its own thread (parseWorker.ts) for a big file or inline for a few new lines, with the same outcome.
 */
export type ParsedLine =
  | { kind: 'blank' }
  | { kind: 'problem'; reason: SpoolProblemReason; issues: string[]; eventId: string | null }
  | { kind: 'event'; event: SpoolInEvent };

const zodIssues = (e: z.ZodError) => e.issues.slice(0, 50).map((i) => `${i.path.length ? i.path.join('.') : '(event)'}: ${i.message}`.slice(0, 2000));

export function parseSpoolLine(l: SpoolLine): ParsedLine {
  if (!l.tooLong && l.text.trim() === '') return { kind: 'blank' };
  if (l.tooLong) return { kind: 'problem', reason: 'line_too_long', issues: [`longer than ${MAX_LINE_BYTES} bytes`], eventId: null };
  if (l.badUtf8) return { kind: 'problem', reason: 'malformed_json', issues: ['not valid UTF-8'], eventId: null };
  let json: unknown;
  try {
    json = JSON.parse(l.text);
  } catch (e) {
    return { kind: 'problem', reason: 'malformed_json', issues: [e instanceof Error ? e.message : String(e)], eventId: null };
  }
  const claimed = json && typeof json === 'object' && typeof (json as { id?: unknown }).id === 'string' ? (json as { id: string }).id.slice(0, 128) : null;
  const parsed = SpoolInEvent.safeParse(json);
  if (!parsed.success) return { kind: 'problem', reason: 'schema', issues: zodIssues(parsed.error), eventId: claimed };
  return { kind: 'event', event: parsed.data };
}

/** A line as the importer takes it: where it is in the file, its text (for a quarantine entry) and what it is. */
export interface ReadLine {
  line: SpoolLine;
  parsed: ParsedLine;
}
