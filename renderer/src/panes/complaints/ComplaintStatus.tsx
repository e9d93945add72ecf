import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { topic } from '../../../../shared/contract';
import { useCall } from '../../api/hooks';
import classes from './complaints.module.css';
import { DeadlineWords } from './deadlineWords';

/**
 * A complaint conversation's complaint, small, for the conversation's context: its status, deadline and working
 * days left, and severity. Shows nothing for a conversation without one, or one the agent may not see.
 */
export function ComplaintStatus({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation();
  const got = useCall('complaints.ofConversation', { conversationId }, [topic.complaints, topic.conversation(conversationId), topic.clock]);
  if (got.status !== 'ok' || got.value.length === 0) return null;
  const c = got.value[0];
  return (
    <section className={classes.context} aria-label={t('complaints.context.label')}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {t('complaints.context.label')}
        </Text>
        <Text size="sm">{t(`complaints.status.${c.status}`)}</Text>
        {c.severity === 'severe' && (
          <Badge color="red" variant="filled" size="sm" tt="none">
            {t('complaints.severity.severe')}
          </Badge>
        )}
      </Group>
      <Text size="sm">
        <DeadlineWords c={c} t={t} locale={i18n.language} />
      </Text>
    </section>
  );
}
