import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { topic, type ConversationSummary } from '../../../../shared/contract';
import { useCall } from '../../api/hooks';
import { formatTime } from '../../app/format';
import { MessageList } from '../conversation/MessageList';

/**
 * One past conversation: expands in place to show its thread (the current one and its draft stay put), or
 * opens it (the draft of the current one is kept).
 */
export function HistoryItem({ summary: c, current, onOpen }: { summary: ConversationSummary; current: boolean; onOpen(id: string): void }) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const label = `${c.subject} · ${formatTime(c.createdAt, i18n.language)}`;
  return (
    <li className={current ? 'current' : ''} aria-current={current ? 'true' : undefined}>
      <div className="history-row">
        <button type="button" aria-expanded={expanded} aria-label={t(expanded ? 'context.collapse' : 'context.expand', { subject: label })} onClick={() => setExpanded((e) => !e)}>
          <span className="subject">{c.subject}</span>
          <span className="meta">
            {t(`category.${c.category}`)} · {t(`status.${c.status}`)} · {formatTime(c.createdAt, i18n.language)}
            {c.ownerName && <> · {c.ownerName}</>}
          </span>
        </button>
        {!current && (
          <button type="button" className="history-open" aria-label={t('context.open', { subject: label })} onClick={() => onOpen(c.id)}>
            {t('context.openShort')}
          </button>
        )}
      </div>
      {expanded && <Expanded id={c.id} />}
    </li>
  );
}

function Expanded({ id }: { id: string }) {
  const { t } = useTranslation();
  const view = useCall('conversation.get', { id }, [topic.conversation(id)]);
  if (view.status !== 'ok') return <p className="loading">{t('app.loading')}</p>;
  const c = view.value.conversation;
  return (
    <div className="history-thread">
      <MessageList label={t('context.thread', { subject: c.subject })} messages={view.value.messages} events={view.value.events} handedOverAt={c.status === 'bot' ? null : c.queuedAt} />
    </div>
  );
}
