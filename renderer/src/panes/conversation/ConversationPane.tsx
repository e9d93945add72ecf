import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { topic } from '../../../../shared/contract';
import { can } from '../../../../shared/contract/permissions';
import { useCall } from '../../api/hooks';
import { useSession } from '../../app/session';
import { ErrorText } from '../../app/ErrorText';
import { ConversationHeader } from './ConversationHeader';
import { handedOverAt } from './handover';
import { HandoverSummary } from './HandoverSummary';
import { MessageList } from './MessageList';
import { ReplyBox } from './ReplyBox';
import classes from './ConversationPane.module.css';

/** The open conversation: header (status, due, owner, category, tags, transfer), the hand-over summary and thread, the reply box. */
export function ConversationPane({ conversationId, onOpen }: { conversationId: string | null; onOpen?(id: string): void }) {
  const { t } = useTranslation();
  const { agent } = useSession();
  const view = useCall('conversation.get', conversationId ? { id: conversationId } : null, conversationId ? [topic.conversation(conversationId)] : []);

  if (!conversationId) return <Text c="dimmed" p="lg">{t('conversation.none')}</Text>;
  if (view.status === 'loading') return <Text c="dimmed" p="lg">{t('app.loading')}</Text>;
  if (view.status === 'error') return <ErrorText error={view.error} />;
  const c = view.value.conversation;
  return (
    <div className={classes.pane}>
      <ConversationHeader view={view.value} onOpen={onOpen} />
      {/* Keyed: a newly opened conversation starts with the bot's turns collapsed again. */}
      <MessageList key={c.id} messages={view.value.messages} events={view.value.events} handedOverAt={handedOverAt(c)} lead={<HandoverSummary view={view.value} />} canMarkWrong={can(agent.role, 'bot.markWrong')} />
      <ReplyBox key={`reply-${c.id}`} conversationId={c.id} disabled={c.status === 'closed'} />
    </div>
  );
}
