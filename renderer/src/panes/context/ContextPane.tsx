import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { topic } from '../../../../shared/contract';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { ComplaintStatus } from '../complaints/ComplaintStatus';
import { CustomerCard } from './CustomerCard';
import { HistoryItem } from './HistoryItem';
import classes from './context.module.css';

/** The customer behind the open conversation: their card and every conversation they had, newest first. */
export function ContextPane({ conversationId, onOpen }: { conversationId: string | null; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const conv = useCall('conversation.get', conversationId ? { id: conversationId } : null, conversationId ? [topic.conversation(conversationId)] : []);
  const customerId = conv.status === 'ok' ? conv.value.customer.id : null;
  const history = useCall('customer.history', customerId ? { customerId } : null, customerId ? [topic.customer(customerId)] : []);

  if (!conversationId || !customerId) return <Text c="dimmed" p="lg">{t('context.none')}</Text>;
  if (history.status === 'error') return <ErrorText error={history.error} />;
  if (history.status === 'loading') return <Text c="dimmed" p="lg">{t('app.loading')}</Text>;
  const h = history.value;
  return (
    <div className={classes.context}>
      <CustomerCard history={h} />
      <ComplaintStatus conversationId={conversationId} />
      <Title order={3} size="h3" id="context-history" c="dimmed" mx="md" my="xs">
        {t('context.history')}
      </Title>
      <ul className={classes.history} aria-labelledby="context-history">
        {h.conversations.map((c) => (
          <HistoryItem key={c.id} summary={c} current={c.id === conversationId} onOpen={onOpen} />
        ))}
      </ul>
    </div>
  );
}
