import { useTranslation } from 'react-i18next';
import { topic } from '../../../../shared/contract';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { CustomerCard } from './CustomerCard';
import { HistoryItem } from './HistoryItem';
import './context.css';

/** The customer behind the open conversation: their card and every conversation they had, newest first. */
export function ContextPane({ conversationId, onOpen }: { conversationId: string | null; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const conv = useCall('conversation.get', conversationId ? { id: conversationId } : null, conversationId ? [topic.conversation(conversationId)] : []);
  const customerId = conv.status === 'ok' ? conv.value.customer.id : null;
  const history = useCall('customer.history', customerId ? { customerId } : null, customerId ? [topic.customer(customerId)] : []);

  if (!conversationId || !customerId) return <p className="empty">{t('context.none')}</p>;
  if (history.status === 'error') return <ErrorText error={history.error} />;
  if (history.status === 'loading') return <p className="loading">{t('app.loading')}</p>;
  const h = history.value;
  return (
    <div className="context">
      <CustomerCard history={h} />
      <h3 id="context-history">{t('context.history')}</h3>
      <ul className="history" aria-labelledby="context-history">
        {h.conversations.map((c) => (
          <HistoryItem key={c.id} summary={c} current={c.id === conversationId} onOpen={onOpen} />
        ))}
      </ul>
    </div>
  );
}
