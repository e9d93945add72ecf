import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { ProfileView } from '../../../../shared/contract/session';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../ErrorText';
import { Dialog } from '../ui/Dialog';
import { AddProfileForm } from './AddProfileForm';
import { NewSecretForm } from './NewSecretForm';

/** The lead's team profiles: add, disable or enable, give a new secret. The core checks and audits each. */
export default function ProfilesDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const list = useCall('profiles.list', {}, ['profiles']);
  const [error, setError] = useState<ContractError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [resetting, setResetting] = useState<ProfileView | null>(null);
  const done = (text: string) => {
    setError(null);
    setMessage(text);
    list.reload();
  };
  const toggle = async (p: ProfileView) => {
    const r = await api.call['profiles.setDisabled']({ id: p.id, disabled: !p.disabled });
    if (r.ok) done(p.disabled ? t('identity.profiles.enabledDone', { name: p.name }) : t('identity.profiles.disabledDone', { name: p.name }));
    else setError(r.error);
  };
  return (
    <Dialog title={t('identity.profiles.title')} onClose={onClose} size="xl">
      <Stack gap="md">
        {list.status === 'error' && <ErrorText error={list.error} />}
        {list.status === 'ok' && (
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('identity.profiles.name')}</Table.Th>
                <Table.Th scope="col">{t('identity.profiles.role')}</Table.Th>
                <Table.Th scope="col">{t('identity.profiles.status')}</Table.Th>
                <Table.Th scope="col">{t('identity.profiles.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.value.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row">{p.name}</Table.Th>
                  <Table.Td>{t(`app.roles.${p.role}`)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm">{p.disabled ? t('identity.profiles.disabledState') : t('identity.profiles.enabled')}</Text>
                      {p.demoPin && (
                        <Badge size="sm" variant="outline" color="orange" tt="none">
                          {t('identity.profiles.demoPin')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="compact-sm" variant="default" onClick={() => void toggle(p)}>
                        {p.disabled ? t('identity.profiles.enable', { name: p.name }) : t('identity.profiles.disable', { name: p.name })}
                      </Button>
                      <Button size="compact-sm" variant="default" onClick={() => setResetting(p)}>
                        {t('identity.profiles.reset', { name: p.name })}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {resetting && (
          <NewSecretForm
            key={resetting.id}
            profile={resetting}
            onDone={() => {
              done(t('identity.profiles.resetDone', { name: resetting.name }));
              setResetting(null);
            }}
            onCancel={() => setResetting(null)}
          />
        )}
        <AddProfileForm onDone={(name) => done(t('identity.profiles.added', { name }))} />
        {message && <p role="status">{message}</p>}
        {error && <ErrorText error={error} />}
      </Stack>
    </Dialog>
  );
}
