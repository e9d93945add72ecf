import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Output } from '../../../../shared/contract';
import type { Customer } from '../../../../shared/schema';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { alertError, usePlacedError } from '../../app/fieldErrors';
import { announceDataNotice } from './dataNotice';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Saves text as a file through a Blob and a download link: the same in Electron and in a browser. */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Lead only, on the customer card: a customer's data request. Export downloads everything stored about them;
 * delete removes it all once the lead has typed the customer's name (the core checks the name too).
 */
export function CustomerDataActions({ customer }: { customer: Pick<Customer, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const placed = usePlacedError(error, { confirmName: 'confirmName' });
  const [exported, setExported] = useState<Output<'customer.export'> | null>(null);
  const [deleted, setDeleted] = useState<Output<'customer.delete'> | null>(null);

  const exportData = async () => {
    const r = await api.call['customer.export']({ customerId: customer.id });
    setError(r.ok ? null : r.error);
    if (!r.ok) return;
    download(r.value.fileName, JSON.stringify(r.value.document, null, 2));
    setExported(r.value);
  };
  const remove = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call['customer.delete']({ customerId: customer.id, confirmName: typed });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setDeleted(r.value);
      setConfirming(false);
      // The card goes away with the customer: the header keeps the confirmation.
      announceDataNotice(t('data.customer.deleted', { name: customer.name, count: total(r.value.counts) }));
    }
  };

  if (deleted) return <p role="status">{t('data.customer.deleted', { name: customer.name, count: total(deleted.counts) })}</p>;
  return (
    <Stack gap="xs" mt="sm" role="group" aria-label={t('data.customer.group')}>
      <Group gap="xs">
        <Button size="compact-sm" variant="default" aria-label={t('data.customer.exportLabel', { name: customer.name })} onClick={() => void exportData()}>
          {t('data.customer.export')}
        </Button>
        <Button
          size="compact-sm"
          variant="outline"
          color="red"
          aria-label={t('data.customer.deleteLabel', { name: customer.name })}
          aria-expanded={confirming}
          onClick={() => setConfirming((v) => !v)}
        >
          {t('data.customer.delete')}
        </Button>
      </Group>
      {exported && <p role="status">{t('data.customer.exported', { fileName: exported.fileName, count: total(exported.document.counts) })}</p>}
      {confirming && (
        <Paper component="form" withBorder p="sm" onSubmit={(e) => void remove(e)}>
          <Stack gap="xs">
            <Text size="sm">{t('data.customer.confirmDelete', { name: customer.name })}</Text>
            <TextInput label={t('data.customer.typeName')} value={typed} autoComplete="off" onChange={(e) => setTyped(e.currentTarget.value)} error={placed.byField.confirmName} {...alertError} />
            <Group gap="xs">
              <Button type="submit" size="compact-sm" color="red" disabled={typed.trim() !== customer.name.trim()}>
                {t('data.customer.confirmDeleteButton')}
              </Button>
              <Button type="button" size="compact-sm" variant="default" onClick={() => setConfirming(false)}>
                {t('data.cancel')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {placed.rest && <ErrorText error={placed.rest} />}
    </Stack>
  );
}
