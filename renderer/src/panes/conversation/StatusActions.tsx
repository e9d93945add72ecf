import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../../shared/schema';

type Settable = 'open' | 'pending' | 'resolved';

/** The status moves an agent can make from here (the core checks each): wait for the customer, back to open, resolve. */
export function StatusActions({ status, disabled, onSet }: { status: Status; disabled: boolean; onSet(status: Settable): void }) {
  const { t } = useTranslation();
  return (
    <>
      {status === 'open' && (
        <Button variant="default" size="xs" disabled={disabled} onClick={() => onSet('pending')}>
          {t('conversation.markPending')}
        </Button>
      )}
      {(status === 'pending' || status === 'resolved') && (
        <Button variant="default" size="xs" disabled={disabled} onClick={() => onSet('open')}>
          {status === 'resolved' ? t('conversation.reopen') : t('conversation.markOpen')}
        </Button>
      )}
      {status !== 'resolved' && status !== 'closed' && status !== 'bot' && (
        <Button size="xs" disabled={disabled} onClick={() => onSet('resolved')}>
          {t('conversation.resolve')}
        </Button>
      )}
    </>
  );
}
