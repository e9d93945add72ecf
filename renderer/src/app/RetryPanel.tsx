import { Button, Center, Loader, Stack } from '@mantine/core';
import i18n from 'i18next';
import type { ContractError } from '../../../shared/contract';
import { ErrorText } from './ErrorText';

/** A whole-screen load that failed: the reason in words and a way to try again. */
export function RetryPanel({ error, onRetry }: { error: ContractError; onRetry(): void }) {
  return (
    <Center mih="60vh" p="xl">
      <Stack align="center" gap="sm">
        <ErrorText error={error} />
        <Button variant="default" onClick={onRetry}>
          {i18n.t('app.retry')}
        </Button>
      </Stack>
    </Center>
  );
}

/** A whole-screen load under way: a spinner named in the user's language. */
export function LoadingPanel() {
  return (
    <Center mih="60vh" role="status" aria-label={i18n.t('app.loading')}>
      <Loader size="sm" />
    </Center>
  );
}
