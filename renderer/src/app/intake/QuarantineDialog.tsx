import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { topic } from '../../../../shared/contract';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../ErrorText';
import { Dialog } from '../ui/Dialog';
import classes from './QuarantineDialog.module.css';

/** How many set-aside lines the dialog lists (the newest; the count says how many there are in all). */
const LIMIT = 100;

/**
 * The spool lines the import set aside, newest first: which file and line, why (in words; the details are zod's or
 * the core's, in English, as the connector's developers read them) and the line as it was.
 */
export default function QuarantineDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const list = useCall('spool.quarantine', { offset: 0, limit: LIMIT }, [topic.spool]);
  return (
    <Dialog title={t('intake.dialogTitle')} onClose={onClose} size="xl">
      <Text size="sm" mb="sm">
        {t('intake.dialogIntro')}
      </Text>
      {list.status === 'error' && <ErrorText error={list.error} />}
      {list.status === 'ok' && (
        <>
          <Table className={classes.table} aria-label={t('intake.tableLabel')} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('intake.file')}</Table.Th>
                <Table.Th>{t('intake.line')}</Table.Th>
                <Table.Th>{t('intake.reasonHeader')}</Table.Th>
                <Table.Th>{t('intake.content')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.value.items.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td>{q.file}</Table.Td>
                  <Table.Td>{q.line}</Table.Td>
                  <Table.Td>
                    {t(`intake.reason.${q.reason}`)}
                    {q.issues.length > 0 && (
                      <ul className={classes.issues}>
                        {q.issues.map((issue, i) => (
                          <li key={i}>{issue}</li>
                        ))}
                      </ul>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Code className={classes.raw}>{q.raw}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.value.total > list.value.items.length && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('intake.shown', { shown: list.value.items.length, total: list.value.total })}
            </Text>
          )}
        </>
      )}
    </Dialog>
  );
}
