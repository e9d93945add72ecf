import type { Locale } from '../schema/common';
import { firstNameOf } from './firstName';

/**
 * Filling a canned reply's variables. Pure: the reply box renders on insert, then checks the whole draft before
 * sending. A variable that is unknown or has no value stays in the text as `{{name}}` and is reported with its
 * position, so the reply box can highlight it and refuse to send raw braces.
 */

export const CANNED_VARIABLES = [
  'customer.name',
  'customer.first_name',
  'agent.name',
  'conversation.id',
  'conversation.due',
] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

export interface VariableContext {
  customer?: { name: string | null } | null;
  agent?: { name: string | null } | null;
  conversation?: { id: string; dueAt: number | null } | null;
  /** The language the message is written for (dates are formatted for it). */
  locale: Locale;
}

export interface VariableProblem {
  /** The text between the braces, trimmed ("customer.name", "order.id"). */
  name: string;
  kind: 'unknown' | 'empty';
  /** Offsets of the whole `{{...}}` in the text returned (or checked), end exclusive. */
  start: number;
  end: number;
}

export interface Rendered {
  text: string;
  problems: VariableProblem[];
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/gu;

const isKnown = (name: string): name is CannedVariable => (CANNED_VARIABLES as readonly string[]).includes(name);

/** "11月25日 18:00" / "Nov 25, 6:00 PM": the due time in Shanghai time, as the customer reads it. */
export function formatDue(at: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: locale === 'en',
  }).format(at);
}

export function variableValue(name: CannedVariable, ctx: VariableContext): string {
  const clean = (v: string | null | undefined) => (v ?? '').trim();
  switch (name) {
    case 'customer.name':
      return clean(ctx.customer?.name);
    case 'customer.first_name':
      return firstNameOf(clean(ctx.customer?.name));
    case 'agent.name':
      return clean(ctx.agent?.name);
    case 'conversation.id':
      return clean(ctx.conversation?.id);
    case 'conversation.due':
      return ctx.conversation?.dueAt != null ? formatDue(ctx.conversation.dueAt, ctx.locale) : '';
  }
}

/** Replaces every known variable that has a value; leaves the rest as `{{name}}` and reports them. */
export function renderCanned(body: string, ctx: VariableContext): Rendered {
  let text = '';
  let last = 0;
  const problems: VariableProblem[] = [];
  for (const m of body.matchAll(PLACEHOLDER)) {
    text += body.slice(last, m.index);
    last = m.index + m[0].length;
    const name = m[1];
    const value = isKnown(name) ? variableValue(name, ctx) : '';
    if (value) {
      text += value;
      continue;
    }
    const raw = `{{${name}}}`;
    problems.push({ name, kind: isKnown(name) ? 'empty' : 'unknown', start: text.length, end: text.length + raw.length });
    text += raw;
  }
  text += body.slice(last);
  return { text, problems };
}

/**
 * Every `{{...}}` still in a draft (left by a canned reply, or typed): the reply box blocks sending while any
 * remain. A known variable here is one that had no value when inserted.
 */
export function findPlaceholders(draft: string): VariableProblem[] {
  return [...draft.matchAll(PLACEHOLDER)].map((m) => ({
    name: m[1],
    kind: isKnown(m[1]) ? 'empty' : 'unknown',
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Lone `{{` or `}}` count as raw braces too: they would reach the customer looking like a broken template. */
export function hasRawBraces(draft: string): boolean {
  return draft.includes('{{') || draft.includes('}}');
}
