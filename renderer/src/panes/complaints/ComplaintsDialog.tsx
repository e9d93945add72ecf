import { Badge, Button, Group, NativeSelect, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '../../../../shared/contract/complaints';
import { COMPLAINT_BUCKETS, type ComplaintBucket } from '../../../../shared/rules/complaints';
import type { ComplaintStatus } from '../../../../shared/schema/complaint';
import type { Severity } from '../../../../shared/schema/conversation';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { Dialog } from '../../app/ui/Dialog';
import { ComplaintDetail } from './ComplaintDetail';
import classes from './complaints.module.css';
import { DeadlineWords } from './deadlineWords';

const STATUSES: ComplaintStatus[] = ['open', 'investigating', 'result_given', 'closed'];

/**
 * The lead's complaints view: bucket tabs with counts (open, due soon, overdue, closed on time, closed late),
 * severity / status / words filters, the list in the core's order (severe and overdue on top) with each deadline and
 * the working days left, and the chosen complaint beside it to confirm severity, step, give the result and close.
 */
export default function ComplaintsDialog({ onClose, onOpen }: { onClose(): void; onOpen?(conversationId: string): void }) {
  const { t, i18n } = useTranslation();
  const [bucket, setBucket] = useState<ComplaintBucket | 'all'>('all');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [status, setStatus] = useState<ComplaintStatus | ''>('');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const input = {
    ...(bucket !== 'all' ? { bucket } : {}),
    ...(severity ? { severity } : {}),
    ...(status ? { status } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
  };
  const list = useCall('complaints.list', input, ['complaints', 'clock']);
  const openIt = onOpen
    ? (id: string) => {
        onOpen(id);
        onClose();
      }
    : undefined;
  const counts = list.status === 'ok' ? list.value.counts : null;
  const total = counts ? COMPLAINT_BUCKETS.reduce((n, b) => n + counts[b], 0) : 0;
  return (
    <Dialog title={t('complaints.title')} onClose={onClose} size="95rem">
      <Stack gap="sm">
        <Tabs value={bucket} onChange={(v) => v && setBucket(v as ComplaintBucket | 'all')}>
          <Tabs.List>
            <Tabs.Tab value="all">{t('complaints.buckets.all', { count: total })}</Tabs.Tab>
            {COMPLAINT_BUCKETS.map((b) => (
              <Tabs.Tab key={b} value={b}>
                {t(`complaints.buckets.${b}`, { count: counts?.[b] ?? 0 })}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Group gap="sm" align="flex-end" role="group" aria-label={t('complaints.filters')}>
          <NativeSelect
            size="xs"
            label={t('complaints.severityFilter')}
            value={severity}
            onChange={(e) => setSeverity(e.currentTarget.value as Severity | '')}
            data={[{ value: '', label: t('complaints.any') }, ...(['severe', 'normal'] as const).map((s) => ({ value: s, label: t(`complaints.severity.${s}`) }))]}
          />
          <NativeSelect
            size="xs"
            label={t('complaints.statusFilter')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as ComplaintStatus | '')}
            data={[{ value: '', label: t('complaints.any') }, ...STATUSES.map((s) => ({ value: s, label: t(`complaints.status.${s}`) }))]}
          />
          <TextInput size="xs" label={t('complaints.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} maxLength={100} />
        </Group>
        {list.status === 'error' && <ErrorText error={list.error} />}
        {list.status === 'ok' && (
          <div className={classes.layout}>
            <div className={classes.list}>
              {list.value.items.length === 0 ? (
                <Text c="dimmed">{t('complaints.none')}</Text>
              ) : (
                <Table className={classes.table} verticalSpacing={6}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('complaints.columns.complaint')}</Table.Th>
                      <Table.Th scope="col">{t('complaints.columns.severity')}</Table.Th>
                      <Table.Th scope="col">{t('complaints.columns.status')}</Table.Th>
                      <Table.Th scope="col" className={classes.deadlineCol}>
                        {t('complaints.columns.deadline')}
                      </Table.Th>
                      <Table.Th scope="col">{t('complaints.columns.handler')}</Table.Th>
                      <Table.Th scope="col" className={classes.actionsCol}>
                        {t('complaints.columns.actions')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.value.items.map((c) => (
                      <Row key={c.id} c={c} selected={c.id === selected} onSelect={() => setSelected(c.id)} t={t} locale={i18n.language} />
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {list.value.total > list.value.items.length && (
                <Text size="sm" c="dimmed" mt="xs">
                  {t('complaints.shown', { shown: list.value.items.length, total: list.value.total })}
                </Text>
              )}
            </div>
            {selected && (
              <div className={classes.detail}>
                <ComplaintDetail id={selected} handlers={list.value.handlers} onOpen={openIt} />
              </div>
            )}
          </div>
        )}
      </Stack>
    </Dialog>
  );
}

function Row({ c, selected, onSelect, t, locale }: { c: ComplaintView; selected: boolean; onSelect(): void; t: ReturnType<typeof useTranslation>['t']; locale: string }) {
  const awaiting = c.suggestedSeverity === 'severe' && c.severityConfirmedBy === null && c.status !== 'closed';
  return (
    <Table.Tr className={selected ? classes.selected : undefined} aria-selected={selected}>
      <Table.Th scope="row" fw={500}>
        <div>{c.customerName}</div>
        <Text size="sm" c="dimmed">
          {t(`complaints.subject.${c.subject}`)} · {c.conversationSubject}
        </Text>
      </Table.Th>
      <Table.Td>
        <Group gap={4}>
          {c.severity === 'severe' ? (
            <Badge color="red" variant="filled" tt="none">
              {t('complaints.severity.severe')}
            </Badge>
          ) : (
            <Text size="sm">{t('complaints.severity.normal')}</Text>
          )}
          {awaiting && (
            // Outlined in the at-risk token: Mantine's light orange badge is 3.6:1, under AA for its small text.
            <Badge variant="outline" tt="none" style={{ color: 'var(--risk)', borderColor: 'var(--risk)' }}>
              {t('complaints.suggestedSevere')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{t(`complaints.status.${c.status}`)}</Table.Td>
      <Table.Td>
        <DeadlineWords c={c} t={t} locale={locale} />
      </Table.Td>
      <Table.Td>{c.handlerName ?? t('complaints.nobody')}</Table.Td>
      <Table.Td>
        <Button size="compact-xs" variant={selected ? 'filled' : 'default'} onClick={onSelect} aria-label={t('complaints.view', { name: c.customerName })}>
          {t('complaints.handle')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
