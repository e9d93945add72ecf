import { Button, Group, NativeSelect, Popover, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useSession } from '../../app/session';

/** Hands the dedicated ownership to a colleague with a note; both see it in the timeline. */
export function TransferForm({ conversationId, ownerId, onError }: { conversationId: string; ownerId: string | null; onError(e: ContractError | null): void }) {
  const { t } = useTranslation();
  const { agents } = useSession();
  const [open, setOpen] = useState(false);
  const candidates = agents.filter((a) => a.role !== 'trainee' && a.id !== ownerId);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call['conversation.transfer']({ id: conversationId, toAgentId: to, note });
    onError(r.ok ? null : r.error);
    if (r.ok) {
      setOpen(false);
      setNote('');
      setTo('');
    }
  };
  return (
    <Popover opened={open} onChange={setOpen} position="bottom-start" width={320} trapFocus returnFocus withArrow shadow="md">
      <Popover.Target>
        <Button variant="default" size="xs" onClick={() => setOpen((o) => !o)}>
          {t('conversation.transfer')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit} aria-label={t('conversation.transfer')}>
          <Stack gap="xs">
            {/* A native select: the list of colleagues is short, and the platform's picker works with every input method. */}
            <NativeSelect size="xs" label={t('conversation.transferTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} required>
              <option value="" disabled>
                {t('conversation.chooseAgent')}
              </option>
              {candidates.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                  {a.presence !== 'online' ? ` (${t(`conversation.presence.${a.presence}`)})` : ''}
                </option>
              ))}
            </NativeSelect>
            <TextInput size="xs" label={t('conversation.transferNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required maxLength={2000} />
            <Group gap="xs" justify="flex-end">
              <Button variant="default" size="xs" onClick={() => setOpen(false)}>
                {t('conversation.cancel')}
              </Button>
              <Button type="submit" size="xs" disabled={!to || !note.trim()}>
                {t('conversation.confirmTransfer')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
