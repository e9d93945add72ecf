import { Alert, Button, Radio, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { ProfileChoice } from '../../../../shared/contract/session';
import { api } from '../../api/client';
import { ErrorText } from '../ErrorText';
import { useOpeningProgress, useOpeningText } from '../OpeningPanel';
import { IdentityCard } from './IdentityCard';
import classes from './IdentityCard.module.css';
import { SecretInput } from './SecretInput';

/**
 * Pick a profile, give its secret. On the demo store each profile shows its documented demo PIN.
 * `opening`: the store is still opening (the profiles come from its files, read ahead): the screen says so and how far
 * the open has got, and a sign-in waits for it; the list is refreshed when the open is done.
 */
export function SignInScreen({ profiles, problems, opening = false }: { profiles: ProfileChoice[]; problems: number; opening?: boolean }) {
  const { t } = useTranslation();
  const [agentId, setAgentId] = useState(profiles[0]?.id ?? '');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const demo = profiles.some((p) => p.demoPin);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!agentId || !secret || busy) return;
    setBusy(true);
    const r = await api.call['session.signIn']({ agentId, secret });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setSecret('');
    }
    // On success the core's session event brings the workspace.
  };

  return (
    <IdentityCard titleId="sign-in-title" title={t('identity.signInTitle')} onSubmit={(e) => void submit(e)}>
      {problems > 0 && (
        <Alert color="orange" variant="light">
          {t('identity.problemsBeforeSignIn', { count: problems })}
        </Alert>
      )}
      {demo && (
        <Text size="sm" c="dimmed">
          {t('identity.demoNote')}
        </Text>
      )}
      <Radio.Group name="profile" label={t('identity.profile')} value={agentId} onChange={setAgentId}>
        <div className={classes.choices}>
          {profiles.map((p) => (
            <Radio
              key={p.id}
              value={p.id}
              label={
                <>
                  {p.name} · {t(`app.roles.${p.role}`)}
                  {p.demoPin && (
                    <Text component="small" size="xs" c="dimmed">
                      {' '}
                      ({t('identity.demoPin', { pin: p.demoPin })})
                    </Text>
                  )}
                </>
              }
            />
          ))}
        </div>
      </Radio.Group>
      <SecretInput label={t('identity.secret')} autoComplete="current-password" value={secret} onChange={(e) => setSecret(e.currentTarget.value)} autoFocus />
      {error && <ErrorText error={error} />}
      <Button type="submit" loading={busy} disabled={!secret || !agentId}>
        {busy ? t('identity.signingIn') : t('identity.signIn')}
      </Button>
      {opening && <StillOpening />}
    </IdentityCard>
  );
}

/** While the store opens under the sign-in screen: one line saying so, with the open's progress when known. */
function StillOpening() {
  const { t } = useTranslation();
  const text = useOpeningText(useOpeningProgress());
  return (
    <Text size="xs" c="dimmed" role="status">
      {text ? t('identity.stillOpeningAt', { progress: text }) : t('identity.stillOpening')}
    </Text>
  );
}
