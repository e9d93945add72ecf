import { Alert, Button, Code, Collapse, Group, List, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/contract';
import { api } from '../api/client';
import classes from './Banners.module.css';
import { ErrorText } from './ErrorText';
import { useSession } from './session';

/**
 * Quarantined store data is never silent: the agent sees it, with the file that keeps it, on every start until a
 * lead dismisses it (problems.dismiss, for everyone). Anyone can hide the banner for this window.
 */
export function ProblemsBanner() {
  const { t } = useTranslation();
  const { problems, agent } = useSession();
  const [hidden, setHidden] = useState(false);
  const [details, setDetails] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  if (problems.length === 0 || hidden) return null;
  const isLead = agent.role === 'lead';
  const dismiss = async (id: string) => {
    setBusy(id);
    setError(null);
    // On success the core publishes `session`, and the refetched list no longer holds it.
    const r = await api.call['problems.dismiss']({ id });
    setBusy(null);
    if (!r.ok) setError(r.error);
  };
  return (
    <Alert role="alert" color="orange" variant="light" radius={0} py="xs" className={classes.problems}>
      <Group gap="sm" wrap="nowrap" justify="space-between">
        <Text size="sm">{t('app.storeProblems', { count: problems.length })}</Text>
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-sm" variant="default" aria-expanded={details} onClick={() => setDetails((v) => !v)}>
            {t('app.showDetails')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setHidden(true)}>
            {t('app.dismiss')}
          </Button>
        </Group>
      </Group>
      <Collapse expanded={details}>
        <List size="sm" mt="xs" spacing={4}>
          {problems.map((p) => (
            <List.Item key={p.id}>
              {p.source}: {p.message} → <Code>{p.quarantinedTo}</Code>
              {isLead && (
                <Button size="compact-xs" variant="default" ml="xs" disabled={busy !== null} onClick={() => void dismiss(p.id)}>
                  {t('app.dismissProblem')}
                </Button>
              )}
            </List.Item>
          ))}
        </List>
      </Collapse>
      {error && <ErrorText error={error} />}
    </Alert>
  );
}
