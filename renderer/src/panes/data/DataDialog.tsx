import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Output } from '../../../../shared/contract';
import { BACKUPS_TOPIC, type BackupInfo } from '../../../../shared/contract/dataAdmin';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import { Dialog } from '../../app/ui/Dialog';
import classes from './data.module.css';

/** "2026-11-24" (daily) or the date and time it was made. */
function when(b: BackupInfo, locale: string): string {
  return b.at === null ? b.day : formatTime(b.at, locale);
}

/**
 * Lead only: the backups on disk (daily, manual, pre-restore), "Back up now", and restore with a confirm step.
 * A restore replaces the data at once; what it replaced is kept as a pre-restore backup, and the dialog says so.
 * Customer-data requests (export, delete) are on the customer card (CustomerDataActions).
 */
export default function DataDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const list = useCall('backup.list', {}, [BACKUPS_TOPIC]);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState<{ kind: 'created'; name: string } | { kind: 'restored'; value: Output<'backup.restore'> } | null>(null);

  const backupNow = async () => {
    setBusy(true);
    const r = await api.call['backup.create']({});
    setBusy(false);
    setError(r.ok ? null : r.error);
    setDone(r.ok ? { kind: 'created', name: r.value.name } : null);
    list.reload();
  };
  const restore = async (b: BackupInfo) => {
    setBusy(true);
    const r = await api.call['backup.restore']({ name: b.name });
    setBusy(false);
    setConfirming(null);
    setError(r.ok ? null : r.error);
    setDone(r.ok ? { kind: 'restored', value: r.value } : null);
    list.reload();
  };

  return (
    <Dialog title={t('data.title')} onClose={onClose} size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('data.backupsHint')}
        </Text>
        <Group>
          <Button onClick={() => void backupNow()} loading={busy && !confirming}>
            {t('data.backupNow')}
          </Button>
        </Group>
        {error && <ErrorText error={error} />}
        {done?.kind === 'created' && <p role="status">{t('data.created', { name: done.name })}</p>}
        {done?.kind === 'restored' && (
          <p role="status">{t('data.restored', { name: done.value.restored, keptAs: done.value.keptAs, puts: done.value.puts, dels: done.value.dels })}</p>
        )}
        {confirming && (
          <Alert role="alertdialog" aria-label={t('data.confirmRestoreTitle')} color="red" variant="light">
            <Stack gap="sm">
              <Text fw={700}>{t('data.confirmRestoreTitle')}</Text>
              <Text size="sm">{t('data.confirmRestore', { name: confirming.name, when: when(confirming, i18n.language) })}</Text>
              <Group gap="sm">
                <Button color="red" loading={busy} onClick={() => void restore(confirming)}>
                  {t('data.confirmRestoreButton')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(null)}>
                  {t('data.cancel')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Title order={3} id="data-backups-heading">
          {t('data.backups')}
        </Title>
        {list.status === 'error' && <ErrorText error={list.error} />}
        {list.status === 'ok' && list.value.length === 0 && <Text c="dimmed">{t('data.noBackups')}</Text>}
        {list.status === 'ok' && list.value.length > 0 && (
          <div className={classes.scroll}>
            <Table aria-labelledby="data-backups-heading" verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('data.when')}</Table.Th>
                  <Table.Th scope="col">{t('data.kindLabel')}</Table.Th>
                  <Table.Th scope="col">{t('data.file')}</Table.Th>
                  <Table.Th scope="col">{t('data.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.value.map((b) => (
                  <Table.Tr key={b.name}>
                    <Table.Th scope="row">{when(b, i18n.language)}</Table.Th>
                    <Table.Td>{t(`data.kind.${b.kind}`)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {b.name} · {t('data.size', { kb: Math.max(1, Math.round(b.bytes / 1024)) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="default" aria-label={t('data.restoreLabel', { name: b.name })} disabled={busy} onClick={() => setConfirming(b)}>
                        {t('data.restore')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Stack>
    </Dialog>
  );
}
