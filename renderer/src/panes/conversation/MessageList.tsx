import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../shared/contract/conversation';
import type { Message } from '../../../../shared/schema';
import { formatTime } from '../../app/format';

type Item = { kind: 'message'; at: number; m: Message } | { kind: 'event'; at: number; e: TimelineEvent };

/**
 * The thread, oldest first: customer, agent, bot, system messages and internal notes look different; changes
 * (status, owner, transfer, category, tags) appear in time order. What the bot said before the hand-over
 * (`handedOverAt`) is collapsed into one expandable block, still readable.
 */
export function MessageList({ messages, events = [], handedOverAt = null, label }: { messages: Message[]; events?: TimelineEvent[]; handedOverAt?: number | null; label?: string }) {
  const { t } = useTranslation();
  const end = useRef<HTMLLIElement>(null);
  // Only the open conversation follows new messages; an expanded history thread must not scroll the page.
  useEffect(() => void (label === undefined && end.current?.scrollIntoView({ block: 'end' })), [messages.length, events.length, label]);
  const botPart = handedOverAt === null ? [] : messages.filter((m) => m.at < handedOverAt && m.author !== 'agent');
  const rest: Item[] = [
    ...messages.filter((m) => !botPart.includes(m)).map((m): Item => ({ kind: 'message', at: m.at, m })),
    ...events.map((e): Item => ({ kind: 'event', at: e.at, e })),
  ].sort((a, b) => a.at - b.at);
  return (
    <ol className="messages" aria-label={label ?? t('conversation.thread')}>
      {botPart.length > 0 && (
        <li className="bot-transcript">
          <details>
            <summary>{t('conversation.botTranscript', { count: botPart.length })}</summary>
            <ol aria-label={t('conversation.botTranscriptList')}>
              {botPart.map((m) => (
                <MessageItem key={m.id} m={m} />
              ))}
            </ol>
          </details>
        </li>
      )}
      {rest.map((item) => (item.kind === 'message' ? <MessageItem key={item.m.id} m={item.m} /> : <EventItem key={item.e.id} e={item.e} />))}
      <li ref={end} aria-hidden="true" className="messages-end" />
    </ol>
  );
}

function MessageItem({ m }: { m: Message }) {
  const { t, i18n } = useTranslation();
  return (
    <li className={`message ${m.author} ${m.internal ? 'internal' : ''}`}>
      <span className="message-meta">
        {m.internal ? t('conversation.internalNote') : t(`conversation.author.${m.author}`)} ·{' '}
        <time dateTime={new Date(m.at).toISOString()}>{formatTime(m.at, i18n.language)}</time>
      </span>
      <span className="message-body">{m.body}</span>
    </li>
  );
}

/** Values that are enum codes (status, category) are shown translated; names and tags as they are. */
function EventItem({ e }: { e: TimelineEvent }) {
  const { t, i18n } = useTranslation();
  const value = (v: string | null) => {
    if (v === null || v === '') return t('conversation.events.none');
    if (e.action === 'conversation.status' || e.action === 'conversation.reopened' || e.action === 'conversation.resumed') return t(`status.${v}`, { defaultValue: v });
    if (e.action === 'conversation.category') return t(`category.${v}`, { defaultValue: v });
    if (v === 'owner_away') return t('conversation.ownerAway');
    return v;
  };
  const key = `conversation.events.${e.action.replace('conversation.', '')}`;
  return (
    <li className="message event">
      <span className="message-meta">
        <time dateTime={new Date(e.at).toISOString()}>{formatTime(e.at, i18n.language)}</time>
      </span>
      <span className="message-body">
        {t(key, { actor: e.actorName === 'system' ? t('conversation.author.system') : e.actorName, before: value(e.before), after: value(e.after), defaultValue: `${e.action}: ${value(e.before)} → ${value(e.after)}` })}
        {e.note && <span className="event-note"> — {e.note}</span>}
      </span>
    </li>
  );
}
