import { z } from 'zod';
import {
  DEFAULT_RUBRIC_WEIGHTS,
  RUBRIC_ITEMS,
  TrainingScenario,
  type RubricItem,
  type TrainingEnd,
  type TrainingIntent,
} from '../../../../shared/schema/training';
import type { Category, Locale, Tier } from '../../../../shared/schema/common';

/**
 * The authoring form's model of a scenario: the document of shared/schema/training.ts with every list of words as
 * the text of a textarea (one per line) and numbers as typed, so the form holds exactly what the lead typed, and
 * `scenarioOf` turns it back into the document the core validates (the same zod schema, client side first).
 */
export interface BranchDraft {
  all: string[];
  any: string[];
  intents: TrainingIntent[];
  next: string;
}
export interface NodeDraft {
  id: string;
  customer: string;
  fallbacks: string;
  end: TrainingEnd | '';
  branches: BranchDraft[];
}
export interface KeyPointDraft {
  id: string;
  label: string;
  zh: string;
  en: string;
  required: boolean;
}
export interface ScenarioDraft {
  id: string;
  title: string;
  locale: Locale;
  category: Category;
  startCategory: Category;
  difficulty: 'easy' | 'medium' | 'hard';
  tags: string;
  personaName: string;
  personaTier: Tier;
  personaHistory: string;
  personaOwnData: string;
  turnBudgetSeconds: string;
  impatient: boolean;
  impatienceAfterSeconds: string;
  impatienceMessages: string;
  keyPoints: KeyPointDraft[];
  nodes: NodeDraft[];
  escalationRequired: boolean;
  apologyDue: boolean;
  expectedCanned: string;
  forbidden: string;
  rubric: Record<RubricItem, string>;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
const words = (text: string) =>
  text
    .split(/[,，\n]/u)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
/** A typed number, or the text itself so the schema says it is not a number (never a silent 0). */
const num = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

export function emptyNode(id: string, end: TrainingEnd | '' = ''): NodeDraft {
  return { id, customer: '', fallbacks: '', end, branches: [] };
}
export const emptyBranch = (next = ''): BranchDraft => ({ all: [], any: [], intents: [], next });
export const emptyKeyPoint = (id: string): KeyPointDraft => ({ id, label: '', zh: '', en: '', required: true });

/** A new scenario: an opening, a resolved end and one key point leading there, to be filled in. */
export function newDraft(locale: Locale): ScenarioDraft {
  return {
    id: '',
    title: '',
    locale,
    category: 'account',
    startCategory: 'other',
    difficulty: 'easy',
    tags: '',
    personaName: '',
    personaTier: 'normal',
    personaHistory: '',
    personaOwnData: '',
    turnBudgetSeconds: '120',
    impatient: false,
    impatienceAfterSeconds: '180',
    impatienceMessages: '',
    keyPoints: [emptyKeyPoint('kp-1')],
    nodes: [{ ...emptyNode('start'), branches: [{ ...emptyBranch('done'), all: ['kp-1'] }] }, emptyNode('done', 'resolved')],
    escalationRequired: false,
    apologyDue: true,
    expectedCanned: '',
    forbidden: '',
    rubric: Object.fromEntries(RUBRIC_ITEMS.map((i) => [i, String(DEFAULT_RUBRIC_WEIGHTS[i])])) as Record<RubricItem, string>,
  };
}

/** The form's model of a stored scenario document (anything the schema reads; an unreadable one gives null). */
export function draftOf(doc: unknown): ScenarioDraft | null {
  const parsed = TrainingScenario.safeParse(doc);
  if (!parsed.success) return null;
  const s = parsed.data;
  return {
    id: s.id,
    title: s.title,
    locale: s.locale,
    category: s.category,
    startCategory: s.startCategory,
    difficulty: s.difficulty,
    tags: s.tags.join(', '),
    personaName: s.persona.name,
    personaTier: s.persona.tier,
    personaHistory: s.persona.history.join('\n'),
    personaOwnData: s.persona.ownData.join('\n'),
    turnBudgetSeconds: String(s.turnBudgetSeconds),
    impatient: s.impatience !== null,
    impatienceAfterSeconds: String(s.impatience?.afterSeconds ?? 180),
    impatienceMessages: (s.impatience?.messages ?? []).join('\n'),
    keyPoints: s.keyPoints.map((k) => ({ id: k.id, label: k.label, zh: k.phrases['zh-CN'].join('\n'), en: k.phrases.en.join('\n'), required: k.required })),
    nodes: s.nodes.map((n) => ({
      id: n.id,
      customer: n.customer,
      fallbacks: n.fallbacks.join('\n'),
      end: n.end ?? '',
      branches: n.branches.map((b) => ({ all: [...b.when.all], any: [...b.when.any], intents: [...b.when.intents], next: b.next })),
    })),
    escalationRequired: s.escalationRequired,
    apologyDue: s.apologyDue,
    expectedCanned: s.expectedCanned.join(', '),
    forbidden: s.forbidden.join('\n'),
    rubric: Object.fromEntries(RUBRIC_ITEMS.map((i) => [i, String(s.rubric[i])])) as Record<RubricItem, string>,
  };
}

/** The scenario document the form describes (not yet validated). */
export function scenarioOf(d: ScenarioDraft): unknown {
  return {
    id: d.id.trim(),
    title: d.title,
    locale: d.locale,
    category: d.category,
    startCategory: d.startCategory,
    difficulty: d.difficulty,
    tags: words(d.tags),
    persona: { name: d.personaName, tier: d.personaTier, history: lines(d.personaHistory), ownData: lines(d.personaOwnData) },
    turnBudgetSeconds: num(d.turnBudgetSeconds),
    impatience: d.impatient ? { afterSeconds: num(d.impatienceAfterSeconds), messages: lines(d.impatienceMessages) } : null,
    keyPoints: d.keyPoints.map((k) => ({ id: k.id.trim(), label: k.label, phrases: { 'zh-CN': lines(k.zh), en: lines(k.en) }, required: k.required })),
    nodes: d.nodes.map((n) => ({
      id: n.id.trim(),
      customer: n.customer,
      fallbacks: lines(n.fallbacks),
      end: n.end === '' ? null : n.end,
      branches: n.branches.map((b) => ({ when: { all: b.all, any: b.any, intents: b.intents }, next: b.next })),
    })),
    escalationRequired: d.escalationRequired,
    apologyDue: d.apologyDue,
    expectedCanned: words(d.expectedCanned),
    forbidden: lines(d.forbidden),
    rubric: Object.fromEntries(RUBRIC_ITEMS.map((i) => [i, num(d.rubric[i])])),
  };
}

/** The schema's verdict on the form, as zod issues (empty when the scenario can be saved). */
export function draftIssues(d: ScenarioDraft): z.core.$ZodIssue[] {
  const r = TrainingScenario.safeParse(scenarioOf(d));
  return r.success ? [] : r.error.issues;
}
