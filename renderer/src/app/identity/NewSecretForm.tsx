import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { ProfileView } from '../../../../shared/contract/session';
import { Secret } from '../../../../shared/schema/credential';
import { api } from '../../api/client';
import { ErrorText } from '../ErrorText';
import { usePlacedError } from '../fieldErrors';
import { SecretInput } from './SecretInput';

/** A lead gives one profile a new PIN or password (which ends that profile's sessions). */
export function NewSecretForm({ profile, onDone, onCancel }: { profile: ProfileView; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const placed = usePlacedError(error, { secret: 'secret' });
  const weak = secret !== '' && !Secret.safeParse(secret).success;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!secret || weak) return;
    const r = await api.call['profiles.resetSecret']({ id: profile.id, secret });
    if (r.ok) onDone();
    else setError(r.error);
  };
  return (
    <Paper withBorder p="md" component="form" aria-labelledby={`reset-${profile.id}`} onSubmit={(e) => void submit(e)}>
      <Stack gap="sm">
        <Title order={3} id={`reset-${profile.id}`}>
          {t('identity.profiles.reset', { name: profile.name })}
        </Title>
        <SecretInput
          label={t('identity.profiles.resetSecret')}
          autoComplete="new-password"
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          error={weak ? t('identity.tooShort') : placed.byField.secret}
          autoFocus
          maw={360}
        />
        {placed.rest && <ErrorText error={placed.rest} />}
        <Group gap="xs">
          <Button type="submit" size="sm" disabled={!secret || weak}>
            {t('identity.profiles.save')}
          </Button>
          <Button type="button" size="sm" variant="default" onClick={onCancel}>
            {t('identity.profiles.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
