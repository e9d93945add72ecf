import type { z } from 'zod';
import { zodCause, type ErrorCause } from '../../../../shared/contract/errors';
import type { Translate } from './text';

/**
 * The schema's own checks of a scenario's shape (shared/schema/training.ts refinements), recognised by the start of
 * their message, so each has a sentence in both languages (training.author.issue.*) instead of the English text.
 */
const CUSTOM: [prefix: string, key: string][] = [
  ['duplicate node id', 'duplicate_node'],
  ['duplicate key point id', 'duplicate_key_point'],
  ['a node that does not end needs a branch', 'node_needs_branch'],
  ['an end node has no branches', 'end_has_branches'],
  ['no node', 'unknown_node'],
  ['no key point', 'unknown_key_point'],
  ['a scenario needs an end node', 'needs_end'],
  ['the opening node cannot end the scenario', 'opening_ends'],
  ['a key point needs at least one phrase', 'key_point_phrase'],
  ['a branch needs a condition', 'branch_condition'],
  ['lowercase letters, digits, - and _', 'local_id'],
];

const LISTS: Record<string, string> = { nodes: 'node', keyPoints: 'keyPoint', branches: 'branch', fallbacks: 'line', messages: 'line', history: 'line', ownData: 'line', tags: 'line', forbidden: 'line', expectedCanned: 'line' };

/** Where in the scenario an issue is: "Node 2 › Branch 1 › Next node" / "节点 2 › 分支 1 › 下一个节点". */
export function issuePlace(path: readonly PropertyKey[], t: Translate): string {
  const parts: string[] = [];
  path.forEach((seg, i) => {
    const before = path[i - 1];
    if (typeof seg === 'number') {
      const list = typeof before === 'string' ? LISTS[before] : undefined;
      parts.push(t(`training.author.place.${list ?? 'line'}`, { n: seg + 1 }));
      return;
    }
    const name = String(seg);
    // A list's own name is said by its element ("Node 2"), unless the issue is about the whole list.
    if (LISTS[name] && i < path.length - 1 && typeof path[i + 1] === 'number') return;
    const said = t(`training.author.field.${name}`, { defaultValue: '' });
    parts.push(said || name);
  });
  return parts.length > 0 ? parts.join(' › ') : t('training.author.place.scenario');
}

/** What is wrong, in words: the schema's own checks by their message, zod's checks by their code and limits. */
export function issueReason(issue: z.core.$ZodIssue, t: Translate, locale: string): string {
  if (issue.code === 'custom' || issue.code === 'invalid_format') {
    const hit = CUSTOM.find(([prefix]) => issue.message.startsWith(prefix));
    if (hit) return t(`training.author.issue.${hit[1]}`, { id: issue.message.split(' ').pop() ?? '' });
  }
  return causeReason(zodCause(issue), t, locale);
}

function causeReason(c: ErrorCause, t: Translate, locale: string): string {
  const n = new Intl.NumberFormat(locale);
  const limits = { minimum: c.minimum === undefined ? '' : n.format(c.minimum), maximum: c.maximum === undefined ? '' : n.format(c.maximum) };
  const measured = c.origin === 'string' ? 'string' : c.origin === 'array' ? 'array' : 'number';
  switch (c.code) {
    case 'too_small':
      return measured === 'string' && c.minimum === 1 ? t('training.author.issue.empty') : t(`training.author.issue.too_small_${measured}`, limits);
    case 'too_big':
      return t(`training.author.issue.too_big_${measured}`, limits);
    case 'invalid_type':
      return t(c.expected === 'number' || c.expected === 'int' ? 'training.author.issue.number' : 'training.author.issue.invalid');
    case 'unrecognized_keys':
      return t('training.author.issue.unrecognized');
    default:
      return t('training.author.issue.invalid');
  }
}

/** "Node 2 › Next node: there is no node “x”." — one issue as one line of the form's list. */
export const issueLine = (issue: z.core.$ZodIssue, t: Translate, locale: string) => t('training.author.issueLine', { place: issuePlace(issue.path, t), reason: issueReason(issue, t, locale) });

/** The import's file-level problems (shared/rules/training/scenarioFile.ts), recognised by the start of the message. */
const FILE: [prefix: string, key: string][] = [
  ['Not valid JSON', 'json'],
  ['Nested deeper', 'depth'],
  ['Expected a list of scenarios', 'shape'],
  ['At most', 'too_many'],
  ['Duplicate id', 'duplicate_id'],
];

/**
 * One problem of an imported scenario file in words: the file's own problems and the scenario schema's checks by
 * their message, a field check by its cause (as the authoring form says it); never the core's English text, unless
 * a problem carries neither (a newer core's).
 */
export function importProblemText(p: { message: string; cause?: ErrorCause }, t: Translate, locale: string): string {
  const file = FILE.find(([prefix]) => p.message.startsWith(prefix));
  if (file) return t(`training.import.problem.${file[1]}`);
  const custom = CUSTOM.find(([prefix]) => p.message.startsWith(prefix));
  if (custom) return t(`training.author.issue.${custom[1]}`, { id: p.message.split(' ').pop() ?? '' });
  if (p.cause) return causeReason(p.cause, t, locale);
  return p.message;
}
