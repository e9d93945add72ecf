import { Button, Group, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentSummary, ContractError } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ErrorText } from '../ErrorText';
import { IdentityCard } from './IdentityCard';
import { SecretInput } from './SecretInput';
import { signOut } from './signOut';

/** The locked workstation: only the secret of the profile that locked it, or signing out, goes on. */
export function LockScreen({ agent }: { agent: AgentSummary }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!secret) return;
    const r = await api.call['session.unlock']({ secret });
    if (!r.ok) {
      setError(r.error);
      setSecret('');
    }
  };
  return (
    <IdentityCard titleId="lock-title" title={t('identity.lockedTitle')} onSubmit={(e) => void submit(e)}>
      <Text>{t('identity.lockedIntro', { name: agent.name })}</Text>
      <SecretInput label={t('identity.secret')} autoComplete="current-password" value={secret} onChange={(e) => setSecret(e.currentTarget.value)} autoFocus />
      {error && <ErrorText error={error} />}
      <Group gap="sm">
        <Button type="submit" disabled={!secret}>
          {t('identity.unlock')}
        </Button>
        <Button type="button" variant="default" onClick={() => void signOut()}>
          {t('identity.signOut')}
        </Button>
      </Group>
    </IdentityCard>
  );
}
