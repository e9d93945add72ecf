import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { topic } from '../../../../shared/contract';
import { CANNED_TOPIC, type CannedView } from '../../../../shared/contract/canned';
import { rankCanned, suggestCanned } from '../../../../shared/rules/cannedRanking';
import { findPlaceholders, renderCanned, type VariableProblem } from '../../../../shared/rules/cannedVariables';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { useSession } from '../../app/session';
import { triggerAt } from './triggerAt';

export interface PickerOption {
  reply: CannedView;
  suggested: boolean;
}

export interface CannedPickerState {
  open: boolean;
  query: string;
  options: PickerOption[];
  active: number;
  listId: string;
  optionId(index: number): string;
  insert(reply: CannedView): void;
  setActive(index: number): void;
  /** `{{...}}` left in the draft: sending is blocked while any remain. */
  problems: VariableProblem[];
  blocked: boolean;
  /** Selects a placeholder in the textarea so the agent can type over it. */
  selectProblem(p: VariableProblem): void;
  /**
   * Spread onto the reply textarea: ref and the autocomplete ARIA wiring. A textarea is a textbox (it may not take the
   * combobox role), and a textbox may not carry aria-expanded: the open list is announced through aria-controls
   * (present only while it shows) and the active option through aria-activedescendant.
   */
  textareaProps: {
    ref: RefObject<HTMLTextAreaElement | null>;
    'aria-autocomplete': 'list';
    'aria-controls': string | undefined;
    'aria-activedescendant': string | undefined;
  };
}

const MAX_OPTIONS = 30;
const SUGGESTIONS = 3;
let nextListId = 0;

/**
 * The `/` picker of the reply box: watches the draft and caret, offers canned replies ranked for what was
 * typed and for the open conversation, and inserts the chosen one with its variables filled. Keys are handled
 * on the textarea itself (before React's handlers), so the reply box needs no changes to its own key handling.
 */
export function useCannedPicker({
  value,
  setValue,
  textareaRef,
  conversationId,
}: {
  value: string;
  setValue(v: string): void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  conversationId: string;
}): CannedPickerState {
  const session = useSession();
  const library = useCall('canned.list', {}, [CANNED_TOPIC]);
  const view = useCall('conversation.get', { id: conversationId }, [topic.conversation(conversationId)]);
  const [trigger, setTrigger] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const dismissedAt = useRef<number | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const listId = useMemo(() => `canned-picker-${++nextListId}`, []);

  const detail = view.status === 'ok' ? view.value : null;
  const ctx = useMemo(() => {
    const lastCustomer = detail ? [...detail.messages].reverse().find((m) => m.author === 'customer') : undefined;
    return {
      category: detail?.conversation.category ?? null,
      locale: detail?.customer.locale ?? null,
      lastCustomerMessage: lastCustomer?.body ?? null,
    };
  }, [detail]);

  const options = useMemo<PickerOption[]>(() => {
    if (!trigger || library.status !== 'ok') return [];
    const replies = library.value;
    if (trigger.query) return rankCanned(replies, trigger.query, ctx).slice(0, MAX_OPTIONS).map((r) => ({ reply: r.reply, suggested: false }));
    const suggested = suggestCanned(replies, ctx, SUGGESTIONS);
    const ids = new Set(suggested.map((r) => r.id));
    const rest = rankCanned(replies, '', ctx).filter((r) => !ids.has(r.reply.id));
    return [...suggested.map((reply) => ({ reply, suggested: true })), ...rest.map((r) => ({ reply: r.reply, suggested: false }))].slice(0, MAX_OPTIONS);
  }, [trigger, library, ctx]);

  const detect = useCallback(() => {
    const el = textareaRef.current;
    if (!el || el.selectionStart !== el.selectionEnd) return setTrigger(null);
    const t = triggerAt(el.value, el.selectionStart);
    if (!t) dismissedAt.current = null;
    setTrigger(t && t.start !== dismissedAt.current ? t : null);
  }, [textareaRef]);

  useLayoutEffect(() => {
    const el = textareaRef.current;
    if (el && pendingCaret.current !== null) {
      el.focus();
      el.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
    detect();
  }, [value, detect, textareaRef]);

  useEffect(() => {
    setActive(0);
  }, [trigger?.query, trigger?.start]);

  const insert = useCallback(
    (reply: CannedView) => {
      const el = textareaRef.current;
      if (!el || !trigger) return;
      const rendered = renderCanned(reply.body, {
        customer: detail?.customer ?? null,
        agent: session.agent,
        conversation: detail ? { id: detail.conversation.id, dueAt: detail.conversation.dueAt } : null,
        locale: detail?.customer.locale ?? session.locale,
      });
      const end = el.selectionStart;
      pendingCaret.current = trigger.start + rendered.text.length;
      // What is right after the caret stays: several replies can go into one message.
      dismissedAt.current = null;
      setTrigger(null);
      setValue(value.slice(0, trigger.start) + rendered.text + value.slice(end));
      void api.call['canned.use']({ id: reply.id });
    },
    [textareaRef, trigger, detail, session, value, setValue],
  );

  // Keys and caret moves, straight on the element so they run before the reply box's own handlers.
  const stateRef = useRef({ options, active, trigger, insert });
  stateRef.current = { options, active, trigger, insert };
  useEffect(() => {
    const el = textareaRef.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      const s = stateRef.current;
      if (!s.trigger || e.isComposing) return;
      const n = s.options.length;
      if (e.key === 'ArrowDown' && n) setActive((s.active + 1) % n);
      else if (e.key === 'ArrowUp' && n) setActive((s.active - 1 + n) % n);
      else if ((e.key === 'Enter' || e.key === 'Tab') && n && !e.ctrlKey && !e.metaKey && !e.shiftKey) s.insert(s.options[s.active].reply);
      else if (e.key === 'Escape') {
        dismissedAt.current = s.trigger.start;
        setTrigger(null);
      } else return;
      e.preventDefault();
      e.stopPropagation();
    };
    const onCaret = () => detect();
    const onBlur = () => setTrigger(null);
    el.addEventListener('keydown', onKey);
    el.addEventListener('click', onCaret);
    el.addEventListener('keyup', onCaret);
    el.addEventListener('blur', onBlur);
    return () => {
      el.removeEventListener('keydown', onKey);
      el.removeEventListener('click', onCaret);
      el.removeEventListener('keyup', onCaret);
      el.removeEventListener('blur', onBlur);
    };
  }, [textareaRef, detect]);

  const problems = useMemo(() => findPlaceholders(value), [value]);
  const open = trigger !== null;
  const optionId = useCallback((i: number) => `${listId}-${i}`, [listId]);

  return {
    open,
    query: trigger?.query ?? '',
    options,
    active,
    listId,
    optionId,
    insert,
    setActive,
    problems,
    blocked: problems.length > 0,
    selectProblem: (p) => {
      const el = textareaRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(p.start, p.end);
    },
    textareaProps: {
      ref: textareaRef,
      'aria-autocomplete': 'list',
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open && options.length ? optionId(active) : undefined,
    },
  };
}
