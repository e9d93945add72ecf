import { Button, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { topic, type ConversationSummary } from '../../../../shared/contract';
import { useCall } from '../../api/hooks';
import { formatTime } from '../../app/format';
import { handedOverAt } from '../conversation/handover';
import { MessageList } from '../conversation/MessageList';
import classes from './context.module.css';

/**
 * One past conversation: expands in place to show its thread (the current one and its draft stay put), or
 * opens it (the draft of the current one is kept).
 */
export function HistoryItem({ summary: c, current, onOpen }: { summary: ConversationSummary; current: boolean; onOpen(id: string): void }) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const label = `${c.subject} · ${formatTime(c.createdAt, i18n.language)}`;
  return (
    <li className={classes.item} data-current={current || undefined} aria-current={current ? 'true' : undefined}>
      <div className={classes.row}>
        <UnstyledButton className={classes.toggle} aria-expanded={expanded} aria-label={t(expanded ? 'context.collapse' : 'context.expand', { subject: label })} onClick={() => setExpanded((e) => !e)}>
          <Text size="sm" fw={500} className={classes.subject}>
            {c.subject}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`category.${c.category}`)} · {t(`status.${c.status}`)} · {formatTime(c.createdAt, i18n.language)}
            {c.ownerName && <> · {c.ownerName}</>}
          </Text>
        </UnstyledButton>
        {!current && (
          <Button variant="default" size="compact-xs" aria-label={t('context.open', { subject: label })} onClick={() => onOpen(c.id)}>
            {t('context.openShort')}
          </Button>
        )}
      </div>
      {expanded && <Expanded id={c.id} />}
    </li>
  );
}

function Expanded({ id }: { id: string }) {
  const { t } = useTranslation();
  const view = useCall('conversation.get', { id }, [topic.conversation(id)]);
  if (view.status !== 'ok') return <Text size="sm" c="dimmed" p="xs">{t('app.loading')}</Text>;
  const c = view.value.conversation;
  return (
    <div className={classes.thread}>
      <MessageList label={t('context.thread', { subject: c.subject })} messages={view.value.messages} events={view.value.events} handedOverAt={handedOverAt(c)} />
    </div>
  );
}
