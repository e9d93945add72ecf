import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { CannedPicker } from '../canned/CannedPicker';
import { useCannedPicker } from '../canned/useCannedPicker';
import { cachedDraft, flushDraft, loadDraft, saveDraft } from './drafts';

/**
 * Writes a reply (or an internal note); Ctrl/Cmd+Enter sends. The text is a draft kept per conversation: it
 * survives switching conversations and a restart. Nothing typed is lost on a failed send.
 */
export function ReplyBox({ conversationId, disabled }: { conversationId: string; disabled: boolean }) {
  const { t } = useTranslation();
  const [body, setBodyState] = useState(() => cachedDraft(conversationId) ?? '');
  const [internal, setInternal] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);

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

  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim() || sending || blocked) return;
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
    <form className="reply" onSubmit={send}>
      <CannedPicker picker={canned} />
      <textarea
        {...canned.textareaProps}
        aria-label={t('conversation.replyLabel')}
        placeholder={t('conversation.replyPlaceholder')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
        disabled={disabled}
        rows={4}
      />
      {error && <ErrorText error={error} />}
      <div className="reply-actions">
        <label>
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> {t('conversation.internalToggle')}
        </label>
        <button type="submit" disabled={disabled || sending || !body.trim() || blocked}>
          {internal ? t('conversation.addNote') : t('conversation.send')}
        </button>
      </div>
    </form>
  );
}
