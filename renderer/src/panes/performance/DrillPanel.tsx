import { Badge, Button, CloseButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillMetric, PerformanceRow } from '../../../../shared/contract/performance';
import { ErrorText } from '../../app/ErrorText';
import { duration } from './cells';
import type { Period } from './period';
import classes from './performance.module.css';
import { usePerformanceCall } from './topics';

/**
 * The conversations behind one figure of one agent (performance.drill), each with a button that opens it in the
 * workspace. Takes focus when it appears, so a keyboard or screen-reader user lands on what they asked for.
 */
export function DrillPanel({ agentId, agentName, metric, metricLabel, period, onClose, onOpen }: { agentId: string; agentName: string; metric: DrillMetric; metricLabel: string; period: Period; onClose(): void; onOpen?(conversationId: string): void }) {
  const { t } = useTranslation();
  const rows = usePerformanceCall('performance.drill', { ...period, agentId, metric });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [agentId, metric]);
  const title = t('performance.drill.title', { agent: agentName, metric: metricLabel, from: period.from, to: period.to });
  return (
    <Stack gap="xs" component="section" aria-label={title} className={classes.drill}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={3} size="h4" ref={heading} tabIndex={-1}>
          {title}
        </Title>
        <CloseButton aria-label={t('performance.drill.close')} onClick={onClose} />
      </Group>
      {rows.status === 'error' && <ErrorText error={rows.error} />}
      {rows.status === 'ok' &&
        (rows.value.rows.length === 0 ? (
          <Text size="sm">{t('performance.drill.none')}</Text>
        ) : (
          <>
            <Text size="sm">{t('performance.drill.count', { count: rows.value.rows.length })}</Text>
            <div className={classes.drillScroll}>
              <DrillTable rows={rows.value.rows} onOpen={onOpen} />
            </div>
          </>
        ))}
    </Stack>
  );
}

const COLUMNS = ['conversation', 'category', 'tier', 'firstResponse', 'resolution', 'sla', 'rating', 'complaint', 'reopened', 'actions'] as const;

function DrillTable({ rows, onOpen }: { rows: readonly PerformanceRow[]; onOpen?(conversationId: string): void }) {
  const { t } = useTranslation();
  const yesNo = (v: boolean | null) => (v === null ? t('performance.noData') : v ? t('performance.drill.yes') : t('performance.drill.no'));
  return (
    <Table verticalSpacing={4} fz="sm" stickyHeader className={classes.table} aria-label={t('performance.drill.label')}>
      <Table.Thead>
        <Table.Tr>
          {COLUMNS.filter((c) => c !== 'actions' || onOpen).map((c) => (
            <Table.Th key={c} scope="col">
              {t(`performance.drill.columns.${c}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.conversationId}>
            <Table.Th scope="row" fw={400}>
              <Text size="sm" fw={600} className={classes.comment}>
                {r.subject}
              </Text>
              <span className={classes.detail}>
                {r.customerName} · {r.conversationId}
              </span>
              {r.fromBot && (
                <Badge size="xs" variant="outline" color="gray" ml={4}>
                  {t('performance.drill.fromBot')}
                </Badge>
              )}
            </Table.Th>
            <Table.Td>{t(`category.${r.category}`)}</Table.Td>
            <Table.Td>{t(`tier.${r.tier}`)}</Table.Td>
            <Table.Td>{duration(r.firstResponseMs, t) ?? t('performance.noData')}</Table.Td>
            <Table.Td>{duration(r.resolutionMs, t) ?? t('performance.noData')}</Table.Td>
            <Table.Td>{yesNo(r.slaMet)}</Table.Td>
            <Table.Td>{r.rating === null ? t('performance.noData') : t('performance.ratings.stars', { score: r.rating })}</Table.Td>
            <Table.Td>{r.complaint ? (r.complaintUpheld === null ? t('performance.drill.yes') : r.complaintUpheld ? t('performance.drill.upheld') : t('performance.drill.notUpheld')) : t('performance.drill.no')}</Table.Td>
            <Table.Td>{yesNo(r.reopened)}</Table.Td>
            {onOpen && (
              <Table.Td>
                <Button size="compact-xs" variant="default" aria-label={t('performance.drill.openConversation', { subject: r.subject, id: r.conversationId })} onClick={() => onOpen(r.conversationId)}>
                  {t('performance.drill.open')}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
