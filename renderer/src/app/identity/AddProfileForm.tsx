import { Button, Group, NativeSelect, Paper, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { Role, type Role as RoleT } from '../../../../shared/schema/common';
import { Secret } from '../../../../shared/schema/credential';
import { api } from '../../api/client';
import { ErrorText } from '../ErrorText';
import { alertError, usePlacedError } from '../fieldErrors';
import { SecretInput } from './SecretInput';

/** A lead adds a profile: name, role (a native select), first PIN or password. Messages show under the field. */
export function AddProfileForm({ onDone }: { onDone(name: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<RoleT>('agent');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const placed = usePlacedError(error, { name: 'name', role: 'role', secret: 'secret' });
  const weak = secret !== '' && !Secret.safeParse(secret).success;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (weak) return;
    const r = await api.call['profiles.add']({ name, role, secret });
    if (r.ok) {
      setError(null);
      onDone(name);
      setName('');
      setSecret('');
    } else setError(r.error);
  };
  return (
    <Paper withBorder p="md" component="form" aria-labelledby="add-profile-title" onSubmit={(e) => void submit(e)}>
      <Title order={3} id="add-profile-title" mb="sm">
        {t('identity.profiles.add')}
      </Title>
      <Group align="flex-start" gap="sm">
        <TextInput label={t('identity.profiles.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={placed.byField.name} {...alertError} w={160} />
        <NativeSelect
          label={t('identity.profiles.role')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as RoleT)}
          data={Role.options.map((r) => ({ value: r, label: t(`app.roles.${r}`) }))}
          error={placed.byField.role}
          {...alertError}
          w={120}
        />
        <SecretInput
          label={t('identity.newSecret')}
          autoComplete="new-password"
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          error={weak ? t('identity.tooShort') : placed.byField.secret}
          style={{ flex: 1, minWidth: 220 }}
        />
      </Group>
      {placed.rest && <ErrorText error={placed.rest} />}
      <Button type="submit" mt="sm" disabled={!name.trim() || !secret || weak}>
        {t('identity.profiles.add')}
      </Button>
    </Paper>
  );
}
