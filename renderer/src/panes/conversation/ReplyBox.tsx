import { Button, Group, Switch, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { DRAFT_MAX_CHARS, REPLY_MAX_CHARS } from '../../../../shared/schema/conversation';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { REPLY_BOX_ID } from '../../app/keyboard/focusPane';
import { CannedPicker } from '../canned/CannedPicker';
import { useCannedPicker } from '../canned/useCannedPicker';
import { cachedDraft, flushDraft, loadDraft, onDraftSaved, saveDraft } from './drafts';
import classes from './ReplyBox.module.css';

/** The counter appears once a reply nears the limit. */
const COUNT_FROM = Math.floor(REPLY_MAX_CHARS * 0.9);

/**
 * Writes a reply (or an internal note); Ctrl/Cmd+Enter sends. The text is a draft kept per conversation: it
 * survives switching conversations and a restart. Nothing typed is lost on a failed send.
 */
export function ReplyBox({ conversationId, disabled }: { conversationId: string; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const [body, setBodyState] = useState(() => cachedDraft(conversationId) ?? '');
  const [internal, setInternal] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [draftFailed, setDraftFailed] = useState(false);
  useEffect(() => onDraftSaved((id, saved) => id === conversationId && setDraftFailed(!saved)), [conversationId]);

  useEffect(() => {
    let live = true;
    if (cachedDraft(conversationId) === undefined) void loadDraft(conversationId).then((d) => live && setBodyState((b) => b || d));
    const flush = () => flushDraft(conversationId);
    window.addEventListener('beforeunload', flush);
    return () => {
      live = false;
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [conversationId]);

  const setBody = (value: string) => {
    setBodyState(value);
    saveDraft(conversationId, value);
  };
  // The `/` canned-reply picker; `blocked` while {{placeholders}} remain (raw braces never reach a customer).
  const canned = useCannedPicker({ value: body, setValue: setBody, textareaRef: useRef<HTMLTextAreaElement>(null), conversationId });
  const blocked = canned.blocked && !internal;
  // Counted as the core counts it (surrounding whitespace is trimmed before the limit applies).
  const length = body.trim().length;
  const over = length - REPLY_MAX_CHARS;
  const fmt = (n: number) => n.toLocaleString(i18n.language);

  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim() || sending || blocked || over > 0) return;
    setSending(true);
    const r = await api.call['conversation.reply']({ id: conversationId, body, internal });
    setSending(false);
    if (r.ok) {
      setBodyState('');
      saveDraft(conversationId, '', true);
      setError(null);
    } else setError(r.error);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
  };

  return (
    <form className={classes.reply} onSubmit={send} data-internal={internal || undefined}>
      <CannedPicker picker={canned}>
        <Textarea
          {...canned.textareaProps}
          id={REPLY_BOX_ID}
          aria-label={t('conversation.replyLabel')}
          placeholder={t('conversation.replyPlaceholder')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          disabled={disabled}
          rows={4}
          resize="vertical"
          maxLength={DRAFT_MAX_CHARS}
          // Mantine links both to the textarea (aria-describedby) and sets aria-invalid over the limit; the error colour
          // is the app's --breach here (ReplyBox.module.css), which meets AA where Mantine's default red does not.
          description={length >= COUNT_FROM && over <= 0 ? t('conversation.replyLength', { count: fmt(length), max: fmt(REPLY_MAX_CHARS) }) : undefined}
          error={over > 0 ? t('conversation.replyTooLong', { max: fmt(REPLY_MAX_CHARS), over: fmt(over) }) : undefined}
          errorProps={{ role: 'alert' }}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          classNames={{ input: internal ? classes.internalInput : undefined }}
        />
      </CannedPicker>
      {draftFailed && (
        <Text role="alert" size="xs" className={classes.tooLong}>
          {t('conversation.draftNotSaved')}
        </Text>
      )}
      {error && <ErrorText error={error} />}
      <Group justify="space-between" gap="sm">
        <Switch size="sm" checked={internal} onChange={(e) => setInternal(e.currentTarget.checked)} label={t('conversation.internalToggle')} />
        <Button type="submit" size="sm" disabled={disabled || sending || !body.trim() || blocked || over > 0}>
          {internal ? t('conversation.addNote') : t('conversation.send')}
        </Button>
      </Group>
    </form>
  );
}
