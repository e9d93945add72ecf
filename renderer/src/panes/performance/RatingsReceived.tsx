import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import classes from './performance.module.css';
import { usePerformanceCall } from './topics';

/**
 * The ratings the signed-in agent received (ratings.mine), newest first, comments included; one replaced by a
 * later rating of the same conversation (after a reopen) is marked: history keeps both, the score counts the later.
 */
export function RatingsReceived({ onOpen }: { onOpen?(conversationId: string): void }) {
  const { t, i18n } = useTranslation();
  const ratings = usePerformanceCall('ratings.mine', {});
  return (
    <Stack gap="xs" component="section" aria-labelledby="ratings-received">
      <Title order={3} size="h4" id="ratings-received">
        {t('performance.ratings.title')}
      </Title>
      {ratings.status === 'error' && <ErrorText error={ratings.error} />}
      {ratings.status === 'ok' &&
        (ratings.value.ratings.length === 0 ? (
          <Text size="sm">{t('performance.ratings.none')}</Text>
        ) : (
          <>
            <Text size="sm">{t('performance.ratings.total', { count: ratings.value.total })}</Text>
            <div className={classes.drillScroll}>
              <Table verticalSpacing={4} fz="sm" stickyHeader className={classes.table}>
                <Table.Thead>
                  <Table.Tr>
                    {(['at', 'score', 'comment', 'conversation'] as const).map((c) => (
                      <Table.Th key={c} scope="col">
                        {t(`performance.ratings.columns.${c}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ratings.value.ratings.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <time dateTime={new Date(r.at).toISOString()}>{formatTime(r.at, i18n.language)}</time>
                      </Table.Td>
                      <Table.Td>
                        <span className={classes.main}>{t('performance.ratings.stars', { score: r.score })}</span>
                        {r.replaced && (
                          <Badge size="xs" variant="outline" color="gray" display="block" mt={2}>
                            {t('performance.ratings.replaced')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td className={classes.comment}>{r.comment || <span className={classes.notEnough}>{t('performance.ratings.noComment')}</span>}</Table.Td>
                      <Table.Td>
                        {onOpen ? (
                          <Button size="compact-xs" variant="subtle" c="var(--link)" aria-label={t('performance.drill.openConversation', { subject: r.subject, id: r.conversationId })} onClick={() => onOpen(r.conversationId)}>
                            {r.subject || r.conversationId}
                          </Button>
                        ) : (
                          r.subject || r.conversationId
                        )}
                        <span className={classes.detail}>
                          {' '}
                          {r.customerName}
                        </span>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </>
        ))}
    </Stack>
  );
}
