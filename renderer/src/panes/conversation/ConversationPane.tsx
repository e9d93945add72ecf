import { useTranslation } from 'react-i18next';
import { topic } from '../../../../shared/contract';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { ConversationHeader } from './ConversationHeader';
import { MessageList } from './MessageList';
import { ReplyBox } from './ReplyBox';
import './conversation.css';

/** The open conversation: header (status, due, owner, category, tags, transfer), the thread, the reply box. */
export function ConversationPane({ conversationId, onOpen }: { conversationId: string | null; onOpen?(id: string): void }) {
  const { t } = useTranslation();
  const view = useCall('conversation.get', conversationId ? { id: conversationId } : null, conversationId ? [topic.conversation(conversationId)] : []);

  if (!conversationId) return <p className="empty">{t('conversation.none')}</p>;
  if (view.status === 'loading') return <p className="loading">{t('app.loading')}</p>;
  if (view.status === 'error') return <ErrorText error={view.error} />;
  const c = view.value.conversation;
  return (
    <div className="conversation">
      <ConversationHeader view={view.value} onOpen={onOpen} />
      <MessageList messages={view.value.messages} events={view.value.events} handedOverAt={c.status === 'bot' ? null : c.queuedAt} />
      <ReplyBox key={c.id} conversationId={c.id} disabled={c.status === 'closed'} />
    </div>
  );
}
