import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import classes from './intakeAdmin.module.css';

/**
 * The bot answers agents marked wrong, newest first: what the customer wrote, what the bot said, who marked it and
 * when, and a way into the conversation (the dialog closes so the lead sees it).
 */
export function WrongAnswersTab({ onOpen }: { onOpen?(conversationId: string): void }) {
  const { t, i18n } = useTranslation();
  // bot.markWrong publishes the settings topic.
  const list = useCall('bot.wrongAnswers', {}, ['settings']);
  const profiles = useCall('profiles.list', {}, ['profiles']);
  const nameOf = (id: string) => (profiles.status === 'ok' ? (profiles.value.find((p) => p.id === id)?.name ?? id) : id);
  if (list.status === 'error') return <ErrorText error={list.error} />;
  if (list.status !== 'ok') return null;
  if (list.value.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('intakeAdmin.wrong.none')}
      </Text>
    );
  return (
    <div className={classes.scroll}>
      <Table verticalSpacing="xs" className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className={classes.when}>
              {t('intakeAdmin.wrong.at')}
            </Table.Th>
            <Table.Th scope="col" className={classes.when}>
              {t('intakeAdmin.wrong.conversation')}
            </Table.Th>
            <Table.Th scope="col">{t('intakeAdmin.wrong.customer')}</Table.Th>
            <Table.Th scope="col">{t('intakeAdmin.wrong.bot')}</Table.Th>
            <Table.Th scope="col" className={classes.when}>
              {t('intakeAdmin.wrong.by')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.value.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <time dateTime={new Date(f.at).toISOString()}>{formatTime(f.at, i18n.language)}</time>
              </Table.Td>
              <Table.Td>
                {onOpen ? (
                  <Anchor component="button" type="button" c="var(--link)" size="sm" aria-label={t('intakeAdmin.wrong.openConversation', { id: f.conversationId })} onClick={() => onOpen(f.conversationId)}>
                    {f.conversationId}
                  </Anchor>
                ) : (
                  f.conversationId
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" className={classes.quote}>
                  {f.customerText}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className={classes.quote}>
                  {f.botAnswer}
                </Text>
                {f.note && (
                  <Text size="xs" c="dimmed" className={classes.quote}>
                    {t('intakeAdmin.wrong.note')}: {f.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{nameOf(f.agentId)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
