import { Alert, Button, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { Secret } from '../../../../shared/schema/credential';
import { api } from '../../api/client';
import { ErrorText } from '../ErrorText';
import { alertError, usePlacedError } from '../fieldErrors';
import { IdentityCard } from './IdentityCard';
import { SecretInput } from './SecretInput';

/** A store with no profile that can sign in: create the team lead (who then adds everyone else). */
export function FirstRunScreen({ problems }: { problems: number }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const placed = usePlacedError(error, { name: 'name', secret: 'secret' });
  const weak = secret !== '' && !Secret.safeParse(secret).success;
  const mismatch = again !== '' && again !== secret;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || weak || mismatch || !secret) return;
    const r = await api.call['session.setupLead']({ name, secret });
    if (!r.ok) setError(r.error);
  };
  return (
    <IdentityCard titleId="first-run-title" title={t('identity.firstRunTitle')} onSubmit={(e) => void submit(e)}>
      {problems > 0 && (
        <Alert color="orange" variant="light">
          {t('identity.problemsBeforeSignIn', { count: problems })}
        </Alert>
      )}
      <Text>{t('identity.firstRunIntro')}</Text>
      <TextInput label={t('identity.leadName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={placed.byField.name} {...alertError} autoFocus />
      <SecretInput
        label={t('identity.newSecret')}
        autoComplete="new-password"
        value={secret}
        onChange={(e) => setSecret(e.currentTarget.value)}
        error={weak ? t('identity.tooShort') : placed.byField.secret}
      />
      <SecretInput label={t('identity.repeatSecret')} autoComplete="new-password" value={again} onChange={(e) => setAgain(e.currentTarget.value)} error={mismatch ? t('identity.mismatch') : undefined} />
      {placed.rest && <ErrorText error={placed.rest} />}
      <Button type="submit" disabled={!name.trim() || !secret || weak || mismatch || again === ''}>
        {t('identity.create')}
      </Button>
    </IdentityCard>
  );
}
